#!/usr/bin/env bash
# Benchmark of the result-file reader of pattern-import / ml-results-import (not a test, not part of ./mvnw verify).
#
# Writes one ml_model_results file of LINES lines (default 1,000,000) as JSON Lines and as CSV (with a quoted JSON
# value in each row), then reads each, in one JVM, to the same InputRecords with the hand-written ResultFileReader
# (per-line UTF-8 check, file+line of every rejected line, restart by line) and with Spring Batch's
# FlatFileItemReader doing the same parse (src/test/java/com/tradebatch/bench/ResultFileReaderBench.java).
# Prints each reader's best time, lines/s and the ratio FlatFileItemReader / ResultFileReader.
#
# usage: bench/readers.sh [work-dir]     (default: a new temporary folder, removed at the end); LINES=..., ROUNDS=...
set -euo pipefail
cd "$(dirname "$0")/.."
WORK=${1:-$(mktemp -d /tmp/tradebatch-readers-XXXXXX)}
KEEP=${1:+yes}
mkdir -p "$WORK"
cleanup() { [ -n "$KEEP" ] || rm -rf "$WORK"; }
trap cleanup EXIT

[ -f target/test-classes/com/tradebatch/bench/ResultFileReaderBench.class ] || ./mvnw -B -q -o test-compile
[ -s target/bench-classpath.txt ] || ./mvnw -B -q -o dependency:build-classpath \
    -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test

java -Xmx1g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
    com.tradebatch.bench.ResultFileReaderBench "$WORK" "${LINES:-1000000}" "${ROUNDS:-3}"
