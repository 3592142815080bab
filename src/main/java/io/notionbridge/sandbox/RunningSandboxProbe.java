package io.notionbridge.sandbox;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Tells whether a Notion sandbox already runs at a URL (the one a running bridge started), so that a one-shot CLI
 * command in sandbox mode works on the same demo data instead of starting a fresh, empty-handed sandbox.
 */
final class RunningSandboxProbe {

    private RunningSandboxProbe() {
    }

    static boolean answers(String baseUrl, String token) {
        try {
            HttpResponse<String> r = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build().send(
                    HttpRequest.newBuilder(URI.create(baseUrl + "/_sandbox/counters")).timeout(Duration.ofSeconds(2)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
