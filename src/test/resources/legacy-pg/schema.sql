-- The legacy PostgreSQL database as the trading system left it: the nine model tables (enum types, numeric,
-- timestamptz and timestamp, json/jsonb, arrays) and the older TimescaleDB-era tables as plain tables.
CREATE TYPE position_side AS ENUM ('BUY', 'SELL');
CREATE TYPE position_status AS ENUM ('OPEN', 'CLOSED');
CREATE TYPE order_type AS ENUM ('MARKET', 'LIMIT', 'STOP_MARKET', 'STOP_LIMIT');
CREATE TYPE order_status AS ENUM ('PENDING', 'FILLED', 'CANCELLED');

CREATE TABLE positions (
    id VARCHAR PRIMARY KEY,
    symbol VARCHAR NOT NULL,
    side position_side NOT NULL,
    quantity DOUBLE PRECISION NOT NULL,
    entry_price NUMERIC(18, 8) NOT NULL,
    current_price DOUBLE PRECISION,
    stop_loss DOUBLE PRECISION,
    take_profit DOUBLE PRECISION,
    trailing_stop_distance DOUBLE PRECISION,
    trailing_stop_activation_price DOUBLE PRECISION,
    status position_status DEFAULT 'OPEN',
    opened_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    closed_at TIMESTAMPTZ,
    realized_pnl NUMERIC(18, 8),
    notes VARCHAR
);
CREATE TABLE orders (
    id VARCHAR PRIMARY KEY,
    position_id VARCHAR REFERENCES positions (id),
    symbol VARCHAR NOT NULL,
    side VARCHAR NOT NULL,
    order_type order_type NOT NULL,
    quantity DOUBLE PRECISION NOT NULL,
    price NUMERIC(18, 8),
    stop_price NUMERIC(18, 8),
    status order_status DEFAULT 'PENDING',
    executed_price DOUBLE PRECISION,
    executed_quantity DOUBLE PRECISION,
    created_at TIMESTAMP DEFAULT now(),
    executed_at TIMESTAMPTZ
);
CREATE TABLE portfolio_snapshots (
    id SERIAL PRIMARY KEY,
    balance NUMERIC(18, 8) NOT NULL,
    total_pnl DOUBLE PRECISION DEFAULT 0,
    realized_pnl DOUBLE PRECISION DEFAULT 0,
    unrealized_pnl DOUBLE PRECISION DEFAULT 0,
    positions_count INTEGER DEFAULT 0,
    "timestamp" TIMESTAMPTZ DEFAULT now()
);
CREATE TABLE candlesticks (
    id BIGSERIAL PRIMARY KEY,
    symbol VARCHAR NOT NULL,
    interval VARCHAR NOT NULL,
    open_time TIMESTAMPTZ NOT NULL,
    close_time TIMESTAMPTZ NOT NULL,
    open_price DOUBLE PRECISION NOT NULL,
    high_price DOUBLE PRECISION NOT NULL,
    low_price DOUBLE PRECISION NOT NULL,
    close_price DOUBLE PRECISION NOT NULL,
    volume DOUBLE PRECISION NOT NULL,
    quote_asset_volume DOUBLE PRECISION,
    number_of_trades INTEGER,
    taker_buy_base_asset_volume DOUBLE PRECISION,
    taker_buy_quote_asset_volume DOUBLE PRECISION,
    created_at TIMESTAMPTZ DEFAULT now(),
    UNIQUE (symbol, interval, open_time)
);
CREATE TABLE candlestick_metadata (
    id SERIAL PRIMARY KEY,
    symbol VARCHAR NOT NULL,
    interval VARCHAR NOT NULL,
    earliest_timestamp TIMESTAMPTZ,
    latest_timestamp TIMESTAMPTZ,
    total_candles INTEGER DEFAULT 0,
    last_sync TIMESTAMPTZ,
    sync_status VARCHAR DEFAULT 'pending',
    error_code VARCHAR,
    error_message VARCHAR,
    last_attempt_at TIMESTAMPTZ,
    last_success_at TIMESTAMPTZ,
    created_at TIMESTAMPTZ DEFAULT now(),
    updated_at TIMESTAMPTZ DEFAULT now(),
    UNIQUE (symbol, interval)
);
CREATE TABLE pattern_cache (
    id SERIAL PRIMARY KEY,
    symbol VARCHAR NOT NULL,
    interval VARCHAR NOT NULL,
    pattern_type VARCHAR NOT NULL,
    pattern_name VARCHAR NOT NULL,
    detected_at TIMESTAMPTZ NOT NULL,
    pattern_start TIMESTAMPTZ NOT NULL,
    pattern_end TIMESTAMPTZ,
    confidence_score DOUBLE PRECISION NOT NULL,
    entry_price DOUBLE PRECISION,
    target_price DOUBLE PRECISION,
    stop_loss DOUBLE PRECISION,
    pattern_data TEXT[],
    status VARCHAR DEFAULT 'active',
    actual_result VARCHAR,
    actual_pnl DOUBLE PRECISION,
    created_at TIMESTAMPTZ DEFAULT now(),
    updated_at TIMESTAMPTZ DEFAULT now()
);
CREATE TABLE trade_execution_log (
    id SERIAL PRIMARY KEY,
    trade_id VARCHAR NOT NULL,
    symbol VARCHAR NOT NULL,
    order_type VARCHAR NOT NULL,
    side VARCHAR NOT NULL,
    quantity DOUBLE PRECISION NOT NULL,
    price DOUBLE PRECISION NOT NULL,
    signal_timestamp TIMESTAMPTZ NOT NULL,
    order_sent_timestamp TIMESTAMPTZ NOT NULL,
    order_filled_timestamp TIMESTAMPTZ,
    total_latency_ms DOUBLE PRECISION,
    pattern_id INTEGER,
    status VARCHAR NOT NULL,
    created_at TIMESTAMPTZ DEFAULT now(),
    notes VARCHAR
);
CREATE TABLE ml_model_results (
    id SERIAL PRIMARY KEY,
    model_name VARCHAR NOT NULL,
    model_version VARCHAR NOT NULL,
    symbol VARCHAR NOT NULL,
    interval VARCHAR NOT NULL,
    prediction_timestamp TIMESTAMPTZ NOT NULL,
    prediction_type VARCHAR NOT NULL,
    predicted_value DOUBLE PRECISION,
    confidence DOUBLE PRECISION,
    prediction_data JSON,
    actual_value DOUBLE PRECISION,
    prediction_error DOUBLE PRECISION,
    is_correct BOOLEAN,
    validation_timestamp TIMESTAMPTZ,
    time_to_validation_hours DOUBLE PRECISION,
    created_at TIMESTAMPTZ DEFAULT now()
);
CREATE TABLE analytics_metrics (
    id SERIAL PRIMARY KEY,
    metric_type VARCHAR NOT NULL,
    metric_name VARCHAR NOT NULL,
    symbol VARCHAR,
    timeframe VARCHAR,
    period_start TIMESTAMPTZ NOT NULL,
    period_end TIMESTAMPTZ NOT NULL,
    value DOUBLE PRECISION NOT NULL,
    secondary_value DOUBLE PRECISION,
    details JSONB,
    calculated_at TIMESTAMPTZ DEFAULT now()
);

CREATE TABLE market_data (
    "timestamp" TIMESTAMPTZ NOT NULL,
    symbol VARCHAR(20) NOT NULL,
    timeframe VARCHAR(10) NOT NULL,
    open DECIMAL(18, 8),
    high DECIMAL(18, 8),
    low DECIMAL(18, 8),
    close DECIMAL(18, 8),
    volume DECIMAL(18, 8),
    indicators JSONB,
    PRIMARY KEY ("timestamp", symbol, timeframe)
);
CREATE TABLE pattern_detections (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    "timestamp" TIMESTAMPTZ NOT NULL,
    symbol VARCHAR(20) NOT NULL,
    pattern_type VARCHAR(50) NOT NULL,
    confidence DECIMAL(5, 2),
    signal VARCHAR(10),
    outcome BOOLEAN,
    metadata JSONB,
    created_at TIMESTAMPTZ DEFAULT now()
);
CREATE TABLE ai_predictions (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    "timestamp" TIMESTAMPTZ NOT NULL,
    symbol VARCHAR(20) NOT NULL,
    model_name VARCHAR(100) NOT NULL,
    prediction_type VARCHAR(50) NOT NULL,
    predicted_value DECIMAL(18, 8),
    confidence DECIMAL(5, 2),
    actual_value DECIMAL(18, 8),
    accuracy_score DECIMAL(5, 2),
    features JSONB,
    created_at TIMESTAMPTZ DEFAULT now()
);
CREATE TABLE trading_audit (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    "timestamp" TIMESTAMPTZ NOT NULL,
    action VARCHAR(50),
    symbol VARCHAR(20),
    quantity DECIMAL(18, 8),
    price DECIMAL(18, 8),
    success BOOLEAN,
    error_message TEXT,
    execution_time_ms INTEGER,
    user_context JSONB,
    created_at TIMESTAMPTZ DEFAULT now()
);
CREATE TABLE user_sessions (
    id SERIAL PRIMARY KEY,
    user_id VARCHAR NOT NULL,
    session_token VARCHAR NOT NULL,
    expires_at TIMESTAMPTZ
);
