-- The local mirror of what the Notion CRM holds, and per-job sync watermarks (suppression sync, warehouse sync).
CREATE TABLE suppression_cache (
    canonical_key         VARCHAR(300) PRIMARY KEY,
    key_strength          VARCHAR(10) NOT NULL,
    notion_page_id        VARCHAR(64) NOT NULL,
    status                VARCHAR(200),
    company_name          VARCHAR(500),
    page_last_edited_time TIMESTAMP WITH TIME ZONE,
    cached_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    metadata              TEXT
);
CREATE INDEX idx_suppression_page ON suppression_cache (notion_page_id);
CREATE INDEX idx_suppression_expires ON suppression_cache (expires_at);

CREATE TABLE sync_watermarks (
    job              VARCHAR(100) NOT NULL,
    scope            VARCHAR(200) NOT NULL,
    last_edited_time TIMESTAMP WITH TIME ZONE,
    last_page_id     VARCHAR(64),
    resume_state     TEXT,
    mode             VARCHAR(20),
    last_run_stats   TEXT,
    updated_at       TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
    PRIMARY KEY (job, scope)
);
