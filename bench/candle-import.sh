#!/usr/bin/env bash
# Benchmark: candle-import against the sqlite3 shell, same file, same schema and indexes, same run.
#
#   bench/candle-import.sh [N] [file]     N rows (default 2,000,000) of a generated Binance 1m kline file,
#                                         or an existing Binance file (then N is ignored)
#
# (%.0f, not %d, for the epoch numbers: mawk's %d stops at 2^31.)
# Prints rows/s of both and the ratio tradebatch time / sqlite3 time (<= 1.0: tradebatch at least as fast).
# The tradebatch figure is the whole process (JVM start, migrations, import, metadata) started by bin/tradebatch,
# with -Xmx256m.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-2000000}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
JAR=target/tradebatch.jar
[ -f "$JAR" ] || ./mvnw -B -q package -DskipTests
command -v sqlite3 >/dev/null || { echo "needs the sqlite3 shell (apt-get install sqlite3)"; exit 2; }

FILE=${2:-}
if [ -z "$FILE" ]; then
    FILE="$WORK/BTCUSDT-1m-bench.csv"
    echo "generating $N rows ..."
    awk -v n="$N" 'BEGIN { srand(42); t = 1500000000000 - 1500000000000 % 3600000; p = 30000;
        for (i = 0; i < n; i++) { o = p; c = p + (rand() - 0.5) * 40 + (30000 - p) * 0.001; h = (o > c ? o : c) + rand() * 10;
            l = (o < c ? o : c) - rand() * 10; v = rand() * 50; p = c;
            printf "%.0f,%.2f,%.2f,%.2f,%.2f,%.5f,%.0f,%.4f,%d,%.5f,%.4f,0\n", t, o, h, l, c, v, t + 59999, v * c,
                int(rand() * 999) + 1, v / 2, v * c / 2; t += 60000 } }' > "$FILE"
fi
ROWS=$(wc -l < "$FILE")
SYMBOL=BTCUSDT
INTERVAL=1m
echo "file: $FILE ($ROWS rows, $(du -h "$FILE" | cut -f1))"

now() { date +%s.%N; }

# --- tradebatch, through the launcher (bin/tradebatch: the extracted jar with its class-data archive, recorded by
# a warm-up command first, as after any build); -Xmx256m shows the import streams
bin/tradebatch jobs >/dev/null
mkdir -p "$WORK/tb"
t0=$(now)
(cd "$WORK/tb" && TRADEBATCH_JAR="$OLDPWD/$JAR" JAVA_OPTS=-Xmx256m "$OLDPWD/bin/tradebatch" run candle-import "file=$FILE" \
    symbol=$SYMBOL interval=$INTERVAL 2>/dev/null) > "$WORK/tb.out"
t1=$(now)
TB=$(echo "$t1 - $t0" | bc)
TB_ROWS=$(sqlite3 "$WORK/tb/data/market_data.db" "SELECT count(*) FROM candlesticks")

# --- sqlite3 shell: .import into a staging table, then one INSERT ... SELECT ... ON CONFLICT into the same schema
t0=$(now)
sqlite3 "$WORK/shell.db" <<SQL >/dev/null
PRAGMA journal_mode=WAL;
PRAGMA synchronous=NORMAL;
$(cat src/main/resources/db/market/V1__market_schema.sql)
CREATE TABLE staging (open_time INTEGER, open REAL, high REAL, low REAL, close REAL, volume REAL, close_time INTEGER,
    quote_volume REAL, count INTEGER, taker_buy_volume REAL, taker_buy_quote_volume REAL, ignore INTEGER);
.mode csv
.import '$FILE' staging
INSERT INTO candlesticks (symbol, interval, open_time, close_time, open_price, high_price, low_price, close_price,
    volume, quote_asset_volume, number_of_trades, taker_buy_base_asset_volume, taker_buy_quote_asset_volume)
SELECT '$SYMBOL', '$INTERVAL', strftime('%Y-%m-%d %H:%M:%f', open_time / 1000.0, 'unixepoch') || '000',
       strftime('%Y-%m-%d %H:%M:%f', close_time / 1000.0, 'unixepoch') || '000',
       open, high, low, close, volume, quote_volume, count, taker_buy_volume, taker_buy_quote_volume
FROM staging WHERE true
ON CONFLICT (symbol, interval, open_time) DO UPDATE SET close_price = excluded.close_price;
DROP TABLE staging;
SQL
t1=$(now)
SH=$(echo "$t1 - $t0" | bc)
SH_ROWS=$(sqlite3 "$WORK/shell.db" "SELECT count(*) FROM candlesticks")

printf '\n%-12s %10s %9s %12s\n' "loader" "rows" "seconds" "rows/s"
printf '%-12s %10d %9.2f %12.0f\n' tradebatch "$TB_ROWS" "$TB" "$(echo "$TB_ROWS / $TB" | bc -l)"
printf '%-12s %10d %9.2f %12.0f\n' "sqlite3" "$SH_ROWS" "$SH" "$(echo "$SH_ROWS / $SH" | bc -l)"
printf 'ratio tradebatch/sqlite3 time: %.2f (goal <= 1.0, stretch 0.8)\n' "$(echo "$TB / $SH" | bc -l)"
grep -E "COMPLETED|FAILED" "$WORK/tb.out" || cat "$WORK/tb.out"
