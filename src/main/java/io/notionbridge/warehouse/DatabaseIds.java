package io.notionbridge.warehouse;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the Notion database ids users configure: a missing value, an obvious placeholder ({@code changeme},
 * {@code xxx}, {@code <...>}, all zeros) or something that is no Notion id is reported by name with the environment
 * variable to set. A database URL copied from the browser is accepted: its id is taken from the path.
 */
public final class DatabaseIds {

    private static final Pattern UUID = Pattern.compile(
            "[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}");
    /** The 32 hex digits at the end of a Notion URL's path ({@code …/Projects-2f1c6a57…?v=…}). */
    private static final Pattern URL_ID = Pattern.compile("^https?://[^?#]*?([0-9a-f]{32})(?:[?#].*)?$");
    private static final Pattern PLACEHOLDER = Pattern.compile(
            "change[-_ ]?me.*|x+|todo|tbd|fixme|none|null|placeholder|example|your[-_ ].*|<.*>|\\$\\{.*}|\\{\\{.*}}|\\.\\.\\.+");

    /** Whether a configured value can be used, and the id to use. */
    public record Check(String id, String problem) {
        public boolean ok() {
            return problem == null;
        }
    }

    private DatabaseIds() {
    }

    /** {@code WAREHOUSE_DB_<NAME>_ID}, the name upper-cased with every other character than letters and digits as {@code _}. */
    public static String envVar(String name) {
        return "WAREHOUSE_DB_" + name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_") + "_ID";
    }

    /** The message health prints for a database whose id is missing or unusable. */
    public static String blockedMessage(String name) {
        return "set " + envVar(name) + " to the Notion database id of \"" + name + "\"";
    }

    /** Checks {@code value}: ok with the dashed lower-case id, or the problem in a few words. */
    public static Check check(String value) {
        if (value == null || value.isBlank()) {
            return new Check(null, "not set");
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        Matcher url = URL_ID.matcher(v);
        if (url.matches()) {
            v = url.group(1);
        }
        if (PLACEHOLDER.matcher(v).matches()) {
            return new Check(null, "placeholder value \"" + value.trim() + "\"");
        }
        if (!UUID.matcher(v).matches()) {
            return new Check(null, "\"" + value.trim() + "\" is not a Notion database id (32 hexadecimal digits)");
        }
        String hex = v.replace("-", "");
        if (hex.chars().allMatch(c -> c == '0')) {
            return new Check(null, "placeholder value \"" + value.trim() + "\" (all zeros)");
        }
        return new Check(dashed(hex), null);
    }

    /** The id with dashes, or empty when {@code value} is not usable. */
    public static Optional<String> normalize(String value) {
        return Optional.ofNullable(check(value).id());
    }

    static String dashed(String hex) {
        return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-" + hex.substring(16, 20)
                + "-" + hex.substring(20);
    }
}
