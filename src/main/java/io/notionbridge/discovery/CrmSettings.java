package io.notionbridge.discovery;

import java.util.Objects;
import java.util.function.Function;

/**
 * Where and how prospects go into the Notion CRM: the database id ({@code bridge.crm.database-id}), the names of the
 * properties the bridge writes ({@code bridge.crm.property.*}), the status for each decision
 * ({@code bridge.crm.status.auto-push}, {@code bridge.crm.status.review}) and the stage of new pages
 * ({@code bridge.crm.stage.new}).
 */
public record CrmSettings(String databaseId, String name, String canonicalKey, String website, String status, String stage,
                          String confidence, String signalTypes, String whyNow, String description, String founder,
                          String location, String targetRaise, String statusAutoPush, String statusReview,
                          String stageNew) {

    /** The demo CRM of the Notion sandbox. */
    public static final String SANDBOX_CRM_DATABASE_ID = "2f1c6a57-0d43-4c8e-9a51-7c1e0b6d4a10";

    public CrmSettings {
        Objects.requireNonNull(databaseId, "bridge.crm.database-id");
    }

    /** The sandbox CRM with the documented property names. */
    public static final CrmSettings DEFAULTS = from(key -> null);

    /** Settings from a property lookup such as {@code key -> config.get(key, null)}; absent keys take their default. */
    public static CrmSettings from(Function<String, String> lookup) {
        Function<String[], String> get = kv -> {
            String v = lookup.apply(kv[0]);
            return v == null || v.isBlank() ? kv[1] : v.strip();
        };
        return new CrmSettings(
                get.apply(new String[] {"bridge.crm.database-id", SANDBOX_CRM_DATABASE_ID}),
                get.apply(new String[] {"bridge.crm.property.name", "Name"}),
                get.apply(new String[] {"bridge.crm.property.canonical-key", "Canonical Key"}),
                get.apply(new String[] {"bridge.crm.property.website", "Website"}),
                get.apply(new String[] {"bridge.crm.property.status", "Status"}),
                get.apply(new String[] {"bridge.crm.property.stage", "Stage"}),
                get.apply(new String[] {"bridge.crm.property.confidence", "Confidence"}),
                get.apply(new String[] {"bridge.crm.property.signal-types", "Signal Types"}),
                get.apply(new String[] {"bridge.crm.property.why-now", "Why Now"}),
                get.apply(new String[] {"bridge.crm.property.description", "Description"}),
                get.apply(new String[] {"bridge.crm.property.founder", "Founder"}),
                get.apply(new String[] {"bridge.crm.property.location", "Location"}),
                get.apply(new String[] {"bridge.crm.property.target-raise", "Target Raise"}),
                get.apply(new String[] {"bridge.crm.status.auto-push", "Source"}),
                get.apply(new String[] {"bridge.crm.status.review", "Tracking"}),
                get.apply(new String[] {"bridge.crm.stage.new", "Discovery"}));
    }

    /** The CRM status for a decision that is pushed (AUTO_PUSH or NEEDS_REVIEW). */
    public String statusFor(GateDecision decision) {
        return switch (decision) {
            case AUTO_PUSH -> statusAutoPush;
            case NEEDS_REVIEW -> statusReview;
            default -> throw new IllegalArgumentException(decision + " is not pushed to the CRM");
        };
    }
}
