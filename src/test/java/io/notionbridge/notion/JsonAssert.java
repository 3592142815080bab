package io.notionbridge.notion;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.Comparator;

import com.fasterxml.jackson.databind.JsonNode;

/** JSON equality for tests: numbers compare by value (3 equals 3.0 and a BigDecimal 3), everything else exactly. */
public final class JsonAssert {

    private static final Comparator<JsonNode> NUMBERS_BY_VALUE = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    };

    private JsonAssert() {
    }

    public static void assertJsonEquals(JsonNode expected, JsonNode actual) {
        if (!expected.equals(NUMBERS_BY_VALUE, actual)) {
            fail("JSON differs\nexpected: " + expected.toPrettyString() + "\nactual:   " + actual.toPrettyString());
        }
    }
}
