package io.notionbridge.notion;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One call to the Notion API as the gateway should send it: method, path under {@code https://api.notion.com},
 * ordered query parameters (a name may repeat, e.g. {@code filter_properties}) and an optional JSON body.
 * It also says whether the call changes state in Notion ({@link #isWrite()}) and whether repeating it after an unknown
 * outcome is harmless ({@link #safeToRetry()}): Notion's {@code POST …/query} and {@code POST /v1/search} are reads.
 *
 * <p>The body is copied on construction; treat the returned body as read-only.
 */
public record NotionRequest(Method method, String path, Map<String, List<String>> query, JsonNode body) {

    /** The HTTP methods the Notion API uses. */
    public enum Method { GET, POST, PATCH, DELETE }

    private static final Pattern READ_POST = Pattern.compile(
            "/v1/search|/v1/(data_sources|databases)/[^/]+/query");

    public NotionRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        if (!path.startsWith("/") || path.contains("?") || path.contains("#")) {
            throw new IllegalArgumentException("path must start with / and carry no query string: " + path);
        }
        Map<String, List<String>> copy = new LinkedHashMap<>();
        if (query != null) {
            query.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "query parameter name"), List.copyOf(v)));
        }
        query = Collections.unmodifiableMap(copy);
        body = body == null || body.isNull() || body.isMissingNode() ? null : body.deepCopy();
    }

    public static NotionRequest get(String path) {
        return new NotionRequest(Method.GET, path, null, null);
    }

    public static NotionRequest get(String path, Map<String, String> query) {
        NotionRequest r = get(path);
        for (Map.Entry<String, String> e : query.entrySet()) {
            r = r.withAddedQueryParam(e.getKey(), e.getValue());
        }
        return r;
    }

    public static NotionRequest post(String path, JsonNode body) {
        return new NotionRequest(Method.POST, path, null, body);
    }

    public static NotionRequest patch(String path, JsonNode body) {
        return new NotionRequest(Method.PATCH, path, null, body);
    }

    public static NotionRequest delete(String path) {
        return new NotionRequest(Method.DELETE, path, null, null);
    }

    /** {@code POST /v1/data_sources/{id}/query}: a read, safe to retry. */
    public static NotionRequest query(String dataSourceId, JsonNode body) {
        return post("/v1/data_sources/" + segment(dataSourceId) + "/query", body == null ? NotionJson.object() : body);
    }

    /** {@code POST /v1/search}: a read, safe to retry. */
    public static NotionRequest search(JsonNode body) {
        return post("/v1/search", body == null ? NotionJson.object() : body);
    }

    /** Checks that an id can stand as one path segment (Notion ids are UUIDs, with or without dashes). */
    public static String segment(String id) {
        if (id == null || id.isBlank() || id.chars().anyMatch(c -> c == '/' || c == '?' || c == '#' || c <= ' ')) {
            throw new IllegalArgumentException("not a Notion id: '" + id + "'");
        }
        return id;
    }

    /** True when the call reads: every GET, and the query and search POSTs. */
    public boolean isRead() {
        return method == Method.GET || method == Method.POST && READ_POST.matcher(path).matches();
    }

    /** True when the call may change state in Notion (POST/PATCH/DELETE other than query and search). */
    public boolean isWrite() {
        return !isRead();
    }

    /**
     * True when sending the call again after an unknown outcome cannot do harm: reads, and DELETE (trashing twice
     * leaves the same state). A POST or PATCH that is not a query or search is never safe to repeat blindly.
     */
    public boolean safeToRetry() {
        return isRead() || method == Method.DELETE;
    }

    /** A copy with the query parameter set to this single value (replacing earlier values of that name). */
    public NotionRequest withQueryParam(String name, String value) {
        Map<String, List<String>> q = new LinkedHashMap<>(query);
        q.put(name, List.of(value));
        return new NotionRequest(method, path, q, body);
    }

    /** A copy with one more value for the query parameter (for repeated names such as {@code filter_properties}). */
    public NotionRequest withAddedQueryParam(String name, String value) {
        Map<String, List<String>> q = new LinkedHashMap<>(query);
        List<String> values = new ArrayList<>(q.getOrDefault(name, List.of()));
        values.add(Objects.requireNonNull(value, "query parameter value"));
        q.put(name, values);
        return new NotionRequest(method, path, q, body);
    }

    /** A copy without the query parameter. */
    public NotionRequest withoutQueryParam(String name) {
        Map<String, List<String>> q = new LinkedHashMap<>(query);
        q.remove(name);
        return new NotionRequest(method, path, q, body);
    }

    public NotionRequest withBody(JsonNode newBody) {
        return new NotionRequest(method, path, query, newBody);
    }

    /** The URL-encoded query string without the leading {@code ?}, in insertion order; empty when there is none. */
    public String queryString() {
        return query.entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(v -> encode(e.getKey()) + "=" + encode(v)))
                .collect(Collectors.joining("&"));
    }

    /** Path plus query string, as it goes on the request line. */
    public String uri() {
        String q = queryString();
        return q.isEmpty() ? path : path + "?" + q;
    }

    /** {@code "GET /v1/pages/…"}: how logs and error messages name this call. */
    public String endpoint() {
        return method + " " + path;
    }

    @Override
    public String toString() {
        return method + " " + uri();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
