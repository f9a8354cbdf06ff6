#!/usr/bin/env bash
# Benchmark: the size the trading system was promised. Loads N generated candles with candle-import, then times the
# promised look-ups on that database (bench/lookups.sh, with the in-process timer bench/Lookups.java).
#
#   bench/scale.sh [N] [DIR]     N candles (default 100,000,000; e.g. 2000000 for a trial), DIR the working folder
#                                (default: a temporary one, removed at the end; a given DIR keeps its databases)
#
# Candles: 20 symbols x 6 intervals (1m 5m 15m 1h 4h 1d), from 2019-01-01 on, as many days as N needs (1,855
# candles per symbol-day; 100M is ~7.4 years). Generated one month at a time as Binance kline CSV files
# (SYMBOL-INTERVAL-YYYY-MM.csv: headerless, ms times, 12 columns; prices follow smooth waves per symbol, so series
# continue across months and intervals agree; wicks and volumes random), by awk (~300,000 rows/s per core).
# Load: one `bin/tradebatch run candle-import file=<month folder>` per month, i.e. every symbol and interval of
# that month in one job, as a monthly download would be loaded (one run per file would be 120 runs a month, most of
# their time the JVM's start); JAVA_OPTS=-Xmx256m; each run under /usr/bin/time -v (peak RSS). The month's files
# are deleted after its run, so the disk holds the database and one month of CSV (~130 MB).
# Printed per month: rows, generation s, load s (whole process), rows/s, database size (file + WAL), peak RSS;
# then the totals, and the look-ups (p50/p99 of 200 runs, plans) on top of the loaded database.
set -euo pipefail
REPO=$(cd "$(dirname "$0")/.." && pwd)
N=${1:-100000000}
if [ -n "${2:-}" ]; then
    mkdir -p "$2"; DIR=$(cd "$2" && pwd)
else
    DIR=$(mktemp -d); trap 'rm -rf "$DIR"' EXIT
fi
JAR=$REPO/target/tradebatch.jar
[ -f "$JAR" ] || (cd "$REPO" && ./mvnw -B -q package -DskipTests)
[ -x /usr/bin/time ] || { echo "needs GNU time for the peak RSS (apt-get install time)"; exit 2; }
command -v sqlite3 >/dev/null || { echo "needs the sqlite3 shell (apt-get install sqlite3)"; exit 2; }
export JAVA_OPTS=-Xmx256m

SYMBOLS=20; PER_DAY=$((SYMBOLS * (1440 + 288 + 96 + 24 + 6 + 1)))
DAYS=$(( (N + PER_DAY - 1) / PER_DAY ))
START=$(date -u -d 2019-01-01 +%s); END=$((START + DAYS * 86400))
cd "$DIR"
[ ! -e data/market_data.db ] || { echo "$DIR/data/market_data.db exists: give an empty folder"; exit 2; }
echo "scale: $N candles asked -> $((DAYS * PER_DAY)) (20 symbols x 6 intervals x $DAYS days, $(date -u -d @"$START" +%F) .. $(date -u -d @"$END" +%F)), into $DIR"
echo "host: $(nproc) cores, $(free -g | awk '/^Mem/ { print $2 }') GB RAM, load average $(cut -d' ' -f1-3 /proc/loadavg); java $(java -version 2>&1 | head -1 | cut -d'"' -f2)"
# creates the four stores (schema, indexes) and the launcher's class-data archive, so no month pays for them
"$REPO/bin/tradebatch" health >/dev/null

GEN=$(mktemp)
cat > "$GEN" <<'AWK'
BEGIN {
    srand(SEED)
    ns = split("BTCUSDT ETHUSDT SOLUSDT BNBUSDT XRPUSDT ADAUSDT DOGEUSDT AVAXUSDT DOTUSDT LINKUSDT LTCUSDT TRXUSDT MATICUSDT ATOMUSDT UNIUSDT ETCUSDT XLMUSDT NEARUSDT FILUSDT APTUSDT", sym, " ")
    split("30000 2000 60 300 0.5 0.4 0.08 20 6 10 80 0.08 0.9 9 6 20 0.12 3 5 8", base, " ")
    ni = split("1m 5m 15m 1h 4h 1d", ivn, " ")
    split("60 300 900 3600 14400 86400", ivs, " ")
    twopi = 6.283185307179586
    for (s = 1; s <= ns; s++) {
        lb[s] = log(base[s]); ph1[s] = s * 0.7; ph2[s] = s * 1.3; ph3[s] = s * 2.1
        dec = base[s] >= 100 ? 2 : base[s] >= 1 ? 4 : 6
        pf[s] = "%." dec "f"
    }
}
# price of symbol s at epoch second t: waves of ~400 days, 37 days, 31 hours and 78 minutes around its base
function price(s, t) {
    return exp(lb[s] + 0.45 * sin(twopi * t / 34560000 + ph1[s]) + 0.15 * sin(twopi * t / 3196800 + ph2[s]) \
               + 0.03 * sin(twopi * t / 112320 + ph3[s]) + 0.004 * sin(twopi * t / 4680 + s))
}
END {
    for (s = 1; s <= ns; s++) for (i = 1; i <= ni; i++) {
        iv = ivs[i]; f = DIR "/" sym[s] "-" ivn[i] "-" YM ".csv"
        fmt = pf[s] "," pf[s] "," pf[s] "," pf[s] ",%.4f,%.0f,%.4f,%d,%.4f,%.4f,0\n"
        p = price(s, FROM)
        for (t = FROM; t < TO; t += iv) {
            o = p; c = price(s, t + iv); p = c
            hi = (o > c ? o : c) * (1 + rand() * 0.002 * sqrt(iv / 60))
            lo = (o < c ? o : c) * (1 - rand() * 0.002 * sqrt(iv / 60))
            v = (iv / 60) * (5 + rand() * 20) * 100000 / base[s]; n = int((iv / 60) * (50 + rand() * 200))
            tb = v * (0.3 + rand() * 0.4)
            printf "%.0f," fmt, t * 1000, o, hi, lo, c, v, t * 1000 + iv * 1000 - 1, v * c, n, tb, tb * c > f
        }
        close(f)
    }
}
AWK

now() { date +%s.%N; }
# file + WAL (the WAL may be gone: checkpointed and removed at close)
dbsize() {
    local s=0 f
    for f in data/market_data.db data/market_data.db-wal; do [ ! -f "$f" ] || s=$((s + $(stat -c %s "$f"))); done
    echo "$s"
}
printf '\n%-8s %10s %11s %7s %7s %9s %9s %9s %8s\n' month rows total gen_s load_s rows/s db_GB db_B/row rss_MB
total=0; gen_total=0; load_total=0; peak=0; m=0; from=$START
while [ "$from" -lt "$END" ]; do
    ym=$(date -u -d @"$from" +%Y-%m)
    next=$(date -u -d "$(date -u -d @"$from" +%F) +1 month" +%s); to=$((next < END ? next : END))
    mkdir -p "csv/$ym"
    t0=$(now)
    awk -v SEED=$((m + 1)) -v DIR="csv/$ym" -v YM="$ym" -v FROM="$from" -v TO="$to" -f "$GEN" /dev/null
    t1=$(now)
    rows=$(cat csv/"$ym"/*.csv | wc -l)
    if ! /usr/bin/time -v -o "time-$ym.txt" "$REPO/bin/tradebatch" run candle-import "file=csv/$ym" > "import-$ym.log" 2>&1; then
        echo "candle-import of $ym failed:"; tail -20 "import-$ym.log"; exit 1
    fi
    t2=$(now)
    rm -rf "csv/$ym"
    rss=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "time-$ym.txt")
    gen=$(echo "$t1 - $t0" | bc); load=$(echo "$t2 - $t1" | bc)
    total=$((total + rows)); gen_total=$(echo "$gen_total + $gen" | bc); load_total=$(echo "$load_total + $load" | bc)
    [ "$rss" -le "$peak" ] || peak=$rss
    size=$(dbsize)
    printf '%-8s %10d %11d %7.1f %7.1f %9.0f %9.2f %9.0f %8.0f\n' "$ym" "$rows" "$total" "$gen" "$load" \
        "$(echo "$rows / $load" | bc -l)" "$(echo "$size / 1073741824" | bc -l)" "$(echo "$size / $total" | bc -l)" \
        "$(echo "$rss / 1024" | bc -l)"
    from=$to; m=$((m + 1))
done
rm -f "$GEN"

stored=$(sqlite3 data/market_data.db "SELECT sum(total_candles) FROM candlestick_metadata")
size=$(dbsize)
echo
echo "loaded: $total candles in $m runs of candle-import; candlestick_metadata counts $stored"
[ "$stored" -eq "$total" ] || { echo "stored count differs from the generated rows"; exit 1; }
printf 'load:   %.0f s (whole processes, %d JVM starts included), %.0f rows/s; generation (not in it) %.0f s\n' \
    "$load_total" "$m" "$(echo "$total / $load_total" | bc -l)" "$gen_total"
printf 'size:   market_data.db %.2f GB (%.0f bytes per candle: table + 5 indexes)\n' \
    "$(echo "$size / 1073741824" | bc -l)" "$(echo "$size / $total" | bc -l)"
printf 'memory: peak RSS of a candle-import run %.0f MB (JAVA_OPTS=%s)\n' "$(echo "$peak / 1024" | bc -l)" "$JAVA_OPTS"

# the 1,000 candles from the middle of ETHUSDT's 1m series: pages far from the last ones written
mid=$(sqlite3 data/market_data.db "SELECT strftime('%Y-%m-%d %H:%M:00', (julianday(earliest_timestamp) + julianday(latest_timestamp)) / 2) FROM candlestick_metadata WHERE symbol = 'ETHUSDT' AND interval = '1m'")
echo
echo "look-ups at $total candles (load average $(cut -d" " -f1-3 /proc/loadavg)):"
cd "$REPO"
LOOKUPS_DATA="$DIR/data" CANDLE_SYMBOL=ETHUSDT CANDLE_INTERVAL=1m CANDLE_FROM="$mid" bench/lookups.sh 0 200
