package io.notionbridge.sandbox.fault;

import java.util.Locale;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.notionbridge.sandbox.model.Json;

/**
 * One injected fault on {@code /v1} requests: which requests it hits (method and path, where {@code {id}} matches one
 * path segment and a trailing {@code *} any rest; absent means every request), what it does (answer with a status
 * code, add latency, drop the connection, or commit the write and then answer 503) and how often (a probability
 * {@code rate}, and/or the next {@code count} matching requests; neither means every matching request).
 */
public final class FaultRule {

    public enum Kind { STATUS, LATENCY, DROP, COMMITTED_THEN_503 }

    private final long id;
    private final Kind kind;
    private final String method;
    private final String path;
    private final Pattern pathPattern;
    private final int status;
    private final Double rate;
    private final long latencyMs;
    private final Integer retryAfterSeconds;
    private final String rateLimitReason;
    private Integer remaining;

    public FaultRule(long id, Kind kind, String method, String path, int status, Double rate, Integer count,
                     long latencyMs, Integer retryAfterSeconds) {
        this(id, kind, method, path, status, rate, count, latencyMs, retryAfterSeconds, null);
    }

    /** As above; {@code rateLimitReason} replaces {@code public_api_request_rate_limit} in an injected 429. */
    public FaultRule(long id, Kind kind, String method, String path, int status, Double rate, Integer count,
                     long latencyMs, Integer retryAfterSeconds, String rateLimitReason) {
        this.rateLimitReason = rateLimitReason == null || rateLimitReason.isBlank() ? null : rateLimitReason;
        this.id = id;
        this.kind = kind;
        this.method = method == null || method.isBlank() ? null : method.toUpperCase(Locale.ROOT);
        this.path = path == null || path.isBlank() ? null : path;
        this.pathPattern = this.path == null ? null : toPattern(this.path);
        this.status = status;
        this.rate = rate;
        this.remaining = count;
        this.latencyMs = latencyMs;
        this.retryAfterSeconds = retryAfterSeconds;
        if (kind == Kind.STATUS && (status < 400 || status > 599)) {
            throw new IllegalArgumentException("a status fault needs a status between 400 and 599, got " + status);
        }
        if (rate != null && (rate < 0 || rate > 1)) {
            throw new IllegalArgumentException("rate must be between 0 and 1, got " + rate);
        }
        if (count != null && count < 1) {
            throw new IllegalArgumentException("count must be ≥ 1, got " + count);
        }
    }

    /**
     * Reads a rule from the admin API's JSON: {@code {"path":"/v1/pages","method":"POST","status":503,"count":3}},
     * {@code {"status":500,"rate":0.05}}, {@code {"latency_ms":300}}, {@code {"drop":true}},
     * {@code {"committed_then_503":true,"method":"PATCH"}}, or with an explicit {@code "type"}. A 429 may name its
     * {@code "reason"} (e.g. {@code public_api_request_blocked}).
     */
    public static FaultRule fromJson(long id, JsonNode j) {
        Kind kind;
        String type = j.path("type").asText("").toLowerCase(Locale.ROOT).replace("-", "_");
        if (type.equals("drop") || j.path("drop").asBoolean(false) || j.path("drop_connection").asBoolean(false)) {
            kind = Kind.DROP;
        } else if (type.equals("committed_then_503") || type.equals("committedthen503")
                || j.path("committed_then_503").asBoolean(false) || j.path("committedThen503").asBoolean(false)) {
            kind = Kind.COMMITTED_THEN_503;
        } else if (type.equals("latency") || (!j.has("status") && (j.has("latency_ms") || j.has("latencyMs")))) {
            kind = Kind.LATENCY;
        } else if (type.equals("status") || j.has("status")) {
            kind = Kind.STATUS;
        } else {
            throw new IllegalArgumentException("a fault needs a status, latency_ms, drop or committed_then_503");
        }
        long latency = j.has("latency_ms") ? j.path("latency_ms").asLong() : j.path("latencyMs").asLong(0);
        JsonNode retry = j.has("retry_after") ? j.get("retry_after") : j.get("retryAfter");
        return new FaultRule(id, kind, j.path("method").asText(null), j.path("path").asText(null),
                j.path("status").asInt(0), j.has("rate") ? j.get("rate").asDouble() : null,
                j.has("count") ? j.get("count").asInt() : null, latency,
                retry == null || retry.isNull() ? null : retry.asInt(), j.path("reason").asText(null));
    }

    private static Pattern toPattern(String path) {
        StringBuilder re = new StringBuilder();
        String p = path.endsWith("*") ? path.substring(0, path.length() - 1) : path;
        for (String part : p.split("(?=\\{)|(?<=})")) {
            re.append(part.startsWith("{") && part.endsWith("}") ? "[^/]+" : Pattern.quote(part));
        }
        if (path.endsWith("*")) {
            re.append(".*");
        }
        return Pattern.compile(re.toString());
    }

    public boolean matches(String requestMethod, String requestPath) {
        return (method == null || method.equals(requestMethod))
                && (pathPattern == null || pathPattern.matcher(requestPath).matches());
    }

    /** Decides whether the rule fires for one matching request, spending one of its count if so. */
    synchronized boolean fire(java.util.Random random) {
        if (remaining != null && remaining <= 0) {
            return false;
        }
        if (rate != null && random.nextDouble() >= rate) {
            return false;
        }
        if (remaining != null) {
            remaining--;
        }
        return true;
    }

    synchronized boolean exhausted() {
        return remaining != null && remaining <= 0;
    }

    public long id() {
        return id;
    }

    public Kind kind() {
        return kind;
    }

    public int status() {
        return status;
    }

    public long latencyMs() {
        return latencyMs;
    }

    /** The {@code rate_limit_reason} of an injected 429, or null for Notion's ordinary one. */
    public String rateLimitReason() {
        return rateLimitReason;
    }

    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public synchronized ObjectNode toJson() {
        ObjectNode o = Json.object();
        o.put("id", id);
        o.put("type", kind.name().toLowerCase(Locale.ROOT));
        o.put("method", method);
        o.put("path", path);
        if (kind == Kind.STATUS) {
            o.put("status", status);
        }
        if (rate != null) {
            o.put("rate", rate);
        }
        if (remaining != null) {
            o.put("remaining", remaining);
        }
        if (kind == Kind.LATENCY) {
            o.put("latency_ms", latencyMs);
        }
        if (retryAfterSeconds != null) {
            o.put("retry_after", retryAfterSeconds);
        }
        return o;
    }
}
