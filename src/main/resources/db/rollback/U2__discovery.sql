-- Way back from V2__discovery.sql
DROP TABLE IF EXISTS push_intents;
DROP INDEX IF EXISTS idx_signal_processing_state;
DROP TABLE IF EXISTS signal_processing;
DROP INDEX IF EXISTS idx_signals_key;
DROP TABLE IF EXISTS signals;
