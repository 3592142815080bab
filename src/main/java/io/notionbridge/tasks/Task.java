package io.notionbridge.tasks;

import java.time.Instant;

/**
 * One row of the {@code tasks} table: a work item. The database is its source of truth; Notion shows it.
 *
 * @param status          one of the 9 states
 * @param notionStatus    the Status option Notion showed when last seen or written: a finer option
 *                        ({@code Rendering}) survives pushes of the same state, and a Notion edit is told apart from a
 *                        database change by comparing with it
 * @param notionPriority  the Priority option Notion showed when last seen or written (null: none)
 * @param deletedInNotion the page is in Notion's trash (or gone); the task is kept
 * @param validationError why the entry stays draft; null when valid
 * @param changedAt       when the database side last changed what Notion must show (status, priority)
 * @param pushedAt        when Notion last showed the database's Status and Priority (written, or seen equal);
 *                        null when never
 * @param notionEventTime time of the newest Notion event applied; older events are ignored
 * @param version         row version, one more on every write (optimistic updates)
 */
public record Task(long id, String title, String channel, String topic, String storyDirection, TaskState status,
                   TaskPriority priority, String notionPageId, String notionStatus, String notionPriority,
                   boolean deletedInNotion, String validationError, String claimedBy, Instant claimedAt,
                   Instant createdAt, Instant updatedAt, Instant changedAt, Instant pushedAt, int pushAttempts,
                   String pushError, Instant notionEventTime, String reviewNote, String reviewedBy, Instant reviewedAt,
                   long version) {

    /** Whether the database holds a change Notion has not been shown yet. */
    public boolean hasUnpushedChange() {
        return pushedAt == null || changedAt.isAfter(pushedAt);
    }
}
