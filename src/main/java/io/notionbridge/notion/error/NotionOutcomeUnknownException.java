package io.notionbridge.notion.error;

import java.util.Objects;

import io.notionbridge.notion.NotionRequest;

/**
 * A write (create, update) failed in a way that does not say whether Notion applied it: a 5xx answer or a timeout or
 * reset after the request was sent. It is never repeated blindly (that is how duplicate pages are made): the caller
 * must re-read the state (for a create, look the page up by its key) and then decide. Carries the request and the
 * failure; status, code and request id are the failure's when it was a Notion answer.
 */
public class NotionOutcomeUnknownException extends NotionApiException {

    private final NotionRequest request;

    public NotionOutcomeUnknownException(NotionRequest request, Throwable cause) {
        this(request, detailsOf(request, cause), cause);
    }

    private NotionOutcomeUnknownException(NotionRequest request, NotionErrorDetails details, Throwable cause) {
        super("outcome unknown: " + request.endpoint() + " may have been applied by Notion before it failed ["
                + details.describe() + "]; re-read the state before writing again", details, cause);
        this.request = request;
    }

    /** The write whose outcome is unknown. */
    public NotionRequest request() {
        return request;
    }

    private static NotionErrorDetails detailsOf(NotionRequest request, Throwable cause) {
        Objects.requireNonNull(request, "request");
        if (cause instanceof NotionApiException api) {
            NotionErrorDetails d = api.details();
            return d.endpoint() == null ? d.withEndpoint(request.endpoint()) : d;
        }
        String reason = cause == null ? "no answer" : cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        return NotionErrorDetails.local("outcome_unknown", reason, request.endpoint());
    }
}
