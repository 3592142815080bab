package io.notionbridge.notion.error;

/** 401 {@code unauthorized}: the token is invalid or revoked. Not retried; fix the configured token. */
public class NotionUnauthorizedException extends NotionApiException {

    public NotionUnauthorizedException(NotionErrorDetails details) {
        super(details);
    }

    public NotionUnauthorizedException(NotionErrorDetails details, Throwable cause) {
        super(details, cause);
    }
}
