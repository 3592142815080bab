-- The tasks table's check constraints, written so that H2 keeps enforcing them. H2 2.4 compiles a list check
-- (status IN (...), or the same as ORs) into a set bound to the session that created it: once that connection is
-- closed (the pool retires it, or a store outage breaks it) every insert and update of tasks fails with
-- "Check constraint invalid" until the database is reopened. "= ANY (ARRAY[...])" is not compiled that way, and
-- PostgreSQL treats it exactly as the IN list. Same rules, same names.
ALTER TABLE tasks DROP CONSTRAINT ck_tasks_status;
ALTER TABLE tasks ADD CONSTRAINT ck_tasks_status CHECK (status = ANY (ARRAY['draft', 'pending', 'processing',
    'awaiting_review', 'approved', 'rejected', 'completed', 'failed', 'retry']));
ALTER TABLE tasks DROP CONSTRAINT ck_tasks_priority;
ALTER TABLE tasks ADD CONSTRAINT ck_tasks_priority CHECK (priority = ANY (ARRAY['low', 'normal', 'high']));
