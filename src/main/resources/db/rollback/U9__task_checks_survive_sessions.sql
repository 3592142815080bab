-- Way back from V9__task_checks_survive_sessions.sql: the IN-list form of V4
ALTER TABLE tasks DROP CONSTRAINT ck_tasks_priority;
ALTER TABLE tasks ADD CONSTRAINT ck_tasks_priority CHECK (priority IN ('low', 'normal', 'high'));
ALTER TABLE tasks DROP CONSTRAINT ck_tasks_status;
ALTER TABLE tasks ADD CONSTRAINT ck_tasks_status CHECK (status IN ('draft', 'pending', 'processing', 'awaiting_review',
    'approved', 'rejected', 'completed', 'failed', 'retry'));
