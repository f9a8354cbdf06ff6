-- Our own index, not the trading system's: "open positions of one symbol" (symbol = ? AND status = 'OPEN') is
-- promised in under 1 ms; the system indexes symbol and status only separately. IF NOT EXISTS: an adopted
-- file may already have it.
CREATE INDEX IF NOT EXISTS idx_positions_symbol_status ON positions (symbol, status);
