package io.notionbridge.notion.error;

import io.notionbridge.notion.NotionRequest;

/**
 * Notion could not answer: 500, 502, 503, 504, or no answer at all (timeout, connection reset or refused; then
 * {@link #status()} is 0 and {@link #code()} is {@code timeout}, {@code connection_failed} or {@code network_error}).
 * Reads are retried with backoff; a write that meets this becomes a {@link NotionOutcomeUnknownException}.
 */
public class NotionUnavailableException extends NotionApiException {

    public NotionUnavailableException(NotionErrorDetails details) {
        super(details);
    }

    public NotionUnavailableException(NotionErrorDetails details, Throwable cause) {
        super(details, cause);
    }

    /** No HTTP answer arrived for the request; {@code code} says how it failed. */
    public static NotionUnavailableException noResponse(NotionRequest request, String code, Throwable cause) {
        String reason = cause == null ? code : cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        return new NotionUnavailableException(NotionErrorDetails.local(code, reason,
                request == null ? null : request.endpoint()), cause);
    }
}
