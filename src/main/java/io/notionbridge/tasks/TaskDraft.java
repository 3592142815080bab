package io.notionbridge.tasks;

/**
 * A task as it arrives from a Notion page, before validation. Every field may be null.
 *
 * @param pageId         the Notion page id
 * @param title          the page title
 * @param channel        the Channel select value (a channel id)
 * @param topic          the Topic text
 * @param storyDirection the Story Direction text (optional)
 * @param statusOption   the Status option as shown in Notion ({@code Rendering})
 * @param priorityOption the Priority select value ({@code High}); blank means normal
 */
public record TaskDraft(String pageId, String title, String channel, String topic, String storyDirection,
                        String statusOption, String priorityOption) {
}
