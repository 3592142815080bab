-- Two-way task sync, more state: the Priority Notion showed when last seen or written (with notion_status, the
-- baseline that tells a Notion edit from a database change), a row version for optimistic updates, the review
-- verdict, what processing did with each webhook inbox event, and the Notion webhook verification token kept in
-- setup mode (the HMAC key of later events).
ALTER TABLE tasks ADD COLUMN notion_priority VARCHAR(100);
ALTER TABLE tasks ADD COLUMN version BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE tasks ADD COLUMN review_note TEXT;
ALTER TABLE tasks ADD COLUMN reviewed_by VARCHAR(200);
ALTER TABLE tasks ADD COLUMN reviewed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE webhook_inbox ADD COLUMN result TEXT;

CREATE TABLE webhook_secrets (
    name      VARCHAR(100) PRIMARY KEY,
    secret    TEXT NOT NULL,
    source    VARCHAR(40) NOT NULL,
    stored_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL
);
