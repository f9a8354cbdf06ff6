#!/usr/bin/env bash
# Benchmark: the look-ups the trading system was promised, on databases of the promised size.
#
#   bench/lookups.sh [CANDLES] [REPEAT]     CANDLES 1m candles (default 10,000,000), each query run REPEAT times
#                                            (default 200)
#   LOOKUPS_DATA=dir bench/lookups.sh 0 [REPEAT]
#                                           on the stores in dir (made by tradebatch) whose market_data.db already
#                                           holds its candles (bench/scale.sh loads them with candle-import);
#                                           CANDLE_SYMBOL / CANDLE_INTERVAL / CANDLE_FROM pick the candle query
#
# tradebatch creates the three databases (schema and indexes of the trading system); the sqlite3 shell fills
# them (10,000 open + 90,000 closed positions, CANDLES candles over 10 symbols, 1,000,000 patterns, 1,000,000
# trade-log rows). Each query is then timed twice, warm, REPEAT times:
# - in-process (bench/Lookups.java): sqlite-jdbc with tradebatch's connection settings (WAL, synchronous=NORMAL,
#   2 MB page cache), prepare + execute + fetch every column of every row, System.nanoTime: min, p50, p99, max
#   (on a loaded machine min is the figure least disturbed by other processes);
#   and the CPU time of the timing thread (p50), which is what a query costs when other processes hold the cores;
# - for reference, the sqlite3 shell's .timer (includes writing the rows out): mean real and user+sys time.
# Prints per query the promise, both figures, the rows returned, and the plan (EXPLAIN QUERY PLAN).
set -euo pipefail
cd "$(dirname "$0")/.."
CANDLES=${1:-10000000}
REPEAT=${2:-200}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
JAR=target/tradebatch.jar
[ -f "$JAR" ] || ./mvnw -B -q package -DskipTests
command -v sqlite3 >/dev/null || { echo "needs the sqlite3 shell (apt-get install sqlite3)"; exit 2; }
# the sqlite-jdbc driver tradebatch ships, for the in-process timer
unzip -q -o -j "$JAR" 'BOOT-INF/lib/sqlite-jdbc-*.jar' -d "$WORK/lib"
DRIVER=$(echo "$WORK"/lib/sqlite-jdbc-*.jar)

if [ -n "${LOOKUPS_DATA:-}" ]; then
    DATA=$(cd "$LOOKUPS_DATA" && pwd)
else
    (cd "$WORK" && java -jar "$OLDPWD/$JAR" health >/dev/null)
    DATA="$WORK/data"
fi
T="$DATA/trading.db"; M="$DATA/market_data.db"; A="$DATA/analytics.db"
S="'BTCUSDT','ETHUSDT','SOLUSDT','BNBUSDT','XRPUSDT','ADAUSDT','DOGEUSDT','AVAXUSDT','DOTUSDT','LINKUSDT'"
PRAGMAS="PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-2000;"

if [ "$CANDLES" -eq 0 ]; then what="the candles already in $M"; else what="$CANDLES candles"; fi
# a second run on the same LOOKUPS_DATA only times: the positions, patterns and trade log are there already
if [ "$(sqlite3 "$T" 'SELECT count(*) FROM positions')" != 0 ]; then
    echo "$T already filled: timing only"
else
    echo "filling: 100,000 positions, 1,000,000 patterns, 1,000,000 trade-log rows; $what ..."
    sqlite3 "$T" "$PRAGMAS
    WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 99999)
    INSERT INTO positions (id, symbol, side, quantity, entry_price, status, opened_at, closed_at, realized_pnl)
    SELECT printf('pos-%06d', i), json_extract(json_array($S), '\$[' || (i % 10) || ']'), CASE i % 2 WHEN 0 THEN 'BUY' ELSE 'SELL' END,
           1 + i % 7, 100 + i % 1000, CASE WHEN i < 10000 THEN 'OPEN' ELSE 'CLOSED' END,
           strftime('%Y-%m-%d %H:%M:%f000', '2025-01-01', '+' || (i * 60) || ' seconds'),
           CASE WHEN i < 10000 THEN NULL ELSE strftime('%Y-%m-%d %H:%M:%f000', '2025-01-01', '+' || (i * 60 + 3600) || ' seconds') END,
           CASE WHEN i < 10000 THEN NULL ELSE (i % 200) - 100 END
    FROM n;" >/dev/null
    PER_SYMBOL=$((CANDLES / 10))
    [ "$CANDLES" -eq 0 ] || sqlite3 "$M" "$PRAGMAS PRAGMA cache_size=-262144;
    WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < $PER_SYMBOL - 1),
         s(k, sym) AS (SELECT key, value FROM json_each(json_array($S)))
    INSERT INTO candlesticks (symbol, interval, open_time, close_time, open_price, high_price, low_price, close_price, volume)
    SELECT sym, '1m', strftime('%Y-%m-%d %H:%M:%f000', 1577836800 + i * 60, 'unixepoch'),
           strftime('%Y-%m-%d %H:%M:%f000', 1577836800 + i * 60 + 59.999, 'unixepoch'), 100, 101, 99, 100.5, 10
    FROM s, n ORDER BY sym, i;" >/dev/null
    sqlite3 "$A" "$PRAGMAS PRAGMA cache_size=-131072;
    WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 999999)
    INSERT INTO pattern_cache (symbol, interval, pattern_type, pattern_name, detected_at, pattern_start, confidence_score, status)
    SELECT json_extract(json_array($S), '\$[' || (i % 10) || ']'), '1h',
           json_extract(json_array('double_top','head_shoulders','flag','wedge','triangle'), '\$[' || ((i / 10) % 5) || ']'), 'p',
           strftime('%Y-%m-%d %H:%M:%f000', 1704067200 + i * 30, 'unixepoch'), strftime('%Y-%m-%d %H:%M:%f000', 1704067200 + i * 30 - 3600, 'unixepoch'),
           (i % 100) / 100.0, CASE WHEN i % 3 = 0 THEN 'active' ELSE 'completed' END
    FROM n;
    WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 999999)
    INSERT INTO trade_execution_log (trade_id, symbol, order_type, side, quantity, price, signal_timestamp, order_sent_timestamp,
           signal_to_order_latency_ms, order_to_fill_latency_ms, total_latency_ms, pattern_id, status, created_at)
    SELECT printf('t-%07d', i), json_extract(json_array($S), '\$[' || (i % 10) || ']'), 'MARKET', 'BUY', 1, 100,
           strftime('%Y-%m-%d %H:%M:%f000', 1704067200 + i * 2.6, 'unixepoch'), strftime('%Y-%m-%d %H:%M:%f000', 1704067200 + i * 2.6 + 0.01, 'unixepoch'),
           (i % 97) / 10.0, (i % 89) / 10.0, (i % 97) / 10.0 + (i % 89) / 10.0, i % 100000, 'FILLED',
           strftime('%Y-%m-%d %H:%M:%f000', 1704067200 + i * 2.6, 'unixepoch')
    FROM n;
    ANALYZE;" >/dev/null
    sqlite3 "$T" "ANALYZE;" >/dev/null
    # statistics for the planner, as `tradebatch run optimize` leaves them; sampled (analysis_limit) on a large file,
    # where a full ANALYZE would read every index of ~100M rows
    if [ "$CANDLES" -eq 0 ]; then
        sqlite3 "$M" "PRAGMA analysis_limit=1000; ANALYZE;" >/dev/null
    else
        sqlite3 "$M" "ANALYZE;" >/dev/null
    fi
fi
# the candle query starts in the middle of the series (the shell-made one: 1m candles from 2020-01-01 on)
CANDLE_SYMBOL=${CANDLE_SYMBOL:-ETHUSDT}; CANDLE_INTERVAL=${CANDLE_INTERVAL:-1m}
CANDLE_FROM=${CANDLE_FROM:-$(date -u -d @$((1577836800 + CANDLES / 10 / 2 * 60)) '+%Y-%m-%d %H:%M:%S')}

# query name | promise ms | database | SQL (one statement). The aggregate beside "open positions" reads the same
# 1,000 rows through the same index but hands over one row: SQLite's part of the look-up, without the transfer;
# the 100 / 10 newest show how the figure scales with the rows handed over (what "< 1 ms" can mean is open).
queries=(
"position look-up by id|1|$T|SELECT * FROM positions WHERE id = 'pos-004242';"
"open positions of a symbol|1|$T|SELECT * FROM positions WHERE symbol = 'SOLUSDT' AND status = 'OPEN';"
"  same rows, aggregated (SQLite only)|1|$T|SELECT max(opened_at), sum(quantity * entry_price) FROM positions WHERE symbol = 'SOLUSDT' AND status = 'OPEN';"
"  the 100 newest of them|1|$T|SELECT * FROM positions WHERE symbol = 'SOLUSDT' AND status = 'OPEN' ORDER BY opened_at DESC LIMIT 100;"
"  the 10 newest of them|1|$T|SELECT * FROM positions WHERE symbol = 'SOLUSDT' AND status = 'OPEN' ORDER BY opened_at DESC LIMIT 10;"
"1,000 candles of a symbol from a time|10|$M|SELECT * FROM candlesticks WHERE symbol = '$CANDLE_SYMBOL' AND interval = '$CANDLE_INTERVAL' AND open_time >= '$CANDLE_FROM' ORDER BY open_time LIMIT 1000;"
"pattern-cache hit|5|$A|SELECT * FROM pattern_cache WHERE symbol = 'BTCUSDT' AND pattern_type = 'flag' AND detected_at >= '2024-06-01 00:00:00' ORDER BY detected_at LIMIT 20;"
"trade-log latency analysis (a day of a symbol)|20|$A|SELECT count(*), avg(total_latency_ms), max(total_latency_ms), avg(signal_to_order_latency_ms), avg(order_to_fill_latency_ms) FROM trade_execution_log WHERE symbol = 'BTCUSDT' AND created_at >= '2024-01-10 00:00:00' AND created_at < '2024-01-11 00:00:00';"
)

echo "timing: $REPEAT warm runs per query, in-process (sqlite-jdbc, tradebatch's settings) and in the sqlite3 shell ..."
mapfile -t jdbc < <(java -cp "$DRIVER" bench/Lookups.java "$REPEAT" "${queries[@]}")
[ "${#jdbc[@]}" -eq "${#queries[@]}" ] || { echo "bench/Lookups.java failed" >&2; exit 1; }

echo
echo "elapsed ms (min p50 p99 max) and CPU ms (p50) in-process; the sqlite3 shell's .timer mean for reference (real; user+sys)"
printf '%-48s %8s %8s %8s %8s %8s %8s %11s %11s %6s\n' "query" "promise" "min" "p50" "p99" "max" "cpu p50" "shell real" "shell cpu" "rows"
plans=()
for i in "${!queries[@]}"; do
    IFS='|' read -r name promise db sql <<< "${queries[$i]}"
    IFS=$'\t' read -r _ _ rows min p50 p99 _ max cpu <<< "${jdbc[$i]}"
    script="$PRAGMAS"$'\n'".timer on"$'\n'
    for _ in $(seq "$REPEAT"); do script+="$sql"$'\n'; done
    read -r shell shellcpu < <(sqlite3 "$db" <<< "$script" |
        awk '/^Run Time/ { r += $4 * 1000; c += ($6 + $8) * 1000; n++ } END { printf "%.3f %.3f\n", r / n, c / n }')
    printf '%-48s %6s ms %8s %8s %8s %8s %8s %11s %11s %6s\n' "$name" "<$promise" "$min" "$p50" "$p99" "$max" "$cpu" "$shell" "$shellcpu" "$rows"
    plans+=("$name: $sql"$'\n'"$(sqlite3 "$db" "EXPLAIN QUERY PLAN $sql" | grep -v '^QUERY PLAN' | sed 's/^[|` -]*/    plan: /')")
done
printf '\n%s\n' "${plans[@]}"
