-- trading.db as SQLAlchemy's create_all() emits it for the trading system's models (no IF NOT EXISTS, its own layout)
CREATE TABLE positions (
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
	status VARCHAR(6), 
	opened_at DATETIME DEFAULT (CURRENT_TIMESTAMP) NOT NULL, 
	closed_at DATETIME, 
	realized_pnl FLOAT, 
	notes VARCHAR, 
	PRIMARY KEY (id)
);
CREATE INDEX ix_positions_symbol ON positions (symbol);
CREATE INDEX ix_positions_status ON positions (status);
CREATE TABLE orders (
	id VARCHAR NOT NULL, 
	position_id VARCHAR, 
	symbol VARCHAR NOT NULL, 
	side VARCHAR NOT NULL, 
	order_type VARCHAR(11) NOT NULL, 
	quantity FLOAT NOT NULL, 
	price FLOAT, 
	stop_price FLOAT, 
	status VARCHAR(9), 
	executed_price FLOAT, 
	executed_quantity FLOAT, 
	created_at DATETIME DEFAULT (CURRENT_TIMESTAMP), 
	executed_at DATETIME, 
	PRIMARY KEY (id), 
	FOREIGN KEY(position_id) REFERENCES positions (id)
);
CREATE INDEX ix_orders_symbol ON orders (symbol);
CREATE INDEX ix_orders_position_id ON orders (position_id);
CREATE TABLE portfolio_snapshots (
	id INTEGER NOT NULL, 
	balance FLOAT NOT NULL, 
	total_pnl FLOAT, 
	realized_pnl FLOAT, 
	unrealized_pnl FLOAT, 
	positions_count INTEGER, 
	timestamp DATETIME DEFAULT (CURRENT_TIMESTAMP), 
	PRIMARY KEY (id)
);
CREATE INDEX ix_portfolio_snapshots_timestamp ON portfolio_snapshots (timestamp);
INSERT INTO positions (id, symbol, side, quantity, entry_price, status, opened_at) VALUES ('3f2a-1', 'BTCUSDT', 'BUY', 0.25, 64250.5, 'OPEN', '2025-03-01 10:15:00.123456');
INSERT INTO positions (id, symbol, side, quantity, entry_price, status, opened_at, closed_at, realized_pnl) VALUES ('3f2a-2', 'ETHUSDT', 'SELL', 3.0, 3100.0, 'CLOSED', '2025-03-01 11:00:00.000000', '2025-03-01 12:30:00.000000', 42.5);
INSERT INTO orders (id, position_id, symbol, side, order_type, quantity, status, created_at) VALUES ('o-1', '3f2a-1', 'BTCUSDT', 'BUY', 'STOP_LIMIT', 0.25, 'FILLED', '2025-03-01 10:15:00.100000');
INSERT INTO portfolio_snapshots (balance, total_pnl, realized_pnl, unrealized_pnl, positions_count, timestamp) VALUES (10042.5, 42.5, 42.5, 0.0, 1, '2025-03-01 12:30:00.000000');
