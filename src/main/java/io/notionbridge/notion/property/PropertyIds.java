package io.notionbridge.notion.property;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Property ids are short strings that Notion sends URL-encoded ({@code "J%7C%3F%7C"} is {@code J|?|}). Ids in page
 * objects and in webhook {@code updated_properties} are compared after {@link #decode}, so either form matches.
 */
public final class PropertyIds {

    private PropertyIds() {
    }

    /** Decodes {@code %XX} escapes (UTF-8); leaves {@code +} and malformed escapes as they are. */
    public static String decode(String id) {
        if (id == null || id.indexOf('%') < 0) {
            return id;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            int hi = i + 2 < id.length() && c == '%' ? Character.digit(id.charAt(i + 1), 16) : -1;
            int lo = hi >= 0 ? Character.digit(id.charAt(i + 2), 16) : -1;
            if (lo >= 0) {
                bytes.write(hi * 16 + lo);
                i += 2;
            } else {
                byte[] raw = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(raw, 0, raw.length);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
