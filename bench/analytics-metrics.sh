#!/usr/bin/env bash
# Benchmark of analytics-metrics (not a test, not part of ./mvnw verify).
#
# Generates, with the sqlite3 shell, 1,000,000 trade_execution_log rows and 100,000 positions over 30 days
# (plus smaller pattern_cache, ml_model_results, portfolio_snapshots and candlesticks), runs
#   tradebatch run analytics-metrics from=2025-01-01 to=2025-01-30 period=day
# through the packaged jar, prints its time and rows/s, the EXPLAIN QUERY PLAN of the queries behind it, and
# the time the sqlite3 shell takes for the same aggregates (per day, per symbol and global: latency
# percentiles by linear interpolation, slippage average, fill rate, realized pnl / wins / losses) on the same
# files, and the ratio.
#
# usage: bench/analytics-metrics.sh [work-dir]     (default: a new temporary folder, removed at the end)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
WORK=${1:-$(mktemp -d /tmp/tradebatch-bench-XXXXXX)}
KEEP=${1:+yes}
mkdir -p "$WORK"
cleanup() { [ -n "$KEEP" ] || rm -rf "$WORK"; }
trap cleanup EXIT

EXECUTIONS=${EXECUTIONS:-1000000}
POSITIONS=${POSITIONS:-100000}
DAYS=30

[ -f target/tradebatch.jar ] || ./mvnw -B -q -o package -DskipTests

export TRADING_DATABASE_URL="sqlite:///$WORK/trading.db"
export MARKET_DATABASE_URL="sqlite:///$WORK/market_data.db"
export ANALYTICS_DATABASE_URL="sqlite:///$WORK/analytics.db"
export BATCH_DATABASE_URL="sqlite:///$WORK/batch.db"
export TRADEBATCH_LOG_FILE="$WORK/tradebatch.log"
export TRADEBATCH_REJECTS_DIR="$WORK/rejects"
unset DATABASE_URL || true
TB() { java -jar "$ROOT/target/tradebatch.jar" "$@"; }

now() { date +%s.%N; }
elapsed() { echo "$2 - $1" | bc -l; }

echo "== creating the stores in $WORK"
TB run db-stats databases=batch >/dev/null

echo "== generating $EXECUTIONS trade_execution_log rows, $POSITIONS positions ($DAYS days from 2025-01-01)"
t0=$(now)
sqlite3 "$WORK/analytics.db" <<SQL
PRAGMA journal_mode=WAL;
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < $EXECUTIONS - 1)
INSERT INTO trade_execution_log (trade_id, symbol, order_type, side, quantity, price, signal_timestamp,
    order_sent_timestamp, order_filled_timestamp, signal_to_order_latency_ms, order_to_fill_latency_ms,
    total_latency_ms, status, filled_quantity, average_fill_price, expected_price, slippage, slippage_pct, created_at)
SELECT 't' || i, sym, 'MARKET', 'BUY', qty, 100, ts, ts, ts, s2o, o2f, s2o + o2f, 'FILLED',
       qty * (abs(random()) % 101) / 100.0, 100, 100, 0, (abs(random()) % 2001 - 1000) / 10000.0, ts
FROM (SELECT i,
             CASE i % 5 WHEN 0 THEN 'BTCUSDT' WHEN 1 THEN 'ETHUSDT' WHEN 2 THEN 'SOLUSDT' WHEN 3 THEN 'BNBUSDT' ELSE 'XRPUSDT' END AS sym,
             1 + i % 7 AS qty,
             (abs(random()) % 100000) / 1000.0 AS s2o,
             (abs(random()) % 500000) / 1000.0 AS o2f,
             datetime('2025-01-01', '+' || (i * ($DAYS * 86400) / $EXECUTIONS) || ' seconds') || '.000000' AS ts
      FROM n);
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 9999)
INSERT INTO pattern_cache (symbol, interval, pattern_type, pattern_name, detected_at, pattern_start, confidence_score,
    actual_result, actual_pnl)
SELECT CASE i % 5 WHEN 0 THEN 'BTCUSDT' WHEN 1 THEN 'ETHUSDT' WHEN 2 THEN 'SOLUSDT' WHEN 3 THEN 'BNBUSDT' ELSE 'XRPUSDT' END,
       '1h', CASE i % 3 WHEN 0 THEN 'breakout' WHEN 1 THEN 'reversal' ELSE 'continuation' END, 'p', ts, ts,
       (abs(random()) % 1001) / 1000.0, CASE abs(random()) % 3 WHEN 0 THEN 'hit' WHEN 1 THEN 'miss' END,
       (abs(random()) % 2001 - 1000) / 10.0
FROM (SELECT i, datetime('2025-01-01', '+' || (i * ($DAYS * 86400) / 10000) || ' seconds') || '.000000' AS ts FROM n);
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 9999)
INSERT INTO ml_model_results (model_name, model_version, symbol, interval, prediction_timestamp, prediction_type,
    predicted_value, is_correct, prediction_error, validation_timestamp)
SELECT 'lstm', 'v' || (i % 2), 'BTCUSDT', '1h', ts, CASE i % 2 WHEN 0 THEN 'price' ELSE 'direction' END, 1,
       abs(random()) % 2, (abs(random()) % 2001 - 1000) / 10.0, ts
FROM (SELECT i, datetime('2025-01-01', '+' || (i * ($DAYS * 86400) / 10000) || ' seconds') || '.000000' AS ts FROM n);
COMMIT;
SQL
sqlite3 "$WORK/trading.db" <<SQL
PRAGMA journal_mode=WAL;
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < $POSITIONS - 1)
INSERT INTO positions (id, symbol, side, quantity, entry_price, status, opened_at, closed_at, realized_pnl)
SELECT 'p' || i, CASE i % 5 WHEN 0 THEN 'BTCUSDT' WHEN 1 THEN 'ETHUSDT' WHEN 2 THEN 'SOLUSDT' WHEN 3 THEN 'BNBUSDT' ELSE 'XRPUSDT' END,
       'BUY', 1, 100, CASE WHEN i % 10 = 0 THEN 'OPEN' ELSE 'CLOSED' END, ts,
       CASE WHEN i % 10 = 0 THEN NULL ELSE ts END, CASE WHEN i % 10 = 0 THEN NULL ELSE (abs(random()) % 20001 - 10000) / 100.0 END
FROM (SELECT i, datetime('2025-01-01', '+' || (i * ($DAYS * 86400) / $POSITIONS) || ' seconds') || '.000000' AS ts FROM n);
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < $DAYS * 24 * 12 - 1)
INSERT INTO portfolio_snapshots (balance, timestamp)
SELECT 10000 + (abs(random()) % 100000) / 100.0, datetime('2025-01-01', '+' || (i * 300) || ' seconds') || '.000000' FROM n;
COMMIT;
SQL
sqlite3 "$WORK/market_data.db" <<SQL
PRAGMA journal_mode=WAL;
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < $DAYS * 24 * 60 - 1),
     s(sym) AS (VALUES ('BTCUSDT'), ('ETHUSDT'), ('SOLUSDT'), ('BNBUSDT'), ('XRPUSDT'))
INSERT INTO candlesticks (symbol, interval, open_time, close_time, open_price, high_price, low_price, close_price, volume)
SELECT sym, '1m', datetime('2025-01-01', '+' || (i * 60) || ' seconds') || '.000000',
       datetime('2025-01-01', '+' || (i * 60 + 59) || ' seconds') || '.999000',
       100 + (abs(random()) % 1000) / 100.0, 111, 99, 100 + (abs(random()) % 1000) / 100.0, abs(random()) % 1000
FROM n, s;
COMMIT;
SQL
echo "   generated in $(printf '%.1f' "$(elapsed "$t0" "$(now)")") s"

FROM=2025-01-01
TO=2025-01-30
echo
echo "== tradebatch run analytics-metrics from=$FROM to=$TO period=day"
t0=$(now)
OUT=$(TB run analytics-metrics from=$FROM to=$TO period=day)
t1=$(now)
echo "$OUT" | sed 's/^/   /'
WALL=$(elapsed "$t0" "$t1")
JOB=$(echo "$OUT" | sed -n 's/.* in \([0-9.]*\) s$/\1/p' | head -1)
SOURCE=$(echo "$OUT" | sed -n 's/.*; \([0-9,]*\) source rows read.*/\1/p' | tr -d ,)
printf '   job %.2f s (process wall time %.2f s with JVM start); %s source rows: %.0f rows/s (job), %.0f rows/s (wall)\n' \
    "$JOB" "$WALL" "$SOURCE" "$(echo "$SOURCE / $JOB" | bc -l)" "$(echo "$SOURCE / $WALL" | bc -l)"

echo
echo "== EXPLAIN QUERY PLAN of the queries behind it (one period's bounds)"
LO="'2025-01-02 00:00:00'"
HI="'2025-01-03 00:00:00'"
plan() { echo "-- $2"; sqlite3 "$1" "EXPLAIN QUERY PLAN $3" | sed 's/^/   /'; }
plan "$WORK/analytics.db" "execution (trade_execution_log)" "SELECT symbol, signal_to_order_latency_ms, order_to_fill_latency_ms, total_latency_ms, slippage_pct, quantity, filled_quantity FROM trade_execution_log WHERE created_at >= $LO AND created_at < $HI"
plan "$WORK/trading.db" "trading (positions, once per run)" "SELECT symbol, closed_at, realized_pnl FROM positions WHERE status = 'CLOSED' AND closed_at >= '2025-01-01 00:00:00' AND closed_at < '2025-01-31 00:00:00'"
plan "$WORK/trading.db" "trading (portfolio_snapshots)" "SELECT timestamp, balance FROM portfolio_snapshots WHERE timestamp >= $LO AND timestamp < $HI ORDER BY timestamp"
plan "$WORK/analytics.db" "pattern (pattern_cache)" "SELECT symbol, pattern_type, confidence_score, actual_result, actual_pnl FROM pattern_cache WHERE detected_at >= $LO AND detected_at < $HI"
plan "$WORK/analytics.db" "ml (ml_model_results)" "SELECT symbol, model_name, model_version, prediction_type, is_correct, prediction_error FROM ml_model_results WHERE prediction_timestamp >= $LO AND prediction_timestamp < $HI AND validation_timestamp IS NOT NULL"
plan "$WORK/market_data.db" "market (candlesticks)" "SELECT symbol, interval, open_time, open_price, close_price, volume FROM candlesticks WHERE open_time >= $LO AND open_time < $HI ORDER BY symbol, interval, open_time"
plan "$WORK/analytics.db" "writer (replace a period's rows)" "DELETE FROM analytics_metrics WHERE timeframe = 'day' AND period_start = '2025-01-02 00:00:00.000000' AND metric_type IN ('trading', 'execution', 'pattern', 'ml', 'market')"

echo
echo "== reference: the same execution and trading aggregates in the sqlite3 shell, per day, per symbol and global"
REF="$WORK/reference.sql"
: > "$REF"
pct() { # $1 column, $2 percentile fraction: linear interpolation between closest ranks, from the ranked CTE r_$1
    echo "(SELECT g, n, lo + ($2 * (n - 1) - CAST($2 * (n - 1) AS INT)) * (ifnull(hi, lo) - lo) FROM (SELECT g, n,
        max(CASE WHEN i = CAST($2 * (n - 1) AS INT) THEN v END) AS lo, max(CASE WHEN i = CAST($2 * (n - 1) AS INT) + 1 THEN v END) AS hi
        FROM r_$1 GROUP BY g, n))"
}
for d in $(seq 0 $((DAYS - 1))); do
    lo=$(date -u -d "2025-01-01 + $d day" '+%Y-%m-%d 00:00:00')
    hi=$(date -u -d "2025-01-01 + $((d + 1)) day" '+%Y-%m-%d 00:00:00')
    {
        echo "WITH e AS (SELECT * FROM trade_execution_log WHERE created_at >= '$lo' AND created_at < '$hi'),"
        echo "  eg AS (SELECT symbol AS g, * FROM e UNION ALL SELECT '*' AS g, * FROM e),"
        for c in signal_to_order_latency_ms order_to_fill_latency_ms total_latency_ms; do
            echo "  r_$c AS (SELECT g, $c AS v, row_number() OVER (PARTITION BY g ORDER BY $c) - 1 AS i,"
            echo "           count(*) OVER (PARTITION BY g) AS n FROM eg WHERE $c IS NOT NULL),"
        done
        echo "  x AS (SELECT 1)"
        first=1
        for c in signal_to_order_latency_ms order_to_fill_latency_ms total_latency_ms; do
            for p in 0.5 0.95 0.99; do
                [ $first = 1 ] || echo "UNION ALL"
                first=0
                echo "SELECT '$c', $p, * FROM $(pct $c $p)"
            done
            echo "UNION ALL SELECT '$c', 'max', g, count(*), max(v) FROM r_$c GROUP BY g"
        done
        echo "UNION ALL SELECT 'slippage_pct_avg', NULL, g, count(slippage_pct), avg(slippage_pct) FROM eg GROUP BY g"
        echo "UNION ALL SELECT 'fill_rate', NULL, g, count(*), sum(ifnull(filled_quantity, 0)) / sum(quantity) FROM eg GROUP BY g;"
    } >> "$REF"
done
TREF="$WORK/reference-trading.sql"
echo "ATTACH '$WORK/trading.db' AS t;" > "$TREF"
for d in $(seq 0 $((DAYS - 1))); do
    lo=$(date -u -d "2025-01-01 + $d day" '+%Y-%m-%d 00:00:00')
    hi=$(date -u -d "2025-01-01 + $((d + 1)) day" '+%Y-%m-%d 00:00:00')
    echo "SELECT g, count(*), sum(realized_pnl), sum(realized_pnl > 0), sum(realized_pnl < 0),
          sum(CASE WHEN realized_pnl > 0 THEN realized_pnl END), sum(CASE WHEN realized_pnl < 0 THEN realized_pnl END)
          FROM (SELECT symbol AS g, realized_pnl FROM t.positions WHERE status = 'CLOSED' AND closed_at >= '$lo' AND closed_at < '$hi'
                UNION ALL SELECT '*', realized_pnl FROM t.positions WHERE status = 'CLOSED' AND closed_at >= '$lo' AND closed_at < '$hi')
          GROUP BY g;" >> "$TREF"
done
t0=$(now)
ROWS=$(sqlite3 "$WORK/analytics.db" < "$REF" | wc -l)
ROWS2=$(sqlite3 "$WORK/analytics.db" < "$TREF" | wc -l)
t1=$(now)
SHELL_S=$(elapsed "$t0" "$t1")
printf '   sqlite3 shell: %.2f s for %d + %d result rows (%.0f source rows/s)\n' "$SHELL_S" "$ROWS" "$ROWS2" \
    "$(echo "($EXECUTIONS + $POSITIONS) / $SHELL_S" | bc -l)"
printf '   ratio tradebatch job / sqlite3 shell: %.2f (job time), %.2f (process wall time)\n' \
    "$(echo "$JOB / $SHELL_S" | bc -l)" "$(echo "$WALL / $SHELL_S" | bc -l)"

echo
echo "== reference: the job's own SELECTs in the sqlite3 shell, per day, rows discarded (the read floor)"
FLOOR="$WORK/floor.sql"
echo "ATTACH '$WORK/trading.db' AS t; ATTACH '$WORK/market_data.db' AS m;" > "$FLOOR"
echo "SELECT count(*), sum(length(symbol)), sum(realized_pnl) FROM t.positions WHERE status = 'CLOSED' AND closed_at >= '2025-01-01 00:00:00' AND closed_at < '2025-01-31 00:00:00';" >> "$FLOOR"
for d in $(seq 0 $((DAYS - 1))); do
    lo=$(date -u -d "2025-01-01 + $d day" '+%Y-%m-%d 00:00:00')
    hi=$(date -u -d "2025-01-01 + $((d + 1)) day" '+%Y-%m-%d 00:00:00')
    cat >> "$FLOOR" <<SQL
SELECT count(*), sum(length(symbol)), sum(signal_to_order_latency_ms), sum(order_to_fill_latency_ms), sum(total_latency_ms), sum(slippage_pct), sum(quantity), sum(filled_quantity) FROM trade_execution_log WHERE created_at >= '$lo' AND created_at < '$hi';
SELECT count(*), sum(balance) FROM (SELECT timestamp, balance FROM t.portfolio_snapshots WHERE timestamp >= '$lo' AND timestamp < '$hi' ORDER BY timestamp);
SELECT count(*), sum(confidence_score), sum(actual_pnl) FROM pattern_cache WHERE detected_at >= '$lo' AND detected_at < '$hi';
SELECT count(*), sum(is_correct), sum(prediction_error) FROM ml_model_results WHERE prediction_timestamp >= '$lo' AND prediction_timestamp < '$hi' AND validation_timestamp IS NOT NULL;
SELECT count(*), sum(close_price), sum(volume) FROM (SELECT * FROM m.candlesticks WHERE open_time >= '$lo' AND open_time < '$hi' ORDER BY symbol, interval, open_time);
SQL
done
t0=$(now)
sqlite3 "$WORK/analytics.db" < "$FLOOR" > /dev/null
FLOOR_S=$(elapsed "$t0" "$(now)")
printf '   sqlite3 shell: %.2f s for the same %s source rows (%.0f rows/s); ratio job / read floor: %.2f\n' \
    "$FLOOR_S" "$SOURCE" "$(echo "$SOURCE / $FLOOR_S" | bc -l)" "$(echo "$JOB / $FLOOR_S" | bc -l)"

echo
echo "== idempotence: a second run replaces the rows"
before=$(sqlite3 "$WORK/analytics.db" "SELECT count(*) FROM analytics_metrics")
TB run analytics-metrics from=$FROM to=$TO period=day | head -1 | sed 's/^/   /'
after=$(sqlite3 "$WORK/analytics.db" "SELECT count(*) FROM analytics_metrics")
echo "   analytics_metrics rows: $before before, $after after"
