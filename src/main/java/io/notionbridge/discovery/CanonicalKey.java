package io.notionbridge.discovery;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The identity of a company across signals, the suppression cache and the CRM: {@code <type>:<value>}, for example
 * {@code domain:acme.ai}, {@code companies_house:01234567}, {@code github:acme} or {@code name_loc:acme-london}.
 * Two signals about the same company must produce the same key, which is why every value is canonical (see the
 * normaliser of each type).
 *
 * @param type   what kind of identifier the value is
 * @param value  the canonical value
 * @param strong true for identifiers that name exactly one company (domain, Companies House number, GitHub login);
 *               false for the name-and-location fallback
 */
public record CanonicalKey(Type type, String value, boolean strong) {

    /** The kinds of key, by their prefix. */
    public enum Type {
        DOMAIN("domain", true),
        COMPANIES_HOUSE("companies_house", true),
        GITHUB("github", true),
        NAME_LOC("name_loc", false);

        private final String prefix;
        private final boolean strong;

        Type(String prefix, boolean strong) {
            this.prefix = prefix;
            this.strong = strong;
        }

        /** The text before the colon. */
        public String prefix() {
            return prefix;
        }

        /** Whether keys of this type are strong. */
        public boolean strong() {
            return strong;
        }
    }

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

    public CanonicalKey {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
        if (strong != type.strong()) {
            throw new IllegalArgumentException(type.prefix() + " keys are " + (type.strong() ? "strong" : "weak"));
        }
    }

    /** A key of {@code type} whose value is already canonical; strength follows the type. */
    public static CanonicalKey of(Type type, String value) {
        return new CanonicalKey(type, value, type.strong());
    }

    /**
     * Validates a key given explicitly by a user or collector. The type is case-insensitive; the value is normalised
     * for harmless differences (case, a trailing dot, Unicode or punycode, missing leading zeros) but must already be
     * the right kind of thing: {@code domain:} a bare registrable domain, {@code github:} a login (not a URL),
     * {@code name_loc:} a slug of lower-case letters, digits and single hyphens.
     *
     * @throws IllegalArgumentException with a message that says what is wrong and what was expected
     */
    public static CanonicalKey parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("canonical key is empty; expected <type>:<value>, e.g. domain:acme.ai");
        }
        String t = text.strip();
        int colon = t.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("canonical key '" + t + "' has no type; expected <type>:<value> with type "
                    + prefixes() + ", e.g. domain:acme.ai");
        }
        String prefix = t.substring(0, colon).toLowerCase(Locale.ROOT);
        String value = t.substring(colon + 1);
        Type type = Arrays.stream(Type.values()).filter(k -> k.prefix.equals(prefix)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("canonical key '" + t + "' has an unknown type '"
                        + prefix + "'; expected one of " + prefixes()));
        Normalized normalized = switch (type) {
            case DOMAIN -> DomainNormalizer.normalizeKeyValue(value);
            case COMPANIES_HOUSE -> CompaniesHouseNumber.normalize(value);
            case GITHUB -> GithubOrg.normalizeLogin(value);
            case NAME_LOC -> SLUG.matcher(value.strip().toLowerCase(Locale.ROOT)).matches()
                    ? Normalized.of(value.strip().toLowerCase(Locale.ROOT))
                    : Normalized.rejected("'" + value.strip() + "' is not a slug (lower-case letters, digits and"
                            + " single hyphens, e.g. acme-london)");
        };
        if (!normalized.isPresent()) {
            throw new IllegalArgumentException("canonical key '" + t + "' is invalid: " + normalized.reason().orElseThrow());
        }
        return of(type, normalized.orElseThrow());
    }

    private static String prefixes() {
        return Arrays.stream(Type.values()).map(Type::prefix).collect(Collectors.joining(", "));
    }

    /** {@code type:value}, the form stored in the database and shown in Notion. */
    @Override
    public String toString() {
        return type.prefix() + ":" + value;
    }
}
