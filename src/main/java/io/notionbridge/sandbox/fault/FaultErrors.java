package io.notionbridge.sandbox.fault;

import java.util.List;

import io.notionbridge.sandbox.limit.RateLimiter;
import io.notionbridge.sandbox.model.ApiError;

/** Notion's error bodies for the status codes that faults inject. */
public final class FaultErrors {

    private FaultErrors() {
    }

    public static ApiError forStatus(int status, Integer retryAfterSeconds) {
        return forStatus(status, retryAfterSeconds, null);
    }

    /** As above, with the {@code rate_limit_reason} of a 429 (null: Notion's ordinary per-connection limit). */
    public static ApiError forStatus(int status, Integer retryAfterSeconds, String rateLimitReason) {
        return switch (status) {
            case 409 -> new ApiError(409, "conflict_error", "Conflict occurred while saving. Please try again.");
            case 429 -> RateLimiter.rateLimited(rateLimitReason == null ? "public_api_request_rate_limit" : rateLimitReason,
                    retryAfterSeconds == null ? 1 : retryAfterSeconds);
            case 500 -> new ApiError(500, "internal_server_error", "Unexpected error occurred.");
            case 502 -> new ApiError(502, "bad_gateway", "Notion encountered an issue while reaching an upstream service. "
                    + "Please try again later.");
            case 503 -> new ApiError(503, "service_unavailable", "Notion is unavailable. This can occur when the time to "
                    + "respond to a request takes longer than 60 seconds, the maximum request timeout. Please try again later.",
                    null, retryAfterSeconds);
            case 504 -> new ApiError(504, "gateway_timeout", "Notion timed out while processing the request. "
                    + "Please try again later.", null, retryAfterSeconds);
            case 529 -> new ApiError(529, "service_overload", "Notion is experiencing high load. Please try again later.",
                    null, retryAfterSeconds == null ? 1 : retryAfterSeconds);
            default -> new ApiError(status, status >= 500 ? "internal_server_error" : "invalid_request",
                    "Injected fault: HTTP " + status + ".");
        };
    }

    /** The 503 answered after a write was applied: the client must re-read, not repeat the write. */
    public static ApiError committedThen503(String endpointName, String committedResourceId) {
        return new ApiError(503, "service_unavailable", "Notion is unavailable. This can occur when the time to respond "
                + "to a request takes longer than 60 seconds, the maximum request timeout. Please try again later.",
                ApiError.data("endpoint_name", endpointName, "notion_error_name", "ServiceUnavailableError",
                        "retry_guidance", List.of("Read the object again", "Do not repeat the write"),
                        "committed_resource_id", committedResourceId == null ? "" : committedResourceId), null);
    }
}
