-- Answers to signal intake requests (POST /api/signals) sent with an Idempotency-Key header: a resend with the same
-- key and body gets the recorded answer instead of storing its signals again. Rows older than
-- bridge.signals.idempotency-ttl-hours are ignored and pruned by housekeeping.
CREATE TABLE signal_requests (
    idempotency_key VARCHAR(255) PRIMARY KEY,
    body_sha256     VARCHAR(64) NOT NULL,
    status          INTEGER NOT NULL,
    answer          TEXT NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX idx_signal_requests_created ON signal_requests (created_at);
