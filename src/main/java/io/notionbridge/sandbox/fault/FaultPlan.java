package io.notionbridge.sandbox.fault;

import io.notionbridge.sandbox.model.ApiError;

/**
 * What the injected faults do to one request: wait {@code latencyMs} first, then drop the connection, answer with
 * {@code error} instead of handling the request, or handle it and answer 503 anyway ({@code committedThen503}).
 */
public record FaultPlan(long latencyMs, boolean drop, ApiError error, boolean committedThen503) {

    public static final FaultPlan NONE = new FaultPlan(0, false, null, false);

    public boolean none() {
        return latencyMs == 0 && !drop && error == null && !committedThen503;
    }
}
