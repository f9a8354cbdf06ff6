-- The system's idx_model_performance and idx_metric_timeseries, whose column sets V1 did not index. Their own
-- names, so an adopted file that has them is untouched.
CREATE INDEX IF NOT EXISTS idx_model_performance ON ml_model_results (model_name, is_correct, prediction_timestamp);
CREATE INDEX IF NOT EXISTS idx_metric_timeseries ON analytics_metrics (metric_type, calculated_at);

-- ml-results-import finds the row it upserts by model_name, model_version, ... prediction_timestamp: V1 gave
-- files we create this index, an adopted file gets it here (a no-op on files we created).
CREATE INDEX IF NOT EXISTS idx_ml_model_performance ON ml_model_results (model_name, model_version, prediction_timestamp);
