package io.notionbridge.sandbox.fault;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.notionbridge.sandbox.model.Json;

/**
 * One injected fault on {@code /v1} requests: which requests it hits (method and path, where {@code {id}} matches one
 * path segment and a trailing {@code *} any rest; absent means every request), what it does (answer with a status
 * code, add latency, drop the connection, or commit the write and then answer 503) and how often (a probability
 * {@code rate}, and/or the next {@code count} matching requests; neither means every matching request). With
 * {@code after}, the first {@code after} matching requests pass untouched before the rule starts to fire (e.g. a 429
 * storm that starts at the third query of a walk). A {@code mix} rule fires like any other and then takes its faults in
 * turn: {@code {"rate":0.05,"mix":[{"status":500},{"status":502},{"status":503},{"status":504},{"drop":true}]}} fails
 * 5% of the requests, each kind as often as the others.
 */
public final class FaultRule {

    public enum Kind { STATUS, LATENCY, DROP, COMMITTED_THEN_503, MIX }

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
    private int skip;
    private List<FaultRule> mix = List.of();
    private int nextMix;

    public FaultRule(long id, Kind kind, String method, String path, int status, Double rate, Integer count,
                     long latencyMs, Integer retryAfterSeconds) {
        this(id, kind, method, path, status, rate, count, latencyMs, retryAfterSeconds, null);
    }

    /** As above; {@code rateLimitReason} replaces {@code public_api_request_rate_limit} in an injected 429. */
    public FaultRule(long id, Kind kind, String method, String path, int status, Double rate, Integer count,
                     long latencyMs, Integer retryAfterSeconds, String rateLimitReason) {
        this(id, kind, method, path, status, rate, count, latencyMs, retryAfterSeconds, rateLimitReason, 0);
    }

    /** As above; the first {@code after} matching requests pass before the rule can fire. */
    public FaultRule(long id, Kind kind, String method, String path, int status, Double rate, Integer count,
                     long latencyMs, Integer retryAfterSeconds, String rateLimitReason, int after) {
        if (after < 0) {
            throw new IllegalArgumentException("after must be ≥ 0, got " + after);
        }
        this.skip = after;
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
     * {@code "reason"} (e.g. {@code public_api_request_blocked}). {@code "after":N} lets the first N matching requests
     * through: {@code {"path":"/v1/data_sources/{id}/query","status":429,"retry_after":120,"after":1,"count":6}}.
     */
    public static FaultRule fromJson(long id, JsonNode j) {
        Kind kind;
        String type = j.path("type").asText("").toLowerCase(Locale.ROOT).replace("-", "_");
        if (j.has("mix")) {
            kind = Kind.MIX;
        } else if (type.equals("drop") || j.path("drop").asBoolean(false) || j.path("drop_connection").asBoolean(false)) {
            kind = Kind.DROP;
        } else if (type.equals("committed_then_503") || type.equals("committedthen503")
                || j.path("committed_then_503").asBoolean(false) || j.path("committedThen503").asBoolean(false)) {
            kind = Kind.COMMITTED_THEN_503;
        } else if (type.equals("latency") || (!j.has("status") && (j.has("latency_ms") || j.has("latencyMs")))) {
            kind = Kind.LATENCY;
        } else if (type.equals("status") || j.has("status")) {
            kind = Kind.STATUS;
        } else {
            throw new IllegalArgumentException("a fault needs a status, latency_ms, drop, committed_then_503 or mix");
        }
        long latency = j.has("latency_ms") ? j.path("latency_ms").asLong() : j.path("latencyMs").asLong(0);
        JsonNode retry = j.has("retry_after") ? j.get("retry_after") : j.get("retryAfter");
        if (kind == Kind.MIX) {
            if (!j.get("mix").isArray() || j.get("mix").isEmpty()) {
                throw new IllegalArgumentException("mix must be a non-empty array of faults, e.g. [{\"status\":500},{\"drop\":true}]");
            }
            List<FaultRule> parts = new ArrayList<>();
            for (JsonNode part : j.get("mix")) {
                FaultRule r = fromJson(0, part);
                if (r.kind == Kind.MIX || r.kind == Kind.LATENCY) {
                    throw new IllegalArgumentException("a mix holds status, drop and committed_then_503 faults, got " + part);
                }
                parts.add(r);
            }
            FaultRule rule = new FaultRule(id, kind, j.path("method").asText(null), j.path("path").asText(null), 0,
                    j.has("rate") ? j.get("rate").asDouble() : null, j.has("count") ? j.get("count").asInt() : null, 0,
                    null, null, j.path("after").asInt(0));
            rule.mix = List.copyOf(parts);
            return rule;
        }
        return new FaultRule(id, kind, j.path("method").asText(null), j.path("path").asText(null),
                j.path("status").asInt(0), j.has("rate") ? j.get("rate").asDouble() : null,
                j.has("count") ? j.get("count").asInt() : null, latency,
                retry == null || retry.isNull() ? null : retry.asInt(), j.path("reason").asText(null),
                j.path("after").asInt(0));
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
        if (skip > 0) {
            skip--;
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

    /**
     * For a mix: the next of its faults in turn that applies to the request (committed-then-503 only to writes), so
     * that every kind comes up as often as the others; null when none applies. Any other rule returns itself.
     */
    synchronized FaultRule pick(boolean write) {
        if (kind != Kind.MIX) {
            return this;
        }
        for (int i = 0; i < mix.size(); i++) {
            FaultRule next = mix.get(nextMix++ % mix.size());
            if (next.kind != Kind.COMMITTED_THEN_503 || write) {
                return next;
            }
        }
        return null;
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
        if (skip > 0) {
            o.put("after", skip);
        }
        if (kind == Kind.LATENCY) {
            o.put("latency_ms", latencyMs);
        }
        if (kind == Kind.MIX) {
            com.fasterxml.jackson.databind.node.ArrayNode parts = o.putArray("mix");
            mix.forEach(m -> {
                ObjectNode part = m.toJson();
                part.remove(List.of("id", "method", "path"));
                parts.add(part);
            });
        }
        if (retryAfterSeconds != null) {
            o.put("retry_after", retryAfterSeconds);
        }
        return o;
    }
}
