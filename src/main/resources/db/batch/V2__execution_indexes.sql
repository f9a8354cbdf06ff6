-- Spring Batch's SQLite schema has no index beyond the primary keys and (JOB_NAME, JOB_KEY); Batch's reference
-- ("Recommendations for Indexing Meta Data Tables") leaves them to the user. Without them every execution read
-- (its parameters, its steps) and the HTTP API's list (steps summed per execution) scan whole tables, or SQLite
-- builds an automatic index on each query: 18 ms of the list's query at 10,000 executions (bench/api.sh).
CREATE INDEX IF NOT EXISTS IX_BATCH_STEP_EXECUTION_JOB_EXECUTION ON BATCH_STEP_EXECUTION (JOB_EXECUTION_ID);
CREATE INDEX IF NOT EXISTS IX_BATCH_JOB_EXECUTION_PARAMS_JOB_EXECUTION ON BATCH_JOB_EXECUTION_PARAMS (JOB_EXECUTION_ID);
CREATE INDEX IF NOT EXISTS IX_BATCH_JOB_EXECUTION_JOB_INSTANCE ON BATCH_JOB_EXECUTION (JOB_INSTANCE_ID);
