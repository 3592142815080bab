-- Way back from V1__job_runs.sql
DROP INDEX IF EXISTS idx_job_runs_job;
DROP TABLE IF EXISTS job_runs;
