package io.notionbridge.notion.error;

/**
 * 400: the request is wrong and repeating it will not help ({@code validation_error}, {@code invalid_json},
 * {@code invalid_request}, {@code invalid_request_url}, {@code missing_version}, …). Also thrown before sending when a
 * value breaks one of Notion's request limits ({@link #forProperty}); then {@link #status()} is 0.
 */
public class NotionValidationException extends NotionApiException {

    public NotionValidationException(NotionErrorDetails details) {
        super(details);
    }

    public NotionValidationException(NotionErrorDetails details, Throwable cause) {
        super(details, cause);
    }

    private NotionValidationException(String message, NotionErrorDetails details) {
        super(message, details, null);
    }

    /**
     * A client-side check failed for one property; the message is {@code property 'NAME': PROBLEM}, e.g.
     * {@code property 'Why Now': rich text of 250,000 characters needs 125 pieces; Notion accepts at most 100}.
     */
    public static NotionValidationException forProperty(String property, String problem) {
        return clientSide("property '" + property + "': " + problem);
    }

    /** A client-side check failed; the message is used as is. */
    public static NotionValidationException clientSide(String message) {
        return new NotionValidationException(message, NotionErrorDetails.local("validation_error", message, null));
    }

    /** True when the bridge found the problem before sending, so Notion never saw the request. */
    public boolean clientSide() {
        return status() == 0;
    }
}
