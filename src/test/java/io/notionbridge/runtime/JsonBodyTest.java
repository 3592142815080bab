package io.notionbridge.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** Reading the small JSON bodies of the command endpoints: limit, location of parse errors, object only, known fields. */
class JsonBodyTest {

    private static HttpProblem problem(Runnable r) {
        try {
            r.run();
        } catch (HttpProblem p) {
            return p;
        }
        throw new AssertionError("no HttpProblem");
    }

    @Test
    void anAbsentOrBlankBodyIsAnEmptyObject() {
        assertThat(JsonBody.object(null, 100)).isEmpty();
        assertThat(JsonBody.object("  \n", 100)).isEmpty();
        ObjectNode o = JsonBody.object("{\"worker\":\"w1\"}", 100);
        assertThat(o.get("worker").asText()).isEqualTo("w1");
    }

    @Test
    void malformedJsonIs400WithLineAndColumn() {
        HttpProblem p = problem(() -> JsonBody.object("{\n  \"worker\": \"w1\",\n  \"channel\" \"x\"}", 1000));
        assertThat(p.status()).isEqualTo(400);
        assertThat(p.code()).isEqualTo("invalid_json");
        assertThat(p.getMessage()).startsWith("the request body is not valid JSON at line 3, column ")
                .contains("was expecting a colon");
        assertThat(problem(() -> JsonBody.object("{\"a\":1} {\"b\":2}", 1000)).getMessage()).contains("Trailing token");
        assertThat(problem(() -> JsonBody.object("{\"a\":1,\"a\":2}", 1000)).getMessage()).contains("Duplicate field 'a'");
    }

    @Test
    void onlyAnObjectIsABody() {
        for (String notObject : new String[] {"null", "[]", "\"text\"", "42", "true"}) {
            HttpProblem p = problem(() -> JsonBody.object(notObject, 1000));
            assertThat(p.status()).as(notObject).isEqualTo(400);
            assertThat(p.code()).isEqualTo("invalid_request");
            assertThat(p.getMessage()).startsWith("the request body must be a JSON object, got ");
        }
        assertThat(problem(() -> JsonBody.object("null", 1000)).getMessage()).endsWith("got null");
        assertThat(problem(() -> JsonBody.object("[1]", 1000)).getMessage()).endsWith("got an array");
    }

    @Test
    void aBodyOverTheLimitIs413CountingUtf8Bytes() {
        String eightyBytes = "{\"w\":\"" + "é".repeat(36) + "\"}";
        assertThat(eightyBytes.length()).isEqualTo(44);
        HttpProblem p = problem(() -> JsonBody.object(eightyBytes, 79));
        assertThat(p.status()).isEqualTo(413);
        assertThat(p.code()).isEqualTo("payload_too_large");
        assertThat(p.getMessage()).isEqualTo("the request body is 80 bytes; at most 79 are accepted here");
        assertThat(JsonBody.object(eightyBytes, 80)).hasSize(1);
    }

    @Test
    void unknownFieldsAreNamedWithTheFieldsThatExist() {
        ObjectNode o = JsonBody.object("{\"worker\":\"w\",\"wrker\":1,\"x\":2}", 1000);
        HttpProblem p = problem(() -> JsonBody.onlyFields(o, List.of("worker", "channel")));
        assertThat(p.status()).isEqualTo(400);
        assertThat(p.code()).isEqualTo("unknown_field");
        assertThat(p.getMessage()).isEqualTo("unknown fields 'wrker', 'x'; the fields here are: worker, channel");
        assertThat(problem(() -> JsonBody.onlyFields(o, List.of())).getMessage()).endsWith("none (send no body)");
        JsonBody.onlyFields(JsonBody.object("{\"worker\":\"w\"}", 1000), List.of("worker", "channel"));
    }
}
