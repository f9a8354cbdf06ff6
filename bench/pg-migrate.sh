#!/usr/bin/env bash
# Benchmark: pg-migrate versus the manual pipeline on the same legacy data.
#
#   bench/pg-migrate.sh [ROWS]        (default 1000000 market_data rows; BENCH_RUNS=3 runs of each, medians)
#   BENCH_MANUAL_CACHE_KIB=65536 gives the manual pipeline the page cache of tradebatch's bulk connection
#   BENCH_VARIANT="-Dsome.setting=value" also runs tradebatch with these JVM options, in the same
#   runs (after the manual pipeline), and prints its medians beside: how a setting is measured against the default
#   BENCH_VARIANT_JAR=/other/folder/tradebatch.jar (named so) runs the variant with that jar (its own class-data archive, in
#   a cds folder beside it): how a code change is measured against the build before it (BENCH_VARIANT may be empty)
#
# A PostgreSQL 15 cluster of its own (Debian's postgresql-15: pg_createcluster, port $BENCH_PG_PORT, default
# 55433) gets a legacy market_data table of ROWS candles (numeric(18,8), timestamptz, jsonb). Then the same rows go
# into an empty market_data.db twice:
#   1. tradebatch:  bin/tradebatch run pg-migrate tables=market_data   (the launcher, its CDS archive recorded by a
#                   warm-up `bin/tradebatch jobs` first, as after any build)
#                   (whole job: JVM start, plan, migration, verification; the migration alone is shown too: the
#                   table step, from batch.db's step times)
#   2. manual:      psql \copy (SELECT ...) TO csv  +  sqlite3 .import into a staging table
#                   +  INSERT INTO candlesticks SELECT ... ON CONFLICT DO UPDATE (close_time computed in SQL)
# BENCH_RUNS times each, alternating, each into a fresh database; prints every run, the medians, rows/s of both and
# the ratio of the medians (machines with neighbours vary by +-20% from run to run). Needs: java 17, psql, sqlite3, postgresql-15 server binaries, root
# (or a user allowed to run pg_createcluster). The cluster is dropped at the end.
set -euo pipefail
cd "$(dirname "$0")/.."

ROWS=${1:-1000000}
RUNS=${BENCH_RUNS:-3}
# the manual pipeline's page cache in KiB (default: the sqlite3 shell's own, 2 MB); 65536 gives it the 64 MB of
# tradebatch's bulk-load connection
MANUAL_CACHE_KIB=${BENCH_MANUAL_CACHE_KIB:-}
PORT=${BENCH_PG_PORT:-55433}
CLUSTER=${BENCH_PG_CLUSTER:-tradebatch_bench}
PGVER=15
PASSWORD=bench-$RANDOM$RANDOM
WORK=$(mktemp -d /tmp/pg-migrate-bench.XXXXXX)

cleanup() {
    if [ -n "${BENCH_KEEP:-}" ]; then echo "kept $WORK and cluster $CLUSTER (pg_dropcluster --stop $PGVER $CLUSTER)"; return 0; fi
    pg_ctlcluster "$PGVER" "$CLUSTER" stop >/dev/null 2>&1 || true
    pg_dropcluster "$PGVER" "$CLUSTER" >/dev/null 2>&1 || true
    rm -rf "$WORK"
}
trap cleanup EXIT

now() { date +%s.%N; }
# CPU seconds used so far by this script's finished children (tradebatch, psql, sqlite3) and by the cluster's finished
# backends (PostgreSQL's side of each connection): on a shared machine the steadier figure beside the wall time
cpu() {
    local pm
    pm=$(head -1 "/var/lib/postgresql/$PGVER/$CLUSTER/postmaster.pid")
    sleep 0.3   # a backend ends just after its client disconnects
    awk -v hz="$(getconf CLK_TCK)" -v self="$(awk '{ print $16 + $17 }' /proc/$$/stat)" \
        '{ printf "%.2f", (self + $14 + $15 + $16 + $17) / hz }' "/proc/$pm/stat"
}
rate() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.0f", n / s }'; }

echo "== PostgreSQL $PGVER cluster '$CLUSTER' on port $PORT"
pg_dropcluster --stop "$PGVER" "$CLUSTER" >/dev/null 2>&1 || true
pg_createcluster "$PGVER" "$CLUSTER" -p "$PORT" >/dev/null
cat > "/etc/postgresql/$PGVER/$CLUSTER/pg_hba.conf" <<HBA
local all postgres peer
host  all bench 127.0.0.1/32 scram-sha-256
HBA
pg_ctlcluster "$PGVER" "$CLUSTER" start
as_pg() { su postgres -c "psql -X -q -v ON_ERROR_STOP=1 -p $PORT $*"; }
as_pg "-c \"CREATE ROLE bench LOGIN PASSWORD '$PASSWORD'\" -c 'CREATE DATABASE bench OWNER bench'"

export PGPASSWORD=$PASSWORD
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PORT" -U bench -d bench)

echo "== legacy market_data: $ROWS rows"
t0=$(now)
"${PSQL[@]}" <<SQL
CREATE TABLE market_data (
    "timestamp" TIMESTAMPTZ NOT NULL, symbol VARCHAR(20) NOT NULL, timeframe VARCHAR(10) NOT NULL,
    open DECIMAL(18,8), high DECIMAL(18,8), low DECIMAL(18,8), close DECIMAL(18,8), volume DECIMAL(18,8),
    indicators JSONB, PRIMARY KEY ("timestamp", symbol, timeframe));
INSERT INTO market_data
SELECT TIMESTAMPTZ '2020-01-01 00:00:00+00' + (g / 10) * INTERVAL '1 minute', 'SYM' || (g % 10), '1m',
       100 + (g % 1000) * 0.01, 101 + (g % 1000) * 0.01, 99 + (g % 1000) * 0.01, 100.5 + (g % 1000) * 0.01,
       (g % 100000) * 0.00012345, '{"rsi": 50}'
  FROM generate_series(0, $ROWS - 1) g;
VACUUM ANALYZE market_data;
SQL
echo "   loaded in $(awk -v a="$t0" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }') s"

if [ ! -f target/tradebatch.jar ]; then
    echo "== building target/tradebatch.jar"
    ./mvnw -B -q package -DskipTests
fi

bin/tradebatch jobs >/dev/null   # warm-up: extracts the jar, records the class-data archive

VARIANT_JAR=${BENCH_VARIANT_JAR:+$(realpath "$BENCH_VARIANT_JAR")}
VARIANT_ON=${BENCH_VARIANT:-}${VARIANT_JAR}
if [ -n "$VARIANT_JAR" ]; then
    TRADEBATCH_JAR="$VARIANT_JAR" TRADEBATCH_CDS_DIR="$VARIANT_JAR.cds" bin/tradebatch jobs >/dev/null   # its warm-up
fi

run_tradebatch() {   # $1: run number, $2: extra JAVA_OPTS, $3: another jar; sets tb_s, step_s, verify_s, tb_rows, tb_cpu
    local d="$WORK/tb$1"
    mkdir -p "$d"
    local t0 t1
    local jar=${3:-$PWD/target/tradebatch.jar}
    local cds=${3:+$3.cds}
    local c0
    c0=$(cpu)
    t0=$(now)
    ( cd "$d" && LEGACY_DATABASE_URL="postgresql://bench@127.0.0.1:$PORT/bench" TRADEBATCH_LOG_FILE="$d/tradebatch.log" \
        TRADEBATCH_JAR="$jar" TRADEBATCH_CDS_DIR="${cds:-$OLDPWD/target/cds}" \
        JAVA_OPTS="${JAVA_OPTS:-} ${2:-}" "$OLDPWD/bin/tradebatch" run pg-migrate tables=market_data ) > "$d/out.txt" 2>"$d/err.txt" \
        || { cat "$d/out.txt" "$d/err.txt"; exit 1; }
    t1=$(now)
    tb_s=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')
    tb_cpu=$(awk -v a="$c0" -v b="$(cpu)" 'BEGIN { printf "%.2f", b - a }')
    # the migration: the table step (read PostgreSQL, convert, write SQLite)
    step_s=$(sqlite3 "$d/data/batch.db" "SELECT printf('%.3f', sum(END_TIME - START_TIME) / 1000.0)
        FROM BATCH_STEP_EXECUTION WHERE STEP_NAME = 'pg-migrate.market_data'")
    verify_s=$(sqlite3 "$d/data/batch.db" "SELECT printf('%.3f', (END_TIME - START_TIME) / 1000.0)
        FROM BATCH_STEP_EXECUTION WHERE STEP_NAME = 'pg-migrate.verify'")
    tb_rows=$(sqlite3 "$d/data/market_data.db" "SELECT count(*) FROM candlesticks")
}

run_manual() {   # $1: run number; sets manual_s, manual_rows, manual_cpu
    local d="$WORK/manual$1"
    mkdir -p "$d"
    # the schema tradebatch creates: every SQL migration of db/market in version order, then what the Java
    # migration market V3 does in a file tradebatch creates (drops the index that duplicates idx_unique_candle)
    { ls src/main/resources/db/market/V*__*.sql | sort -V | xargs cat; echo "DROP INDEX IF EXISTS idx_symbol_interval_time;"; } \
        | sqlite3 "$d/market_data.db"
    sqlite3 "$d/market_data.db" "PRAGMA journal_mode=WAL" >/dev/null
    local t0 t1 c0
    c0=$(cpu)
    t0=$(now)
    "${PSQL[@]}" -c "\\copy (SELECT to_char(\"timestamp\" AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US'), symbol, timeframe, open, high, low, close, volume FROM market_data) TO '$d/market_data.csv' CSV"
    sqlite3 "$d/market_data.db" <<SQL
${MANUAL_CACHE_KIB:+PRAGMA cache_size = -$MANUAL_CACHE_KIB;}
CREATE TEMP TABLE staging (open_time TEXT, symbol TEXT, timeframe TEXT, open REAL, high REAL, low REAL, close REAL, volume REAL);
.mode csv
.import $d/market_data.csv staging
BEGIN;
INSERT INTO candlesticks (symbol, interval, open_time, close_time, open_price, high_price, low_price, close_price, volume, created_at)
SELECT symbol, timeframe, open_time,
       strftime('%Y-%m-%d %H:%M:%f', open_time,
                '+' || CAST(substr(timeframe, 1, length(timeframe) - 1) AS INTEGER)
                    || CASE substr(timeframe, -1) WHEN 'm' THEN ' minutes' WHEN 'h' THEN ' hours' ELSE ' days' END,
                '-0.001 seconds') || '000',
       open, high, low, close, volume, strftime('%Y-%m-%d %H:%M:%f000', 'now')
  FROM staging WHERE true
ON CONFLICT (symbol, interval, open_time) DO UPDATE SET close_time = excluded.close_time,
    open_price = excluded.open_price, high_price = excluded.high_price, low_price = excluded.low_price,
    close_price = excluded.close_price, volume = excluded.volume;
COMMIT;
SQL
    t1=$(now)
    manual_s=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')
    manual_cpu=$(awk -v a="$c0" -v b="$(cpu)" 'BEGIN { printf "%.2f", b - a }')
    manual_rows=$(sqlite3 "$d/market_data.db" "SELECT count(*) FROM candlesticks")
    rm -f "$d/market_data.csv"
}

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "== $RUNS runs each: 1. tradebatch pg-migrate (bin/tradebatch), 2. manual psql \\copy + sqlite3 .import + INSERT ... SELECT"
printf "%4s  %12s %10s %10s %8s  %12s %8s" run "tb job s" "step s" "verify s" "cpu s" "manual s" "cpu s"
[ -n "$VARIANT_ON" ] && printf "  %14s %12s %12s %8s" "variant job s" "step s" "verify s" "cpu s"
echo
: > "$WORK/times"
for r in $(seq 1 "$RUNS"); do
    run_tradebatch "$r"
    a="$tb_s $step_s $verify_s"
    a_cpu=$tb_cpu
    run_manual "$r"
    if [ -n "$VARIANT_ON" ]; then
        run_tradebatch "variant$r" "${BENCH_VARIANT:-}" "$VARIANT_JAR"
        b="$tb_s $step_s $verify_s"
        b_cpu=$tb_cpu
        rm -rf "$WORK/tbvariant$r"
    else
        b="0 0 0"
        b_cpu=0
    fi
    # shellcheck disable=SC2086 # the figures are words on purpose
    printf "%4s  %12s %10s %10s %8s  %12s %8s" "$r" $a "$a_cpu" "$manual_s" "$manual_cpu"
    # shellcheck disable=SC2086
    [ -n "$VARIANT_ON" ] && printf "  %14s %12s %12s %8s" $b "$b_cpu"
    echo
    echo "$a $manual_s $b $a_cpu $manual_cpu $b_cpu" >> "$WORK/times"
    rm -rf "$WORK/manual$r"   # keep the disk use at one manual copy
    [ "$r" = "$RUNS" ] || rm -rf "$WORK/tb$r"
done
# the same rows as the manual pipeline gives (one more manual run, kept for the comparison; not timed)
run_manual check >/dev/null
same=$(sqlite3 "$WORK/manualcheck/market_data.db" "ATTACH '$WORK/tb$RUNS/data/market_data.db' AS tb;
    SELECT count(*) FROM candlesticks m JOIN tb.candlesticks t USING (symbol, interval, open_time)
     WHERE m.close_time = t.close_time AND m.open_price = t.open_price AND m.volume = t.volume")

tb_s=$(awk '{ print $1 }' "$WORK/times" | median)
step_s=$(awk '{ print $2 }' "$WORK/times" | median)
verify_s=$(awk '{ print $3 }' "$WORK/times" | median)
manual_s=$(awk '{ print $4 }' "$WORK/times" | median)
tb_cpu=$(awk '{ print $8 }' "$WORK/times" | median)
manual_cpu=$(awk '{ print $9 }' "$WORK/times" | median)
sed -n '1,2p' "$WORK/tb$RUNS/out.txt"


echo
echo "== results, medians of $RUNS runs ($ROWS market_data rows -> candlesticks; both produce $tb_rows / $manual_rows rows, $same identical)"
printf "tradebatch, whole job (JVM start, plan, migrate, verify): %8.2f s  %10s rows/s\n" "$tb_s" "$(rate "$ROWS" "$tb_s")"
printf "tradebatch, migration (table step):                       %8.2f s  %10s rows/s\n" "$step_s" "$(rate "$ROWS" "$step_s")"
printf "tradebatch, verification step:                            %8.2f s\n" "$verify_s"
printf "manual psql \\\\copy + sqlite3 .import + INSERT SELECT:        %8.2f s  %10s rows/s\n" "$manual_s" "$(rate "$ROWS" "$manual_s")"
awk -v a="$tb_s" -v m="$manual_s" -v s="$step_s" 'BEGIN {
    printf "ratio tradebatch/manual (rows/s, = manual time / tradebatch time; above 1: tradebatch faster): whole job %.2f, migration %.2f\n", m / a, m / s }'
echo "CPU seconds (the process and its PostgreSQL backends): tradebatch whole job $tb_cpu, manual $manual_cpu"
if [ -n "$VARIANT_ON" ]; then
    echo "variant: JAVA_OPTS ${BENCH_VARIANT:-}${VARIANT_JAR:+, jar $VARIANT_JAR}"
    nb_job=$(awk '{ print $5 }' "$WORK/times" | median)
    nb_step=$(awk '{ print $6 }' "$WORK/times" | median)
    nb_verify=$(awk '{ print $7 }' "$WORK/times" | median)
    printf "tradebatch variant, whole job:                            %8.2f s  %10s rows/s\n" "$nb_job" "$(rate "$ROWS" "$nb_job")"
    printf "tradebatch variant, migration (table step):               %8.2f s  %10s rows/s\n" "$nb_step" "$(rate "$ROWS" "$nb_step")"
    printf "tradebatch variant, verification step:                    %8.2f s\n" "$nb_verify"
    awk -v a="$nb_job" -v m="$manual_s" -v s="$nb_step" 'BEGIN {
        printf "ratio tradebatch variant/manual: whole job %.2f, migration %.2f\n", m / a, m / s }'
    echo "CPU seconds, variant whole job: $(awk '{ print $10 }' "$WORK/times" | median)"
fi
