package io.notionbridge.config;

import java.util.Locale;
import java.util.function.Function;

/**
 * Typed reads of settings from a plain lookup (a key to its value, or null), for settings classes that are built and
 * tested without Camel. A bad value fails with a message naming the key.
 */
public final class SettingValues {

    private SettingValues() {
    }

    public static long wholeNumber(Function<String, String> lookup, String key, long fallback) {
        String v = lookup.apply(key);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": '" + v.strip() + "' is not a whole number");
        }
    }

    public static double number(Function<String, String> lookup, String key, double fallback) {
        String v = lookup.apply(key);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return Double.parseDouble(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": '" + v.strip() + "' is not a number");
        }
    }

    public static boolean bool(Function<String, String> lookup, String key, boolean fallback) {
        String v = lookup.apply(key);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        return switch (v.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(key + ": '" + v.strip() + "' is not true or false");
        };
    }
}
