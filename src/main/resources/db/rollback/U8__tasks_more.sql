-- Way back from V8__tasks_more.sql
DROP TABLE IF EXISTS webhook_secrets;
ALTER TABLE webhook_inbox DROP COLUMN result;
ALTER TABLE tasks DROP COLUMN reviewed_at;
ALTER TABLE tasks DROP COLUMN reviewed_by;
ALTER TABLE tasks DROP COLUMN review_note;
ALTER TABLE tasks DROP COLUMN version;
ALTER TABLE tasks DROP COLUMN notion_priority;
