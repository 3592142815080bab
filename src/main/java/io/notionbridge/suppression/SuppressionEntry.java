package io.notionbridge.suppression;

import java.time.Instant;

/** One company the CRM holds: its canonical key, the page, and what the sync saw of it. */
public record SuppressionEntry(String canonicalKey, boolean strong, String pageId, String status, String companyName,
                               Instant pageLastEditedTime) {
}
