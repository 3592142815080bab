package io.notionbridge.sandbox.http;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Handles one Notion endpoint: returns the response body or throws {@link io.notionbridge.sandbox.model.ApiError}. */
@FunctionalInterface
public interface ApiHandler {
    ObjectNode handle(ApiRequest request);
}
