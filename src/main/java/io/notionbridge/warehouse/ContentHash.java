package io.notionbridge.warehouse;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.notionbridge.notion.NotionJson;

/**
 * The content hash of a bronze row: SHA-256 (hex) of the page JSON and the completed property values. It decides
 * whether a page read again is {@code updated} or {@code unchanged}.
 *
 * <p>Notion-hosted files ({@code {"type":"file","file":{"url","expiry_time"}}} in files properties, icons and covers)
 * come back with a new signed URL on every read; their {@code url} and {@code expiry_time} are left out of the hash, so
 * a page nobody edited stays {@code unchanged}. The stored {@code raw_json} still has the URL as Notion sent it.
 */
public final class ContentHash {

    private ContentHash() {
    }

    public static String of(JsonNode page, JsonNode completed) {
        try {
            return of(page, NotionJson.MAPPER.writeValueAsString(page), completed);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot hash a page: " + e.getMessage(), e);
        }
    }

    /** As {@link #of(JsonNode, JsonNode)}, reusing {@code rawJson}, the page as already written. */
    public static String of(JsonNode page, String rawJson, JsonNode completed) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            JsonNode stable = stable(page);
            sha.update(stable == page ? rawJson.getBytes(StandardCharsets.UTF_8)
                    : NotionJson.MAPPER.writeValueAsBytes(stable));
            sha.update((byte) '\n');
            if (completed != null && !completed.isNull()) {
                sha.update(NotionJson.MAPPER.writeValueAsBytes(stable(completed)));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException("cannot hash a page: " + e.getMessage(), e);
        }
    }

    /** A copy without the parts of Notion-hosted file objects that change on every read. */
    static JsonNode stable(JsonNode node) {
        if (node == null || !node.isContainerNode() || !containsHostedFile(node)) {
            return node;
        }
        JsonNode copy = node.deepCopy();
        strip(copy);
        return copy;
    }

    private static boolean containsHostedFile(JsonNode node) {
        if (node.isObject() && isHostedFile(node)) {
            return true;
        }
        for (JsonNode child : node) {
            if (child.isContainerNode() && containsHostedFile(child)) {
                return true;
            }
        }
        return false;
    }

    private static void strip(JsonNode node) {
        if (node.isObject()) {
            if (isHostedFile(node)) {
                ObjectNode file = (ObjectNode) node.get("file");
                file.remove("url");
                file.remove("expiry_time");
            }
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                strip(it.next().getValue());
            }
        } else if (node.isArray()) {
            node.forEach(ContentHash::strip);
        }
    }

    private static boolean isHostedFile(JsonNode node) {
        return "file".equals(node.path("type").asText()) && node.path("file").isObject()
                && node.path("file").has("expiry_time");
    }
}
