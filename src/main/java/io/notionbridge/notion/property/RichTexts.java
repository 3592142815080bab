package io.notionbridge.notion.property;

import com.fasterxml.jackson.databind.JsonNode;

/** The plain text of Notion rich text: {@code plain_text} of each piece, else its text content or equation. */
final class RichTexts {

    private RichTexts() {
    }

    /** Joins an array of rich text objects (or one object, as property items carry it); "" for null or empty. */
    static String plainText(JsonNode richText) {
        if (richText == null || richText.isNull()) {
            return "";
        }
        if (richText.isObject()) {
            return piece(richText);
        }
        StringBuilder sb = new StringBuilder();
        for (JsonNode piece : richText) {
            sb.append(piece(piece));
        }
        return sb.toString();
    }

    private static String piece(JsonNode piece) {
        if (piece.path("plain_text").isTextual()) {
            return piece.get("plain_text").asText();
        }
        JsonNode content = piece.path("text").path("content");
        if (content.isTextual()) {
            return content.asText();
        }
        return piece.path("equation").path("expression").asText("");
    }
}
