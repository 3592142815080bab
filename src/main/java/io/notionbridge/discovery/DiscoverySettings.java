package io.notionbridge.discovery;

import io.notionbridge.config.SettingValues;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Function;

/**
 * Settings of signal intake and the push job ({@code bridge.signals.*}, {@code bridge.discovery.*}); every key is
 * optional and falls back to the default shown in {@code application.properties}.
 *
 * @param maxBodyBytes       {@code bridge.signals.max-body-bytes}: largest request body accepted (413 above)
 * @param maxBatchSize       {@code bridge.signals.max-batch-size}: most signals in one request (413 above)
 * @param consultSuppression {@code bridge.signals.consult-suppression}: answer {@code known_in_crm} from the cache
 * @param maxKeys            {@code bridge.discovery.push.max-keys}: most companies one push run loads
 * @param crmLookup          {@code bridge.discovery.crm-lookup}: when to look a company up in the CRM before creating it
 * @param suppressionJob     {@code bridge.discovery.suppression-job}: the job name the suppression sync records runs under
 * @param cacheMaxAge        {@code bridge.discovery.cache-max-age-minutes}: how recent that sync must be for the cache to
 *                           count as fresh
 * @param cacheTtl           {@code bridge.discovery.suppression-ttl-hours}: expiry of the cache rows the push job writes
 * @param demoFeed           {@code bridge.discovery.demo-feed}: load the demo signals in sandbox mode on an empty store
 */
public record DiscoverySettings(long maxBodyBytes, int maxBatchSize, boolean consultSuppression, int maxKeys,
                                CrmLookup crmLookup, String suppressionJob, Duration cacheMaxAge, Duration cacheTtl,
                                boolean demoFeed) {

    /** When the push job looks a company the cache does not know up in the CRM (by canonical key) before creating it. */
    public enum CrmLookup {
        /** Only when the suppression cache is not fresh (its sync did not succeed within the max age). */
        AUTO,
        /** Always: one query more per new company. */
        ALWAYS,
        /** Never: trust the cache (a create-intent left unresolved is still looked up). */
        NEVER
    }

    public static final DiscoverySettings DEFAULTS = from(key -> null);

    public DiscoverySettings {
        if (maxBodyBytes < 1 || maxBatchSize < 1 || maxKeys < 1) {
            throw new IllegalArgumentException("bridge.signals.max-body-bytes, bridge.signals.max-batch-size and "
                    + "bridge.discovery.push.max-keys must be at least 1");
        }
    }

    public static DiscoverySettings from(Function<String, String> lookup) {
        return new DiscoverySettings(
                number(lookup, "bridge.signals.max-body-bytes", 1_048_576),
                (int) number(lookup, "bridge.signals.max-batch-size", 1000),
                bool(lookup, "bridge.signals.consult-suppression", true),
                (int) number(lookup, "bridge.discovery.push.max-keys", 10_000),
                lookupMode(lookup.apply("bridge.discovery.crm-lookup")),
                text(lookup, "bridge.discovery.suppression-job", "suppression-sync"),
                Duration.ofMinutes(number(lookup, "bridge.discovery.cache-max-age-minutes", 60)),
                Duration.ofHours(number(lookup, "bridge.discovery.suppression-ttl-hours", 24)),
                bool(lookup, "bridge.discovery.demo-feed", true));
    }

    private static CrmLookup lookupMode(String v) {
        if (v == null || v.isBlank()) {
            return CrmLookup.AUTO;
        }
        try {
            return CrmLookup.valueOf(v.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bridge.discovery.crm-lookup: '" + v.strip() + "' is not auto, always or never");
        }
    }

    private static long number(Function<String, String> lookup, String key, long fallback) {
        return SettingValues.wholeNumber(lookup, key, fallback);
    }

    private static boolean bool(Function<String, String> lookup, String key, boolean fallback) {
        return SettingValues.bool(lookup, key, fallback);
    }

    private static String text(Function<String, String> lookup, String key, String fallback) {
        String v = lookup.apply(key);
        return v == null || v.isBlank() ? fallback : v.strip();
    }
}
