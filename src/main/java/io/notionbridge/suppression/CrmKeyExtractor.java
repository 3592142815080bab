package io.notionbridge.suppression;

import java.util.Optional;

import io.notionbridge.discovery.CanonicalKey;
import io.notionbridge.discovery.CanonicalKeyBuilder;
import io.notionbridge.discovery.IdentityHints;
import io.notionbridge.discovery.KeyResult;
import io.notionbridge.notion.property.PageView;

/**
 * The canonical key of a CRM page, by the same rules as signal intake: the page's canonical key property when it
 * holds a valid key; failing that, a key built from its Website; failing that, a weak {@code name_loc} key from its
 * name and location. A page with none of these has no key.
 */
public class CrmKeyExtractor {

    /** Where a key came from. */
    public enum Source { PROPERTY, WEBSITE, NAME_LOCATION }

    /** A page's key and its source. */
    public record Extracted(CanonicalKey key, Source source) {
    }

    private final CrmProperties names;

    public CrmKeyExtractor(CrmProperties names) {
        this.names = names;
    }

    public Optional<Extracted> extract(PageView page) {
        String explicit = text(page, names.canonicalKey());
        if (explicit != null) {
            try {
                return Optional.of(new Extracted(CanonicalKey.parse(explicit), Source.PROPERTY));
            } catch (IllegalArgumentException malformed) {
                // a malformed stored key is not the company's identity; fall through to the other hints
            }
        }
        String website = text(page, names.website());
        if (website != null) {
            KeyResult r = CanonicalKeyBuilder.build(new IdentityHints(null, website, null, null, null, null, null));
            if (r.key().isPresent()) {
                return Optional.of(new Extracted(r.key().get(), Source.WEBSITE));
            }
        }
        String name = text(page, names.name());
        if (name != null) {
            KeyResult r = CanonicalKeyBuilder.build(new IdentityHints(null, null, null, null, null, name,
                    text(page, names.location())));
            if (r.key().isPresent()) {
                return Optional.of(new Extracted(r.key().get(), Source.NAME_LOCATION));
            }
        }
        return Optional.empty();
    }

    private static String text(PageView page, String property) {
        if (property == null) {
            return null;
        }
        Object v = page.property(property);
        if (v == null) {
            return null;
        }
        String s = v.toString().trim();
        return s.isEmpty() ? null : s;
    }
}
