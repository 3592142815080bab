-- Way back from V3__suppression_and_watermarks.sql
DROP TABLE IF EXISTS sync_watermarks;
DROP INDEX IF EXISTS idx_suppression_expires;
DROP INDEX IF EXISTS idx_suppression_page;
DROP TABLE IF EXISTS suppression_cache;
