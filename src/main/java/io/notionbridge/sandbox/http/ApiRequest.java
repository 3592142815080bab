package io.notionbridge.sandbox.http;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.notionbridge.sandbox.model.ApiError;
import io.notionbridge.sandbox.model.Json;
import io.notionbridge.sandbox.model.NotionIds;
import io.notionbridge.sandbox.model.NotionVersion;
import io.notionbridge.sandbox.write.RequestLimits;
import io.vertx.ext.web.RoutingContext;

/** One authenticated {@code /v1} request as the resource handlers see it: version, ids, query string and JSON body. */
public final class ApiRequest {

    private final RoutingContext ctx;
    private final NotionVersion version;
    private ObjectNode body;

    ApiRequest(RoutingContext ctx, NotionVersion version) {
        this.ctx = ctx;
        this.version = version;
    }

    public NotionVersion version() {
        return version;
    }

    public String method() {
        return ctx.request().method().name();
    }

    /** The path parameter {@code name} as a dashed UUID; Notion's {@code path failed validation} error otherwise. */
    public String id(String name, String notionName) {
        String raw = ctx.pathParam(name);
        return NotionIds.normalize(raw).orElseThrow(() -> ApiError.validation("path failed validation: path."
                + notionName + " should be a valid uuid, instead was `\"" + raw + "\"`."));
    }

    public String pathParam(String name) {
        return ctx.pathParam(name);
    }

    public String query(String name) {
        return ctx.request().getParam(name);
    }

    /** Every value of a repeated query parameter, accepting {@code name} and {@code name[]}. */
    public Set<String> queryAll(String name) {
        Set<String> out = new LinkedHashSet<>();
        List<String> raw = new ArrayList<>(ctx.queryParam(name));
        raw.addAll(ctx.queryParam(name + "[]"));
        raw.forEach(v -> out.add(v));
        return out;
    }

    /** The JSON body ({@code {}} when empty), checked against Notion's size limits. */
    public ObjectNode body() {
        if (body == null) {
            io.vertx.core.buffer.Buffer buf = ctx.body().buffer();
            int size = buf == null ? 0 : buf.length();
            RequestLimits.checkBodySize(size);
            if (size == 0 || buf.toString().isBlank()) {
                body = Json.object();
            } else {
                JsonNode parsed;
                try {
                    parsed = Json.parse(buf.toString(java.nio.charset.StandardCharsets.UTF_8));
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw ApiError.invalidJson();
                }
                if (!parsed.isObject()) {
                    throw ApiError.validation("body failed validation: body should be an object, instead was `"
                            + Json.write(parsed) + "`.");
                }
                RequestLimits.check(parsed);
                body = (ObjectNode) parsed;
            }
        }
        return body;
    }

    /** Fails with Notion's {@code should be not present} error for any body key outside {@code allowed}. */
    public void allowOnly(Set<String> allowed) {
        for (Iterator<String> it = body().fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!allowed.contains(key)) {
                throw ApiError.validation("body failed validation: body." + key + " should be not present, instead was `"
                        + Json.write(body().get(key)) + "`.");
            }
        }
    }
}
