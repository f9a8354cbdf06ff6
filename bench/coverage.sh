#!/usr/bin/env bash
# Benchmark of the console's coverage query (not a test, not part of ./mvnw verify).
#
# Builds with the sqlite3 shell a market database of the project's schema holding one 1-minute series of
# CANDLES candles (default 1,000,000) with a gap of one candle every 1,000, then times in the same run:
#   - the GAPS query of web/CoverageApi (read from the source, placeholders filled in): all gaps, and capped at 501
#   - reference: count(*) of the same series (the cheapest pass over the same index entries)
#   - reference: the LAG query parsing each open_time twice per row with strftime (the first version)
# and prints each time and the ratio to the count(*) pass.
#
# usage: bench/coverage.sh [work-dir]     (default: a new temporary folder, removed at the end)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
WORK=${1:-$(mktemp -d /tmp/tradebatch-bench-XXXXXX)}
KEEP=${1:+yes}
mkdir -p "$WORK"
cleanup() { [ -n "$KEEP" ] || rm -rf "$WORK"; }
trap cleanup EXIT
CANDLES=${CANDLES:-1000000}
DB="$WORK/market_data.db"
rm -f "$DB"

for f in "$ROOT"/src/main/resources/db/market/V*.sql; do sqlite3 "$DB" < "$f"; done
sqlite3 "$DB" "
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < $CANDLES + $CANDLES / 1000)
INSERT INTO candlesticks (symbol, interval, open_time, close_time, open_price, high_price, low_price, close_price, volume)
SELECT 'BTCUSDT', '1m', strftime('%Y-%m-%d %H:%M:%S', 1704067200 + i * 60, 'unixepoch') || '.000000',
       strftime('%Y-%m-%d %H:%M:%S', 1704067200 + i * 60 + 59, 'unixepoch') || '.999000', 1, 1, 1, 1, 1
FROM n WHERE i % 1000 != 500;
INSERT INTO candlesticks (symbol, interval, open_time, close_time, open_price, high_price, low_price, close_price, volume)
VALUES ('ETHUSDT', '1m', '2024-01-01 00:00:00.000000', '2024-01-01 00:00:59.999000', 1, 1, 1, 1, 1);
ANALYZE;"
echo "series BTCUSDT 1m: $(sqlite3 "$DB" "SELECT count(*) FROM candlesticks WHERE symbol = 'BTCUSDT'") candles"

# the query as the endpoint runs it: the GAPS text block of CoverageApi, placeholders in order
GAPS=$(sed -n '/String GAPS = """/,/"""/p' "$ROOT/src/main/java/com/tradebatch/web/CoverageApi.java" | sed '1d;$d')
fill() { # step symbol interval step limit
    local q="$GAPS"
    for v in "$@"; do q=${q/\?/$v}; done
    printf '%s' "$q"
}
ALL=$(fill 60 "'BTCUSDT'" "'1m'" 60 1000000000)
CAPPED=$(fill 60 "'BTCUSDT'" "'1m'" 60 501)
TWICE="SELECT prev_open, open_time FROM (SELECT open_time, LAG(open_time) OVER (ORDER BY open_time) AS prev_open
       FROM candlesticks WHERE symbol = 'BTCUSDT' AND interval = '1m')
       WHERE prev_open IS NOT NULL
         AND CAST(strftime('%s', open_time) AS INTEGER) - CAST(strftime('%s', prev_open) AS INTEGER) > 60"

seconds() { # the shell's own timer, best of 3 (CPU user+sys), one query
    local best=""
    for _ in 1 2 3; do
        local t
        t=$( { printf '.timer on\nSELECT count(*) FROM (%s);\n' "$1" | sqlite3 "$DB" ; } | awk '/Run Time/ {print $6 + $8}')
        if [ -z "$best" ] || awk "BEGIN {exit !($t < $best)}"; then best=$t; fi
    done
    echo "$best"
}
echo "EXPLAIN QUERY PLAN of the endpoint's query:"
printf 'EXPLAIN QUERY PLAN %s;\n' "$ALL" | sqlite3 "$DB"
REF=$(seconds "SELECT 1 FROM candlesticks WHERE symbol = 'BTCUSDT' AND interval = '1m'")
A=$(seconds "$ALL")
C=$(seconds "$CAPPED")
T=$(seconds "$TWICE")
printf '%-52s %8s s CPU  %6s x count(*)\n' "count(*) of the series (reference)" "$REF" "1.0"
printf '%-52s %8s s CPU  %6.1f x\n' "endpoint query, every gap ($((CANDLES / 1000)))" "$A" "$(awk "BEGIN {print $A / $REF}")"
printf '%-52s %8s s CPU  %6.1f x\n' "endpoint query, capped at 501 gaps (default)" "$C" "$(awk "BEGIN {print $C / $REF}")"
printf '%-52s %8s s CPU  %6.1f x\n' "strftime twice per row (first version, reference)" "$T" "$(awk "BEGIN {print $T / $REF}")"
