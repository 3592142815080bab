package io.notionbridge.notion.property;

/**
 * Notion's request size limits (developers.notion.com/reference/request-limits). Requests over them get
 * 400 {@code validation_error}; the writer checks them first so the error names the property.
 */
public final class NotionLimits {

    /** Characters in one rich text object's {@code text.content} (counted in UTF-16 units, as JavaScript does). */
    public static final int TEXT_CONTENT = 2000;
    /** Elements in any array: rich text pieces, multi-select options, relations, people. */
    public static final int ARRAY_ITEMS = 100;
    public static final int URL = 2000;
    public static final int EMAIL = 200;
    public static final int PHONE_NUMBER = 200;
    /** Whole request payload; 500 KB, read as 500,000 bytes to stay on the safe side. */
    public static final int PAYLOAD_BYTES = 500_000;

    private NotionLimits() {
    }
}
