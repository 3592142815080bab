package io.notionbridge.notion.error;

/** 403 {@code restricted_resource}: the integration lacks a capability for this endpoint. Not retried. */
public class NotionRestrictedResourceException extends NotionApiException {

    public NotionRestrictedResourceException(NotionErrorDetails details) {
        super(details);
    }

    public NotionRestrictedResourceException(NotionErrorDetails details, Throwable cause) {
        super(details, cause);
    }
}
