package io.notionbridge.notion.error;

import java.util.Optional;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A Notion call that failed. Subclasses say why (see {@link NotionErrors}); this class itself stands for an error
 * status the bridge has no special handling for. The message always names the status, code, endpoint and request id.
 */
public class NotionApiException extends RuntimeException {

    private final NotionErrorDetails details;

    public NotionApiException(NotionErrorDetails details) {
        this(details, null);
    }

    public NotionApiException(NotionErrorDetails details, Throwable cause) {
        this(details.describe(), details, cause);
    }

    protected NotionApiException(String message, NotionErrorDetails details, Throwable cause) {
        super(message, cause);
        this.details = details;
    }

    public NotionErrorDetails details() {
        return details;
    }

    /** HTTP status, or 0 when no answer arrived or the check ran before sending. */
    public int status() {
        return details.status();
    }

    /** Notion's error code, e.g. {@code object_not_found}. */
    public String code() {
        return details.code();
    }

    /** Notion's own message (without the status, code and request id this exception's message adds). */
    public String notionMessage() {
        return details.message();
    }

    /** Notion's {@code request_id}, from the body or the {@code x-notion-request-id} header; null when absent. */
    public String requestId() {
        return details.requestId();
    }

    public ObjectNode additionalData() {
        return details.additionalData().deepCopy();
    }

    public Optional<String> additional(String key) {
        return details.additional(key);
    }

    /** {@code "GET /v1/pages/…"}, or null when the caller did not say. */
    public String endpoint() {
        return details.endpoint();
    }
}
