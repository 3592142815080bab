package io.notionbridge.tasks.webhook;

import java.time.Instant;

/**
 * A webhook event accepted at intake, as it goes into the inbox.
 *
 * @param eventId   Notion's event id ({@code id}); for an automation payload {@code automation:<source.event_id>}
 * @param eventType {@code page.properties_updated}, ...; {@code automation.page} for an automation payload
 * @param entityId  the page the event is about
 * @param eventTime the event's {@code timestamp} (automation: the page's {@code last_edited_time}); may be null
 * @param payload   the raw body as received
 * @param source    {@link #NOTION} (signed integration webhook) or {@link #AUTOMATION} (database automation)
 */
public record IncomingEvent(String eventId, String eventType, String entityId, Instant eventTime, String payload,
                            String source) {

    public static final String NOTION = "notion";
    public static final String AUTOMATION = "automation";
    public static final String AUTOMATION_TYPE = "automation.page";
}
