-- market_data.db as the trading system creates it. Index names are the system's own.

CREATE TABLE IF NOT EXISTS candlesticks (
    id INTEGER NOT NULL,
    symbol VARCHAR NOT NULL,
    interval VARCHAR NOT NULL,
    open_time DATETIME NOT NULL,
    close_time DATETIME NOT NULL,
    open_price FLOAT NOT NULL,
    high_price FLOAT NOT NULL,
    low_price FLOAT NOT NULL,
    close_price FLOAT NOT NULL,
    volume FLOAT NOT NULL,
    quote_asset_volume FLOAT,
    number_of_trades INTEGER,
    taker_buy_base_asset_volume FLOAT,
    taker_buy_quote_asset_volume FLOAT,
    created_at DATETIME DEFAULT (CURRENT_TIMESTAMP),
    PRIMARY KEY (id)
);
CREATE INDEX IF NOT EXISTS idx_symbol_interval_time ON candlesticks (symbol, interval, open_time);
CREATE INDEX IF NOT EXISTS idx_open_time ON candlesticks (open_time);
CREATE INDEX IF NOT EXISTS idx_symbol ON candlesticks (symbol);
CREATE UNIQUE INDEX IF NOT EXISTS idx_unique_candle ON candlesticks (symbol, interval, open_time);

CREATE TABLE IF NOT EXISTS candlestick_metadata (
    id INTEGER NOT NULL,
    symbol VARCHAR NOT NULL,
    interval VARCHAR NOT NULL,
    earliest_timestamp DATETIME,
    latest_timestamp DATETIME,
    total_candles INTEGER DEFAULT 0,
    last_sync DATETIME,
    sync_status VARCHAR DEFAULT 'pending',
    error_code VARCHAR,
    error_message VARCHAR,
    last_attempt_at DATETIME,
    last_success_at DATETIME,
    created_at DATETIME DEFAULT (CURRENT_TIMESTAMP),
    updated_at DATETIME DEFAULT (CURRENT_TIMESTAMP),
    PRIMARY KEY (id)
);
CREATE UNIQUE INDEX IF NOT EXISTS idx_symbol_interval_metadata ON candlestick_metadata (symbol, interval);
