package io.notionbridge.sandbox;

/**
 * Where the bridge talks to Notion: the base URL ({@code https://api.notion.com} or the embedded sandbox), the token
 * to send, and whether it is the sandbox. Bound in the Camel registry as {@value #BEAN} by
 * {@link SandboxConfiguration}. {@link #toString()} never shows the token.
 */
public record NotionEndpoint(String baseUrl, String token, boolean sandbox) {

    public static final String BEAN = "notionEndpoint";

    @Override
    public String toString() {
        return "NotionEndpoint[baseUrl=" + baseUrl + ", token=" + (token == null || token.isEmpty() ? "<none>" : "<set>")
                + ", sandbox=" + sandbox + "]";
    }
}
