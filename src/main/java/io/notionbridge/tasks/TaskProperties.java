package io.notionbridge.tasks;

import io.notionbridge.notion.property.PageView;

/**
 * The names of the task database's properties ({@code bridge.tasks.property.*}), and how a page is read into a
 * {@link TaskDraft} with them. Only Status and Priority are ever written; formula properties (such as Duration) and
 * the unique id are never read or written.
 */
public record TaskProperties(String title, String channel, String topic, String storyDirection, String status,
                             String priority) {

    /** The property names of the demo "Video Tasks" database. */
    public static TaskProperties defaults() {
        return new TaskProperties("Title", "Channel", "Topic", "Story Direction", "Status", "Priority");
    }

    /** The task a page describes, before validation. */
    public TaskDraft draftOf(PageView page) {
        return new TaskDraft(page.id(), text(page, title), text(page, channel), text(page, topic),
                text(page, storyDirection), text(page, status), text(page, priority));
    }

    private static String text(PageView page, String name) {
        Object v = page.property(name);
        if (v == null) {
            return null;
        }
        String s = v.toString();
        return s.isBlank() ? null : s;
    }
}
