#!/usr/bin/env bash
# Start time of a command, whole process (README.md, "Start time"): `bin/tradebatch help`, `jobs` and
# `run db-stats`, median of 10 runs each measured by hyperfine, beside the plain `java -jar target/tradebatch.jar`
# figure of the same command in the same run. Targets: help and jobs <= 1.0 s, run db-stats <= 2.0 s.
#
#   bench/start.sh [work-folder]        (needs hyperfine: apt-get install hyperfine; python3 reads its JSON)
#
# Builds nothing: takes target/tradebatch.jar as built (./mvnw -B -q package -DskipTests first). The launcher's
# extraction and class-data archive live in the work folder (TRADEBATCH_CDS_DIR), recorded before timing starts;
# db-stats runs on stores created and migrated by a warm-up run, so it measures a start on current stores.
# BENCH_RUNS changes the number of runs (default 10).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
JAR=$ROOT/target/tradebatch.jar
RUNS=${BENCH_RUNS:-10}
WORK=${1:-$(mktemp -d /tmp/tradebatch-start-XXXXXX)}
command -v hyperfine >/dev/null || { echo "bench/start.sh: hyperfine not found (apt-get install hyperfine)" >&2; exit 2; }
[ -f "$JAR" ] || { echo "bench/start.sh: $JAR not found; build it first: ./mvnw -B -q package -DskipTests" >&2; exit 2; }
mkdir -p "$WORK/launcher" "$WORK/plain"

unset TRADING_DATABASE_URL MARKET_DATABASE_URL ANALYTICS_DATABASE_URL BATCH_DATABASE_URL TRADEBATCH_LOG_FILE JAVA_OPTS \
    TRADEBATCH_CDS || true
export TRADEBATCH_JAR=$JAR TRADEBATCH_CDS_DIR=$WORK/cds

echo "== $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
echo "== first launch after the build: extraction and the archive's training run (not timed by hyperfine)"
start=$(date +%s.%N)
(cd "$WORK/launcher" && "$ROOT/bin/tradebatch" help >/dev/null)
printf '   %.1f s\n' "$(echo "$(date +%s.%N) - $start" | bc -l)"

median() { python3 -c 'import json,sys; print("%.3f" % json.load(open(sys.argv[1]))["results"][0]["median"])' "$1"; }
# CPU seconds (user + system, mean): what the process itself burns, less sensitive to a busy machine than wall time
cpu() { python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"][0]; print("%.2f" % (r["user"] + r["system"]))' "$1"; }

# bench NAME WORKDIR COMMAND...: hyperfine's median of RUNS runs (one warm-up run first, not counted)
bench() {
    local name=$1 dir=$2
    shift 2
    (cd "$dir" && hyperfine -N --style basic --warmup 1 --runs "$RUNS" --export-json "$WORK/$name.json" \
        --command-name "$name" "$*" >"$WORK/$name.txt" 2>&1) || { cat "$WORK/$name.txt" >&2; exit 1; }
    median "$WORK/$name.json"
}

printf '\n%-14s %12s %12s %8s %8s %4s   %s\n' command "bin/tradebatch" "java -jar" ratio target met \
    "CPU s (user+sys) launcher / java -jar"
for c in help jobs "run db-stats"; do
    key=${c// /-}
    # shellcheck disable=SC2086 # the command's words on purpose
    launcher=$(bench "launcher-$key" "$WORK/launcher" "$ROOT/bin/tradebatch" $c)
    # shellcheck disable=SC2086
    plain=$(bench "plain-$key" "$WORK/plain" java -jar "$JAR" $c)
    target=1.0
    [ "$c" = "run db-stats" ] && target=2.0
    met=no
    [ "$(echo "$launcher <= $target" | bc -l)" = 1 ] && met=yes
    printf '%-14s %10.2f s %10.2f s %8.2f %6.1f s %4s   %s / %s\n' "$c" "$launcher" "$plain" \
        "$(echo "$launcher / $plain" | bc -l)" "$target" "$met" "$(cpu "$WORK/launcher-$key.json")" "$(cpu "$WORK/plain-$key.json")"
done
echo
echo "(medians of $RUNS runs, whole process; load average now $(cut -d' ' -f1-3 /proc/loadavg); hyperfine's full output in $WORK)"
