package io.notionbridge.discovery;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * What a push run did with one prospect.
 *
 * @param action  {@code created}, {@code updated}, {@code rejected}, {@code held} or {@code error}; in a dry run
 *                {@code would_create}, {@code would_update}, {@code would_reject} or {@code held}
 * @param status  the CRM status written to a new page (Source, Tracking), null otherwise
 * @param pageId  the CRM page created or updated, null otherwise
 * @param reason  why: the gate's verdict for held and rejected prospects, the error for failed ones
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProspectOutcome(String canonicalKey, String companyName, String decision, double score, String action,
                              String status, String pageId, String reason) {

    public static final String CREATED = "created";
    public static final String UPDATED = "updated";
    public static final String REJECTED = "rejected";
    public static final String HELD = "held";
    public static final String ERROR = "error";
    public static final String WOULD_CREATE = "would_create";
    public static final String WOULD_UPDATE = "would_update";
    public static final String WOULD_REJECT = "would_reject";
}
