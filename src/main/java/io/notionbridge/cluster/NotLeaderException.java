package io.notionbridge.cluster;

import io.notionbridge.runtime.HttpProblem;

/**
 * This instance is a stand-by: Notion-facing work runs only on the cluster's leader. Answered as 409 {@code not_leader}
 * to HTTP callers, who should send the request to the leader (or wait for this instance to take over).
 */
public class NotLeaderException extends HttpProblem {

    public NotLeaderException(String nodeId, String what) {
        super(409, "not_leader", "this instance (" + nodeId + ") is a stand-by, not the cluster leader: " + what
                + " runs only on the leader, so that Notion's rate limit stays global. Send it to the leader; this instance "
                + "takes over by itself if the leader stops");
    }
}
