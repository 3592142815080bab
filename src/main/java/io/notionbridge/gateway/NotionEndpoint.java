package io.notionbridge.gateway;

/**
 * Where Notion is: the real API ({@code https://api.notion.com} with the integration's token) or the embedded
 * sandbox. The token is a secret: {@link #toString()} never shows it.
 */
public record NotionEndpoint(String baseUrl, String token, boolean sandbox) {

    public NotionEndpoint {
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    @Override
    public String toString() {
        return "NotionEndpoint[" + baseUrl + (sandbox ? " (sandbox)" : "") + ", token=***]";
    }
}
