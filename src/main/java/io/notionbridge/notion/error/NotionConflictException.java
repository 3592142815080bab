package io.notionbridge.notion.error;

/** 409 {@code conflict_error}: Notion could not save because of a concurrent change. Not retried blindly: re-read the object, then decide whether to write again. */
public class NotionConflictException extends NotionApiException {

    public NotionConflictException(NotionErrorDetails details) {
        super(details);
    }

    public NotionConflictException(NotionErrorDetails details, Throwable cause) {
        super(details, cause);
    }
}
