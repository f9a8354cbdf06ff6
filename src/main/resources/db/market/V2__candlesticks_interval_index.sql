-- The system's ix_candlesticks_interval, missing from V1 (no other index leads with interval; the roll-up lists
-- the symbols of one interval). Its ix_candlesticks_open_time and ix_candlesticks_symbol stay left out: exact
-- duplicates of idx_open_time and idx_symbol. The system's own name, so an adopted file that has it is untouched.
CREATE INDEX IF NOT EXISTS ix_candlesticks_interval ON candlesticks (interval);
