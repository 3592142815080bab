-- Way back from V10__job_pauses.sql
DROP TABLE IF EXISTS job_pauses;
