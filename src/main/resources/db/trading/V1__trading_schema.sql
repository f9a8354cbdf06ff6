-- trading.db as the trading system's SQLAlchemy models create it (type names as SQLAlchemy emits them:
-- FLOAT has REAL affinity, DATETIME holds 'YYYY-MM-DD HH:MM:SS.ffffff' UTC text, Enum is VARCHAR(longest name)).

CREATE TABLE IF NOT EXISTS positions (
    id VARCHAR NOT NULL,
    symbol VARCHAR NOT NULL,
    side VARCHAR(4) NOT NULL,
    quantity FLOAT NOT NULL,
    entry_price FLOAT NOT NULL,
    current_price FLOAT,
    stop_loss FLOAT,
    take_profit FLOAT,
    trailing_stop_distance FLOAT,
    trailing_stop_activation_price FLOAT,
    status VARCHAR(6) DEFAULT 'OPEN',
    opened_at DATETIME DEFAULT (CURRENT_TIMESTAMP) NOT NULL,
    closed_at DATETIME,
    realized_pnl FLOAT,
    notes VARCHAR,
    PRIMARY KEY (id)
);
CREATE INDEX IF NOT EXISTS ix_positions_symbol ON positions (symbol);
CREATE INDEX IF NOT EXISTS ix_positions_status ON positions (status);

CREATE TABLE IF NOT EXISTS orders (
    id VARCHAR NOT NULL,
    position_id VARCHAR,
    symbol VARCHAR NOT NULL,
    side VARCHAR NOT NULL,
    order_type VARCHAR(11) NOT NULL,
    quantity FLOAT NOT NULL,
    price FLOAT,
    stop_price FLOAT,
    status VARCHAR(9) DEFAULT 'PENDING',
    executed_price FLOAT,
    executed_quantity FLOAT,
    created_at DATETIME DEFAULT (CURRENT_TIMESTAMP),
    executed_at DATETIME,
    PRIMARY KEY (id),
    FOREIGN KEY(position_id) REFERENCES positions (id)
);
CREATE INDEX IF NOT EXISTS ix_orders_position_id ON orders (position_id);
CREATE INDEX IF NOT EXISTS ix_orders_symbol ON orders (symbol);

CREATE TABLE IF NOT EXISTS portfolio_snapshots (
    id INTEGER NOT NULL,
    balance FLOAT NOT NULL,
    total_pnl FLOAT DEFAULT 0.0,
    realized_pnl FLOAT DEFAULT 0.0,
    unrealized_pnl FLOAT DEFAULT 0.0,
    positions_count INTEGER DEFAULT 0,
    timestamp DATETIME DEFAULT (CURRENT_TIMESTAMP),
    PRIMARY KEY (id)
);
CREATE INDEX IF NOT EXISTS ix_portfolio_snapshots_timestamp ON portfolio_snapshots (timestamp);
