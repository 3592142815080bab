-- Way back from V11__signal_requests.sql
DROP TABLE IF EXISTS signal_requests;
