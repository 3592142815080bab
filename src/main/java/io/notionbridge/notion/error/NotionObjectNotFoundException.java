package io.notionbridge.notion.error;

/** 404 {@code object_not_found}: the object does not exist, was deleted permanently, or is not shared with the integration. Not retried. */
public class NotionObjectNotFoundException extends NotionApiException {

    public NotionObjectNotFoundException(NotionErrorDetails details) {
        super(details);
    }

    public NotionObjectNotFoundException(NotionErrorDetails details, Throwable cause) {
        super(details, cause);
    }
}
