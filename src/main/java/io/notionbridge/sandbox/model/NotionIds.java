package io.notionbridge.sandbox.model;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Pattern;

/** Notion ids: UUIDs, accepted with or without dashes, always answered in the dashed lowercase form. */
public final class NotionIds {

    private static final Pattern HEX32 = Pattern.compile("[0-9a-fA-F]{32}");
    private static final Pattern DASHED = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final String PROPERTY_ID_CHARS =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789%?|;:<>=[]^_`{}~@!";

    private NotionIds() {
    }

    /** The dashed lowercase form of {@code raw}, or empty when it is not a UUID with or without dashes. */
    public static Optional<String> normalize(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String s = raw.trim();
        if (DASHED.matcher(s).matches()) {
            return Optional.of(s.toLowerCase(Locale.ROOT));
        }
        if (HEX32.matcher(s).matches()) {
            String h = s.toLowerCase(Locale.ROOT);
            return Optional.of(h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-"
                    + h.substring(16, 20) + "-" + h.substring(20));
        }
        return Optional.empty();
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }

    /** The id without dashes, as Notion puts it in page URLs. */
    public static String compact(String id) {
        return id.replace("-", "");
    }

    /**
     * A short, URL-encoded property id like Notion's ({@code "J%7C%3F%7C"}), derived from a seed so that demo data
     * gets the same ids on every start.
     */
    public static String propertyId(String seed) {
        Random r = new Random(seed.hashCode() * 31L + seed.length());
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            sb.append(PROPERTY_ID_CHARS.charAt(r.nextInt(PROPERTY_ID_CHARS.length())));
        }
        return URLEncoder.encode(sb.toString(), StandardCharsets.UTF_8);
    }
}
