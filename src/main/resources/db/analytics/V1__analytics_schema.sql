-- analytics.db as the trading system creates it.

CREATE TABLE IF NOT EXISTS pattern_cache (
    id INTEGER NOT NULL,
    symbol VARCHAR NOT NULL,
    interval VARCHAR NOT NULL,
    pattern_type VARCHAR NOT NULL,
    pattern_name VARCHAR NOT NULL,
    detected_at DATETIME NOT NULL,
    pattern_start DATETIME NOT NULL,
    pattern_end DATETIME,
    confidence_score FLOAT NOT NULL,
    entry_price FLOAT,
    target_price FLOAT,
    stop_loss FLOAT,
    pattern_data JSON,
    status VARCHAR DEFAULT 'active',
    actual_result VARCHAR,
    actual_pnl FLOAT,
    created_at DATETIME DEFAULT (CURRENT_TIMESTAMP),
    updated_at DATETIME DEFAULT (CURRENT_TIMESTAMP),
    PRIMARY KEY (id)
);
CREATE INDEX IF NOT EXISTS ix_pattern_cache_symbol ON pattern_cache (symbol);
CREATE INDEX IF NOT EXISTS ix_pattern_cache_interval ON pattern_cache (interval);
CREATE INDEX IF NOT EXISTS ix_pattern_cache_pattern_type ON pattern_cache (pattern_type);
CREATE INDEX IF NOT EXISTS ix_pattern_cache_detected_at ON pattern_cache (detected_at);
CREATE INDEX IF NOT EXISTS ix_pattern_cache_confidence_score ON pattern_cache (confidence_score);
CREATE INDEX IF NOT EXISTS idx_pattern_symbol_type_time ON pattern_cache (symbol, pattern_type, detected_at);
CREATE INDEX IF NOT EXISTS idx_pattern_confidence ON pattern_cache (confidence_score);
CREATE INDEX IF NOT EXISTS idx_pattern_status ON pattern_cache (status);

CREATE TABLE IF NOT EXISTS trade_execution_log (
    id INTEGER NOT NULL,
    trade_id VARCHAR NOT NULL,
    symbol VARCHAR NOT NULL,
    order_type VARCHAR NOT NULL,
    side VARCHAR NOT NULL,
    quantity FLOAT NOT NULL,
    price FLOAT NOT NULL,
    signal_timestamp DATETIME NOT NULL,
    order_sent_timestamp DATETIME NOT NULL,
    order_filled_timestamp DATETIME,
    signal_to_order_latency_ms FLOAT,
    order_to_fill_latency_ms FLOAT,
    total_latency_ms FLOAT,
    pattern_id INTEGER,
    pattern_type VARCHAR,
    pattern_confidence FLOAT,
    status VARCHAR NOT NULL,
    filled_quantity FLOAT,
    average_fill_price FLOAT,
    expected_price FLOAT,
    slippage FLOAT,
    slippage_pct FLOAT,
    created_at DATETIME DEFAULT (CURRENT_TIMESTAMP),
    notes VARCHAR,
    PRIMARY KEY (id)
);
CREATE INDEX IF NOT EXISTS ix_trade_execution_log_trade_id ON trade_execution_log (trade_id);
CREATE INDEX IF NOT EXISTS ix_trade_execution_log_symbol ON trade_execution_log (symbol);
CREATE INDEX IF NOT EXISTS ix_trade_execution_log_pattern_id ON trade_execution_log (pattern_id);
CREATE INDEX IF NOT EXISTS ix_trade_execution_log_created_at ON trade_execution_log (created_at);
CREATE INDEX IF NOT EXISTS idx_execution_symbol_time ON trade_execution_log (symbol, created_at);
CREATE INDEX IF NOT EXISTS idx_execution_pattern_status ON trade_execution_log (pattern_id, status);

CREATE TABLE IF NOT EXISTS ml_model_results (
    id INTEGER NOT NULL,
    model_name VARCHAR NOT NULL,
    model_version VARCHAR NOT NULL,
    symbol VARCHAR NOT NULL,
    interval VARCHAR NOT NULL,
    prediction_timestamp DATETIME NOT NULL,
    prediction_type VARCHAR NOT NULL,
    predicted_value FLOAT,
    confidence FLOAT,
    prediction_data JSON,
    actual_value FLOAT,
    prediction_error FLOAT,
    is_correct INTEGER,
    validation_timestamp DATETIME,
    time_to_validation_hours FLOAT,
    created_at DATETIME DEFAULT (CURRENT_TIMESTAMP),
    PRIMARY KEY (id)
);
CREATE INDEX IF NOT EXISTS ix_ml_model_results_model_name ON ml_model_results (model_name);
CREATE INDEX IF NOT EXISTS ix_ml_model_results_symbol ON ml_model_results (symbol);
CREATE INDEX IF NOT EXISTS ix_ml_model_results_prediction_timestamp ON ml_model_results (prediction_timestamp);
CREATE INDEX IF NOT EXISTS idx_ml_model_performance ON ml_model_results (model_name, model_version, prediction_timestamp);
CREATE INDEX IF NOT EXISTS idx_ml_symbol_predictions ON ml_model_results (symbol, prediction_timestamp);

CREATE TABLE IF NOT EXISTS analytics_metrics (
    id INTEGER NOT NULL,
    metric_type VARCHAR NOT NULL,
    metric_name VARCHAR NOT NULL,
    symbol VARCHAR,
    timeframe VARCHAR,
    period_start DATETIME NOT NULL,
    period_end DATETIME NOT NULL,
    value FLOAT NOT NULL,
    secondary_value FLOAT,
    details JSON,
    calculated_at DATETIME DEFAULT (CURRENT_TIMESTAMP),
    PRIMARY KEY (id)
);
CREATE INDEX IF NOT EXISTS ix_analytics_metrics_metric_type ON analytics_metrics (metric_type);
CREATE INDEX IF NOT EXISTS ix_analytics_metrics_symbol ON analytics_metrics (symbol);
CREATE INDEX IF NOT EXISTS ix_analytics_metrics_calculated_at ON analytics_metrics (calculated_at);
CREATE INDEX IF NOT EXISTS idx_metrics_lookup ON analytics_metrics (metric_type, symbol, period_start);
CREATE INDEX IF NOT EXISTS idx_metrics_timeseries ON analytics_metrics (metric_type, metric_name, period_start);
