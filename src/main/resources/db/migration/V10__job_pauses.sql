-- Jobs paused by an operator (admin API, JMX, MCP). Kept in the store so that every instance of a cluster, and the
-- instance that takes over from a dead leader, skips the timers of a paused job.
CREATE TABLE job_pauses (
    job       VARCHAR(200) PRIMARY KEY,
    paused_at TIMESTAMP WITH TIME ZONE NOT NULL,
    paused_by VARCHAR(200)
);
