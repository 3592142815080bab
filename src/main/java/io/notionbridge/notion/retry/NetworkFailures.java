package io.notionbridge.notion.retry;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLHandshakeException;

import io.notionbridge.notion.NotionRequest;
import io.notionbridge.notion.error.NotionApiException;
import io.notionbridge.notion.error.NotionUnavailableException;

/**
 * Turns whatever the HTTP layer threw into a typed Notion error. Walks the cause chain (Camel wraps exceptions):
 * a {@link NotionApiException} found there is returned as is; a network failure becomes a
 * {@link NotionUnavailableException} whose code tells whether the request could have reached Notion:
 * {@value #NOT_SENT} (refused, unknown host, connect timeout, TLS handshake), {@value #TIMEOUT} or
 * {@value #NETWORK_ERROR} (reset, EOF, other I/O after sending). Anything else is returned as null.
 */
public final class NetworkFailures {

    /** Code of a failure before the request left: safe to retry even for a write. */
    public static final String NOT_SENT = "connection_failed";
    public static final String TIMEOUT = "timeout";
    public static final String NETWORK_ERROR = "network_error";

    private NetworkFailures() {
    }

    /** The typed Notion error for {@code failure}, or null when it is neither a Notion error nor a network failure. */
    public static NotionApiException typed(NotionRequest request, Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof NotionApiException api) {
                return api;
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String code = networkCode(t);
            if (code != null) {
                return NotionUnavailableException.noResponse(request, code, t);
            }
        }
        return null;
    }

    /** True when the failure proves the request never reached Notion. */
    public static boolean notSent(NotionApiException e) {
        return e.status() == 0 && NOT_SENT.equals(e.code());
    }

    private static String networkCode(Throwable t) {
        if (t instanceof ConnectException || t instanceof UnknownHostException || t instanceof NoRouteToHostException
                || t instanceof PortUnreachableException || t instanceof HttpConnectTimeoutException
                || t instanceof SSLHandshakeException || t.getClass().getSimpleName().contains("ConnectTimeout")) {
            return NOT_SENT;
        }
        if (t instanceof InterruptedIOException || t instanceof TimeoutException
                || t instanceof java.net.http.HttpTimeoutException) {
            return TIMEOUT;
        }
        if (t instanceof IOException) {
            return NETWORK_ERROR;
        }
        return null;
    }
}
