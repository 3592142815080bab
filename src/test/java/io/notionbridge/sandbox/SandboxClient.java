package io.notionbridge.sandbox;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import io.notionbridge.sandbox.model.Json;

/** A small Notion client for tests: JSON in and out, chosen version, raw responses available. */
final class SandboxClient {

    /** A response: status, parsed body (null when not JSON) and headers. */
    record Response(int status, JsonNode body, HttpResponse<String> raw) {
        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String token;
    private final String version;

    SandboxClient(NotionSandbox sandbox, String version) {
        this(sandbox.baseUrl(), sandbox.token(), version);
    }

    SandboxClient(String baseUrl, String token, String version) {
        this.baseUrl = baseUrl;
        this.token = token;
        this.version = version;
    }

    SandboxClient withVersion(String v) {
        return new SandboxClient(baseUrl, token, v);
    }

    SandboxClient withToken(String t) {
        return new SandboxClient(baseUrl, t, version);
    }

    Response get(String path) {
        return send("GET", path, null);
    }

    Response post(String path, Object body) {
        return send("POST", path, body);
    }

    Response patch(String path, Object body) {
        return send("PATCH", path, body);
    }

    Response send(String method, String path, Object body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(20));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (version != null) {
            b.header("Notion-Version", version);
        }
        String text = body == null ? null : body instanceof String s ? s : Json.write((JsonNode) body);
        b.header("Content-Type", "application/json");
        b.method(method, text == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(text));
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode parsed;
            try {
                parsed = r.body().isEmpty() ? null : Json.parse(r.body());
            } catch (IOException e) {
                parsed = null;
            }
            return new Response(r.statusCode(), parsed, r);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(String text) {
        try {
            return Json.parse(text);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
