-- Rows for the tests, written in a non-UTC session zone: a timestamp literal without offset means Kolkata time
-- (UTC+05:30). Special rows carry known values the tests look for.
SET TIME ZONE 'Asia/Kolkata';

INSERT INTO positions (id, symbol, side, quantity, entry_price, current_price, status, opened_at, closed_at, realized_pnl, notes)
SELECT 'P-' || lpad(g::text, 5, '0'), CASE WHEN g % 2 = 0 THEN 'BTCUSDT' ELSE 'ETHUSDT' END,
       CASE WHEN g % 3 = 0 THEN 'SELL' ELSE 'BUY' END::position_side, g * 0.01, 100 + g * 0.125, NULL,
       CASE WHEN g % 4 = 0 THEN 'CLOSED' ELSE 'OPEN' END::position_status,
       TIMESTAMP '2024-01-01 00:00:00' + g * INTERVAL '1 minute',
       CASE WHEN g % 4 = 0 THEN TIMESTAMP '2024-02-01 00:00:00' + g * INTERVAL '1 minute' END,
       CASE WHEN g % 4 = 0 THEN g * 0.5 END, NULL
  FROM generate_series(1, 500) g;
INSERT INTO positions (id, symbol, side, quantity, entry_price, status, opened_at, notes)
VALUES ('P-special', 'BTCUSDT', 'SELL', 0.5, 42000.12345678, 'OPEN', '2024-03-10 08:15:30.123456',
        'Ünïcødé «quotes» "double" ''single'' \ backslash 🚀 漢字');

INSERT INTO orders (id, position_id, symbol, side, order_type, quantity, price, status, created_at, executed_at)
SELECT 'O-' || lpad(g::text, 5, '0'), 'P-' || lpad((g % 500 + 1)::text, 5, '0'), 'BTCUSDT',
       CASE WHEN g % 2 = 0 THEN 'BUY' ELSE 'SELL' END,
       (ARRAY['MARKET', 'LIMIT', 'STOP_MARKET', 'STOP_LIMIT'])[g % 4 + 1]::order_type, g * 0.001,
       CASE WHEN g % 5 = 0 THEN NULL ELSE 100 + g END,
       (ARRAY['PENDING', 'FILLED', 'CANCELLED'])[g % 3 + 1]::order_status,
       TIMESTAMP '2024-01-02 00:00:00' + g * INTERVAL '1 second', NULL
  FROM generate_series(1, 1000) g;
INSERT INTO orders (id, position_id, symbol, side, order_type, quantity, price, status, created_at, executed_at)
VALUES ('O-special', 'P-special', 'BTCUSDT', 'SELL', 'STOP_LIMIT', 0.5, 41999.5, 'FILLED',
        '2024-03-10 08:15:31.5', '2024-03-10 08:15:32.000001+00');

INSERT INTO portfolio_snapshots (balance, total_pnl, positions_count, "timestamp")
SELECT 10000 + g, g * 1.5, g % 7, TIMESTAMP '2024-01-01 00:00:00' + g * INTERVAL '1 hour' FROM generate_series(1, 200) g;

INSERT INTO candlesticks (symbol, interval, open_time, close_time, open_price, high_price, low_price, close_price, volume, number_of_trades)
SELECT 'SOLUSDT', '1h', TIMESTAMPTZ '2024-01-01 00:00:00+00' + g * INTERVAL '1 hour',
       TIMESTAMPTZ '2024-01-01 00:59:59.999+00' + g * INTERVAL '1 hour', 100, 101, 99, 100.5, 1000 + g, g
  FROM generate_series(0, 99) g;
INSERT INTO candlestick_metadata (symbol, interval, earliest_timestamp, latest_timestamp, total_candles, sync_status)
VALUES ('SOLUSDT', '1h', '2024-01-01 05:30:00', '2024-01-05 08:30:00', 100, 'complete'),
       ('BTCUSDT', '1m', NULL, NULL, 0, 'pending');

INSERT INTO pattern_cache (symbol, interval, pattern_type, pattern_name, detected_at, pattern_start, confidence_score, pattern_data, status)
SELECT 'BTCUSDT', '1h', 'reversal', 'double_bottom', TIMESTAMPTZ '2024-01-01 00:00:00+00' + g * INTERVAL '1 hour',
       TIMESTAMPTZ '2024-01-01 00:00:00+00' + g * INTERVAL '1 hour', 0.75,
       CASE WHEN g = 1 THEN ARRAY['a "quoted" leg', 'ünï', NULL] ELSE ARRAY['x'] END, 'active'
  FROM generate_series(1, 50) g;

INSERT INTO trade_execution_log (trade_id, symbol, order_type, side, quantity, price, signal_timestamp, order_sent_timestamp, status, notes)
SELECT 'T-' || g, 'BTCUSDT', 'MARKET', 'BUY', 1, 100 + g, TIMESTAMPTZ '2024-01-01 00:00:00+00' + g * INTERVAL '1 minute',
       TIMESTAMPTZ '2024-01-01 00:00:00.25+00' + g * INTERVAL '1 minute', 'filled', NULL
  FROM generate_series(1, 50) g;

INSERT INTO ml_model_results (model_name, model_version, symbol, interval, prediction_timestamp, prediction_type, predicted_value, confidence, prediction_data, is_correct)
SELECT 'lstm', 'v2', 'BTCUSDT', '1h', TIMESTAMPTZ '2024-01-01 00:00:00+00' + g * INTERVAL '1 hour', 'price', 100 + g, 0.5,
       '{"window": 24,  "note": "spaces kept in json"}', CASE WHEN g % 3 = 0 THEN NULL ELSE g % 2 = 0 END
  FROM generate_series(1, 50) g;

INSERT INTO analytics_metrics (metric_type, metric_name, symbol, timeframe, period_start, period_end, value, details)
SELECT 'performance', 'win_rate', CASE WHEN g % 2 = 0 THEN NULL ELSE 'BTCUSDT' END, '1d',
       TIMESTAMPTZ '2024-01-01 00:00:00+00' + g * INTERVAL '1 day', TIMESTAMPTZ '2024-01-02 00:00:00+00' + g * INTERVAL '1 day',
       g / 100.0, jsonb_build_object('trades', g, 'label', 'métrique "q"')
  FROM generate_series(1, 50) g;

-- 100,000 candles of the TimescaleDB era: 2 symbols x 2 timeframes x 25,000 steps
INSERT INTO market_data ("timestamp", symbol, timeframe, open, high, low, close, volume, indicators)
SELECT TIMESTAMPTZ '2023-01-01 00:00:00+00' + g * (CASE tf WHEN '1m' THEN INTERVAL '1 minute' ELSE INTERVAL '1 hour' END),
       sym, tf, 100 + g * 0.00000001, 101 + g * 0.00000001, 99, 100.5, g * 0.5, '{"rsi": 50}'
  FROM generate_series(1, 25000) g, (VALUES ('BTCUSDT'), ('ETHUSDT')) s(sym), (VALUES ('1m'), ('1h')) t(tf);
-- a volume numeric(18,8) holds but a REAL cannot, and a candle opened in Kolkata time
UPDATE market_data SET volume = 1234567890.12345678
 WHERE symbol = 'BTCUSDT' AND timeframe = '1h' AND "timestamp" = TIMESTAMPTZ '2023-01-01 00:00:00+00' + 7 * INTERVAL '1 hour';
INSERT INTO market_data ("timestamp", symbol, timeframe, open, high, low, close, volume, indicators)
VALUES ('2022-06-01 05:30:00', 'XRPUSDT', '4h', 0.5, 0.6, 0.4, 0.55, 12.5, NULL);

INSERT INTO pattern_detections (id, "timestamp", symbol, pattern_type, confidence, signal, outcome, metadata, created_at)
SELECT md5('pd' || g)::uuid, TIMESTAMPTZ '2024-01-01 00:00:00+00' + g * INTERVAL '1 minute', 'BTCUSDT', 'head_shoulders',
       (g % 100) + 0.25, CASE WHEN g % 2 = 0 THEN 'BUY' ELSE 'SELL' END,
       CASE g % 3 WHEN 0 THEN NULL WHEN 1 THEN true ELSE false END,
       CASE WHEN g = 1 THEN '{"interval": "15m", "pattern_name": "H&S \"inverse\"", "neckline": 101.5}'::jsonb
            WHEN g = 2 THEN NULL ELSE '{"timeframe": "1h"}'::jsonb END,
       TIMESTAMPTZ '2024-01-01 00:00:00+00' + g * INTERVAL '1 minute'
  FROM generate_series(1, 300) g;

INSERT INTO ai_predictions (id, "timestamp", symbol, model_name, prediction_type, predicted_value, confidence, actual_value, accuracy_score, features)
SELECT md5('ai' || g)::uuid, TIMESTAMPTZ '2024-01-01 00:00:00+00' + g * INTERVAL '1 minute', 'ETHUSDT', 'xgboost', 'direction',
       g * 0.1, 87.53, CASE WHEN g % 2 = 0 THEN g * 0.1 + 0.05 END, 64.5, jsonb_build_object('interval', '5m', 'rsi', g)
  FROM generate_series(1, 300) g;

INSERT INTO trading_audit ("timestamp", action, symbol, quantity, price, success, user_context)
SELECT TIMESTAMPTZ '2024-01-01 00:00:00+00' + g * INTERVAL '1 minute', 'place_order', 'BTCUSDT', 1, 100, true, '{}'
  FROM generate_series(1, 120) g;

INSERT INTO user_sessions (user_id, session_token, expires_at)
VALUES ('alice', 'tok_LIVE_SESSION_9f8e7d6c5b4a3928', now() + INTERVAL '1 day'),
       ('bob', 'tok_LIVE_SESSION_1a2b3c4d5e6f7a8b', now() + INTERVAL '1 day');
