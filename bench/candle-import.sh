#!/usr/bin/env bash
# Benchmark: candle-import against the sqlite3 shell, same file, same schema and indexes, same run.
#
#   bench/candle-import.sh [N] [file]     N rows (default 2,000,000) of a generated Binance 1m kline file,
#                                         or an existing Binance file (then N is ignored)
#
# Two cases, each loaded by both sides:
#   empty   into a market database that holds no candle yet
#   loaded  into a market database that already holds BASE_ROWS (default 10,000,000) candles of five other
#           symbols over the same times (made once per run with sqlite3 in a file tradebatch created, so both sides
#           start from the same schema and Flyway history; each side gets its own copy). BASE_ROWS=0 skips it.
# BASE_FILE: where to keep the base between runs (reused when it exists; made by the same jar, or the timed run
# migrates it). REPEAT=n (default 1) runs each case n times, the two sides alternating; the medians are compared.
# JAR: the jar to run (default target/tradebatch.jar). TB_OPTS: extra JVM options for the tradebatch side.
#
# (%.0f, not %d, for the epoch numbers: mawk's %d stops at 2^31.)
# Prints each run, then per case the median seconds and rows/s of both and the ratio tradebatch / sqlite3 time
# (<= 1.0: tradebatch at least as fast), and the same for CPU seconds (user + system): on a machine shared with
# other work the wall times follow the load, the CPU seconds much less. The tradebatch figure is the whole process (JVM start, migrations, import,
# metadata, the checkpoint at close) started by bin/tradebatch, with -Xmx256m. The sqlite3 side gets the schema
# tradebatch creates: every db/market migration, in version order.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
N=${1:-2000000}
REPEAT=${REPEAT:-1}
BASE_ROWS=${BASE_ROWS:-10000000}
TB_OPTS=${TB_OPTS:-}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
JAR=${JAR:-target/tradebatch.jar}
[ -f "$JAR" ] || ./mvnw -B -q package -DskipTests
JAR=$(realpath "$JAR")
# the launcher's extracted copy and class-data archive live beside the jar (JAR= another copy: its own)
export TRADEBATCH_JAR=$JAR TRADEBATCH_CDS_DIR=${TRADEBATCH_CDS_DIR:-$(dirname "$JAR")/cds}
command -v sqlite3 >/dev/null || { echo "needs the sqlite3 shell (apt-get install sqlite3)"; exit 2; }

T0=$((1500000000000 - 1500000000000 % 3600000))
FILE=${2:-}
if [ -z "$FILE" ]; then
    FILE="$WORK/BTCUSDT-1m-bench.csv"
    echo "generating $N rows ..."
    awk -v n="$N" -v t="$T0" 'BEGIN { srand(42); p = 30000;
        for (i = 0; i < n; i++) { o = p; c = p + (rand() - 0.5) * 40 + (30000 - p) * 0.001; h = (o > c ? o : c) + rand() * 10;
            l = (o < c ? o : c) - rand() * 10; v = rand() * 50; p = c;
            printf "%.0f,%.2f,%.2f,%.2f,%.2f,%.5f,%.0f,%.4f,%d,%.5f,%.4f,0\n", t, o, h, l, c, v, t + 59999, v * c,
                int(rand() * 999) + 1, v / 2, v * c / 2; t += 60000 } }' > "$FILE"
fi
ROWS=$(wc -l < "$FILE")
SYMBOL=BTCUSDT
INTERVAL=1m
echo "file: $FILE ($ROWS rows, $(du -h "$FILE" | cut -f1))"

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

# The launcher records its class-data archive on a first run after a build: done here, outside the timing.
bin/tradebatch jobs >/dev/null

# The market schema tradebatch creates, for the sqlite3 side: its SQL migrations in version order, then what market
# V3 (a Java migration, db/market/V3__Drop_duplicate_candle_index.java) does in a file tradebatch creates: the
# duplicate of idx_unique_candle goes. Without it the shell kept one index more than tradebatch in the empty case.
SCHEMA="$(ls src/main/resources/db/market/V*__*.sql | sort -V | xargs cat)
DROP INDEX IF EXISTS idx_symbol_interval_time;"

# --- the 10M-candle base of the "loaded" case: a market_data.db made by tradebatch (schema + Flyway history), filled
# by sqlite3 with the indexes dropped and built again afterwards (same index SQL), checkpointed and closed
BASE_DB=
if [ "$BASE_ROWS" -gt 0 ] && [ -n "${BASE_FILE:-}" ] && [ -f "$BASE_FILE" ]; then
    BASE_DB=$BASE_FILE
    echo "base: $BASE_DB (kept from an earlier run: made by the same jar?)"
elif [ "$BASE_ROWS" -gt 0 ]; then
    echo "generating the base: $BASE_ROWS candles of 5 other symbols ..."
    mkdir -p "$WORK/base"
    (cd "$WORK/base" && "$ROOT/bin/tradebatch" run db-stats >/dev/null 2>&1) || true
    BASE_DB="$WORK/base/data/market_data.db"
    [ -f "$BASE_DB" ] || { echo "tradebatch did not create $BASE_DB"; exit 1; }
    per=$((BASE_ROWS / 5))
    idx=$(sqlite3 "$BASE_DB" "SELECT sql || ';' FROM sqlite_master WHERE type = 'index' AND tbl_name = 'candlesticks' AND sql IS NOT NULL")
    drop=$(sqlite3 "$BASE_DB" "SELECT 'DROP INDEX ' || name || ';' FROM sqlite_master WHERE type = 'index' AND tbl_name = 'candlesticks' AND sql IS NOT NULL")
    inserts=
    for s in ADAUSDT ETHUSDT SOLUSDT XRPUSDT DOGEUSDT; do
        inserts+="
WITH RECURSIVE k(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM k WHERE i < $per - 1)
INSERT INTO candlesticks (symbol, interval, open_time, close_time, open_price, high_price, low_price, close_price,
    volume, quote_asset_volume, number_of_trades, taker_buy_base_asset_volume, taker_buy_quote_asset_volume)
SELECT '$s', '1m', strftime('%Y-%m-%d %H:%M:%f', ($T0 + i * 60000) / 1000.0, 'unixepoch') || '000',
       strftime('%Y-%m-%d %H:%M:%f', ($T0 + i * 60000 + 59999) / 1000.0, 'unixepoch') || '000',
       100 + i % 97, 101 + i % 97, 99 + i % 97, 100.5 + i % 89, i % 50 + 0.5, (i % 50 + 0.5) * 100, i % 999 + 1,
       (i % 50 + 0.5) / 2, (i % 50 + 0.5) * 50
FROM k;"
    done
    # no journal while the base is made (it is thrown away if this fails), back to WAL afterwards
    sqlite3 "$BASE_DB" <<SQL >/dev/null
PRAGMA journal_mode=DELETE;
PRAGMA journal_mode=OFF;
PRAGMA synchronous=OFF;
PRAGMA cache_size=-262144;
BEGIN;
$drop
$inserts
$idx
COMMIT;
PRAGMA journal_mode=WAL;
SQL
    if [ -n "${BASE_FILE:-}" ]; then mv "$BASE_DB" "$BASE_FILE"; BASE_DB=$BASE_FILE; fi
    echo "base: $(sqlite3 "$BASE_DB" "SELECT count(*) FROM candlesticks") candles, $(du -h "$BASE_DB" | cut -f1)"
fi

# runs tradebatch on a fresh folder (with a copy of the base when given); prints seconds and rows stored
run_tb() { # folder base
    local dir=$1 base=$2 TIMEFORMAT='%R %U %S'
    rm -rf "$dir"; mkdir -p "$dir/data"
    [ -z "$base" ] || cp "$base" "$dir/data/market_data.db"
    sync
    { time (cd "$dir" && JAVA_OPTS="-Xmx256m $TB_OPTS" "$ROOT/bin/tradebatch" run candle-import \
        "file=$FILE" symbol=$SYMBOL interval=$INTERVAL 2>/dev/null > "$dir.out"); } 2> "$dir.time"
    grep -q COMPLETED "$dir.out" || { echo "tradebatch did not complete:" >&2; cat "$dir.out" >&2; exit 1; }
    echo "$(cat "$dir.time") $(sqlite3 "$dir/data/market_data.db" "SELECT count(*) FROM candlesticks WHERE symbol = '$SYMBOL'")"
}

# the sqlite3 shell: .import into a staging table, then one INSERT ... SELECT ... ON CONFLICT into the same schema
run_sh() { # folder base
    local dir=$1 base=$2 db TIMEFORMAT='%R %U %S'
    rm -rf "$dir"; mkdir -p "$dir"
    db="$dir/market_data.db"
    [ -z "$base" ] || cp "$base" "$db"
    sync
    { time sqlite3 "$db" <<SQL >/dev/null; } 2> "$dir.time"
PRAGMA journal_mode=WAL;
PRAGMA synchronous=NORMAL;
$( [ -n "$base" ] || echo "$SCHEMA" )
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
    echo "$(cat "$dir.time") $(sqlite3 "$db" "SELECT count(*) FROM candlesticks WHERE symbol = '$SYMBOL'")"
}

SUMMARY=
bench_case() { # name base
    local name=$1 base=$2 i r f tb=() sh=() tbc=() shc=() tbrows shrows tbm shm tbcm shcm
    for ((i = 1; i <= REPEAT; i++)); do
        r=$(run_tb "$WORK/tb" "$base"); read -ra f <<< "$r"
        tb+=("${f[0]}"); tbc+=("$(echo "${f[1]} + ${f[2]}" | bc)"); tbrows=${f[3]}
        echo "  $name run $i: tradebatch ${f[0]} s, cpu ${tbc[-1]} s ($tbrows rows)"
        r=$(run_sh "$WORK/sh" "$base"); read -ra f <<< "$r"
        sh+=("${f[0]}"); shc+=("$(echo "${f[1]} + ${f[2]}" | bc)"); shrows=${f[3]}
        echo "  $name run $i: sqlite3    ${f[0]} s, cpu ${shc[-1]} s ($shrows rows)"
    done
    rm -rf "$WORK/tb" "$WORK/sh"
    tbm=$(printf '%s\n' "${tb[@]}" | median); tbcm=$(printf '%s\n' "${tbc[@]}" | median)
    shm=$(printf '%s\n' "${sh[@]}" | median); shcm=$(printf '%s\n' "${shc[@]}" | median)
    SUMMARY+=$(printf '%-7s %-11s %10d %9.2f %12.0f %9.2f' "$name" tradebatch "$tbrows" "$tbm" "$(echo "$tbrows / $tbm" | bc -l)" "$tbcm")$'\n'
    SUMMARY+=$(printf '%-7s %-11s %10d %9.2f %12.0f %9.2f' "$name" sqlite3 "$shrows" "$shm" "$(echo "$shrows / $shm" | bc -l)" "$shcm")$'\n'
    SUMMARY+=$(printf '%-7s ratio tradebatch/sqlite3: time %.2f (goal <= 1.0, stretch 0.8), cpu %.2f' "$name" \
        "$(echo "$tbm / $shm" | bc -l)" "$(echo "$tbcm / $shcm" | bc -l)")$'\n'
}

echo "case empty: $ROWS rows into an empty market database"
bench_case empty ""
if [ -n "$BASE_DB" ]; then
    echo "case loaded: $ROWS rows into a market database holding $BASE_ROWS candles of other symbols"
    bench_case loaded "$BASE_DB"
fi

printf '\n%-7s %-11s %10s %9s %12s %9s   (medians of %d)\n' case loader rows seconds rows/s cpu-s "$REPEAT"
printf '%s' "$SUMMARY"
