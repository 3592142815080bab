-- Way back from V4__tasks_and_inbox.sql
DROP INDEX IF EXISTS idx_webhook_inbox_state;
DROP TABLE IF EXISTS webhook_inbox;
DROP INDEX IF EXISTS idx_tasks_status;
DROP TABLE IF EXISTS tasks;
