package io.notionbridge.ops.mcp;

import java.util.List;
import java.util.Map;

/** What the MCP tools need from the job service: the jobs this runtime has, run one, and a job's status. */
public interface McpJobs {

    /** Names of the jobs available in this runtime. */
    List<String> available();

    /** Runs {@code job} once now with these headers and returns its statistics. */
    Object run(String job, boolean dryRun, Map<String, Object> headers);

    /** The job's status (runs, failures, last run). */
    Object status(String job);
}
