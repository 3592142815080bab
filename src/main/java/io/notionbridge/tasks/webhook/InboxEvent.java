package io.notionbridge.tasks.webhook;

import java.time.Instant;

/**
 * One row of the {@code webhook_inbox} table.
 *
 * @param state    {@code pending} (waiting, or waiting for a retry), {@code done}, {@code ignored} or {@code parked}
 * @param attempts how many times processing took it (a claim counts, so a processor that dies counts too)
 * @param result   what processing did with it, or why it was ignored
 */
public record InboxEvent(long id, String eventId, String eventType, String entityId, Instant eventTime, String payload,
                         String source, String state, int attempts, Instant nextAttemptAt, String lastError,
                         String lockedBy, Instant lockedAt, Instant receivedAt, Instant processedAt, String result) {

    public static final String PENDING = "pending";
    public static final String DONE = "done";
    public static final String IGNORED = "ignored";
    public static final String PARKED = "parked";
}
