#!/usr/bin/env bash
# Benchmark: the HTTP API's execution views with a job repository of 10,000 executions.
#
#   bench/api.sh [EXECUTIONS] [REQUESTS]     EXECUTIONS in batch.db (default 10,000), REQUESTS timed per URL (default 500)
#
# Two real runs (candle-import of the shipped sample: 3 steps, a reject-free report; db-stats: 1 step) give the
# template rows; the sqlite3 shell clones them into EXECUTIONS executions (instances, parameters, steps, job and
# step contexts, as Spring Batch wrote them; 1 in 20 FAILED, 1 in 50 STOPPED, spread over 60 days). Then `serve`
# starts on a free port with a token, and one keep-alive client (python3) times REQUESTS calls of each URL after a
# warm-up: p50, p99, max. References in the same run: GET /api/jobs (the catalog: HTTP, security and JSON, no
# database) and the list's own query in the sqlite3 shell. Target: p99 < 50 ms for both execution views.
# Also timed, fewer times: /api/schedules and /actuator/prometheus (a schedule whose parameters never ran, so
# the last-success search goes through the job's whole look-back window).
set -euo pipefail
cd "$(dirname "$0")/.."
EXECUTIONS=${1:-10000}
REQUESTS=${2:-500}
WORK=$(mktemp -d)
SERVE_PID=
cleanup() {
    if [ -n "$SERVE_PID" ]; then kill "$SERVE_PID" 2>/dev/null; wait "$SERVE_PID" 2>/dev/null || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT
JAR=$PWD/target/tradebatch.jar
[ -f "$JAR" ] || ./mvnw -B -q package -DskipTests
command -v sqlite3 >/dev/null || { echo "needs the sqlite3 shell (apt-get install sqlite3)"; exit 2; }
command -v python3 >/dev/null || { echo "needs python3"; exit 2; }
B="$WORK/data/batch.db"

echo "template runs (candle-import of the sample, db-stats) ..."
cp samples/ETHUSDT-1h-2025-01.csv "$WORK/"
(cd "$WORK" && java -jar "$JAR" run candle-import file=ETHUSDT-1h-2025-01.csv >/dev/null 2>&1)
(cd "$WORK" && java -jar "$JAR" run db-stats databases=trading >/dev/null 2>&1)

echo "cloning them into $EXECUTIONS executions ..."
# ids above the templates'; clone i copies template (i mod 2) with its own instance, run.id, times and status
sqlite3 "$B" "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;
BEGIN;
CREATE TEMP TABLE tpl AS SELECT ROW_NUMBER() OVER (ORDER BY JOB_EXECUTION_ID) - 1 AS k, JOB_EXECUTION_ID AS id
    FROM BATCH_JOB_EXECUTION;
CREATE TEMP TABLE n AS WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < $EXECUTIONS - 2)
    SELECT i, (SELECT id FROM tpl WHERE k = i % (SELECT COUNT(*) FROM tpl)) AS t,
           CAST(strftime('%s', 'now') AS INTEGER) * 1000 - ($EXECUTIONS - i) * 518400 AS at
    FROM c;
INSERT INTO BATCH_JOB_INSTANCE (JOB_INSTANCE_ID, VERSION, JOB_NAME, JOB_KEY)
    SELECT 100 + n.i, 0, ji.JOB_NAME, printf('%032x', n.i) FROM n
    JOIN BATCH_JOB_EXECUTION e ON e.JOB_EXECUTION_ID = n.t JOIN BATCH_JOB_INSTANCE ji ON ji.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID;
INSERT INTO BATCH_JOB_EXECUTION (JOB_EXECUTION_ID, VERSION, JOB_INSTANCE_ID, CREATE_TIME, START_TIME, END_TIME,
        STATUS, EXIT_CODE, EXIT_MESSAGE, LAST_UPDATED)
    SELECT 100 + n.i, e.VERSION, 100 + n.i, n.at, n.at + (e.START_TIME - e.CREATE_TIME), n.at + (e.END_TIME - e.CREATE_TIME),
           CASE WHEN n.i % 20 = 0 THEN 'FAILED' WHEN n.i % 50 = 0 THEN 'STOPPED' ELSE e.STATUS END,
           CASE WHEN n.i % 20 = 0 THEN 'FAILED' WHEN n.i % 50 = 0 THEN 'STOPPED' ELSE e.EXIT_CODE END,
           CASE WHEN n.i % 20 = 0 THEN 'java.lang.IllegalStateException: bench failure' ELSE e.EXIT_MESSAGE END,
           n.at + (e.LAST_UPDATED - e.CREATE_TIME)
    FROM n JOIN BATCH_JOB_EXECUTION e ON e.JOB_EXECUTION_ID = n.t;
INSERT INTO BATCH_JOB_EXECUTION_PARAMS (JOB_EXECUTION_ID, PARAMETER_NAME, PARAMETER_TYPE, PARAMETER_VALUE, IDENTIFYING)
    SELECT 100 + n.i, p.PARAMETER_NAME, p.PARAMETER_TYPE,
           CASE p.PARAMETER_NAME WHEN 'run.id' THEN CAST(1000000 + n.i AS TEXT) ELSE p.PARAMETER_VALUE END, p.IDENTIFYING
    FROM n JOIN BATCH_JOB_EXECUTION_PARAMS p ON p.JOB_EXECUTION_ID = n.t;
INSERT INTO BATCH_JOB_EXECUTION_CONTEXT (JOB_EXECUTION_ID, SHORT_CONTEXT, SERIALIZED_CONTEXT)
    SELECT 100 + n.i, c.SHORT_CONTEXT, c.SERIALIZED_CONTEXT FROM n JOIN BATCH_JOB_EXECUTION_CONTEXT c ON c.JOB_EXECUTION_ID = n.t;
-- step k of clone i gets id 1000 + 10 i + k
CREATE TEMP TABLE s AS SELECT STEP_EXECUTION_ID AS id, JOB_EXECUTION_ID AS t,
    ROW_NUMBER() OVER (PARTITION BY JOB_EXECUTION_ID ORDER BY STEP_EXECUTION_ID) AS k FROM BATCH_STEP_EXECUTION;
INSERT INTO BATCH_STEP_EXECUTION (STEP_EXECUTION_ID, VERSION, STEP_NAME, JOB_EXECUTION_ID, CREATE_TIME, START_TIME,
        END_TIME, STATUS, COMMIT_COUNT, READ_COUNT, FILTER_COUNT, WRITE_COUNT, READ_SKIP_COUNT, WRITE_SKIP_COUNT,
        PROCESS_SKIP_COUNT, ROLLBACK_COUNT, EXIT_CODE, EXIT_MESSAGE, LAST_UPDATED)
    SELECT 1000 + 10 * n.i + s.k, x.VERSION, x.STEP_NAME, 100 + n.i, n.at + (x.CREATE_TIME - e.CREATE_TIME),
           n.at + (x.START_TIME - e.CREATE_TIME), n.at + (x.END_TIME - e.CREATE_TIME), x.STATUS, x.COMMIT_COUNT,
           x.READ_COUNT, x.FILTER_COUNT, x.WRITE_COUNT, x.READ_SKIP_COUNT, x.WRITE_SKIP_COUNT, x.PROCESS_SKIP_COUNT,
           x.ROLLBACK_COUNT, x.EXIT_CODE, x.EXIT_MESSAGE, n.at + (x.LAST_UPDATED - e.CREATE_TIME)
    FROM n JOIN s ON s.t = n.t JOIN BATCH_STEP_EXECUTION x ON x.STEP_EXECUTION_ID = s.id
    JOIN BATCH_JOB_EXECUTION e ON e.JOB_EXECUTION_ID = n.t;
INSERT INTO BATCH_STEP_EXECUTION_CONTEXT (STEP_EXECUTION_ID, SHORT_CONTEXT, SERIALIZED_CONTEXT)
    SELECT 1000 + 10 * n.i + s.k, c.SHORT_CONTEXT, c.SERIALIZED_CONTEXT
    FROM n JOIN s ON s.t = n.t JOIN BATCH_STEP_EXECUTION_CONTEXT c ON c.STEP_EXECUTION_ID = s.id;
INSERT INTO BATCH_JOB_INSTANCE_SEQ (ID) SELECT MAX(JOB_INSTANCE_ID) FROM BATCH_JOB_INSTANCE;
INSERT INTO BATCH_JOB_EXECUTION_SEQ (ID) SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION;
INSERT INTO BATCH_STEP_EXECUTION_SEQ (ID) SELECT MAX(STEP_EXECUTION_ID) FROM BATCH_STEP_EXECUTION;
COMMIT;
PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
sqlite3 "$B" "SELECT printf('  %,d executions, %,d steps, %,d parameters, %,d step contexts; batch.db %,d KiB',
    (SELECT COUNT(*) FROM BATCH_JOB_EXECUTION), (SELECT COUNT(*) FROM BATCH_STEP_EXECUTION),
    (SELECT COUNT(*) FROM BATCH_JOB_EXECUTION_PARAMS), (SELECT COUNT(*) FROM BATCH_STEP_EXECUTION_CONTEXT),
    (SELECT page_count * page_size / 1024 FROM pragma_page_count, pragma_page_size))"

# a schedule whose parameters never ran: /api/schedules and the scrape search its job's whole look-back window
mkdir -p "$WORK/jobs"
printf 'job: db-stats\ncron: "0 0 3 1 1 ?"\nparams: {databases: market}\ncatch-up: false\n' > "$WORK/jobs/stats.yml"
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
TOKEN=$(python3 -c 'import secrets; print(secrets.token_hex(16))')
echo "starting serve on 127.0.0.1:$PORT ..."
(cd "$WORK" && exec env TRADEBATCH_HTTP_PORT="$PORT" TRADEBATCH_API_TOKEN="$TOKEN" java -jar "$JAR" serve \
    >"$WORK/serve.out" 2>"$WORK/serve.err") &
SERVE_PID=$!
for _ in $(seq 600); do
    grep -q '^serving ' "$WORK/serve.out" 2>/dev/null && break
    kill -0 "$SERVE_PID" 2>/dev/null || { cat "$WORK/serve.out" "$WORK/serve.err"; exit 1; }
    sleep 0.5
done
grep -q '^serving ' "$WORK/serve.out" || { echo "serve did not start"; exit 1; }

LAST=$(sqlite3 "$B" "SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION")
echo
echo "sqlite3 shell, the list's query (reference; ms per run, best of 20):"
QUERY=$(sed -n '/PAGE = """/,/""";/p' src/main/java/com/tradebatch/web/ExecutionsApi.java | sed '1d;$d')
python3 - "$B" "$QUERY" <<'EOF'
import sqlite3, sys, time
db = sqlite3.connect(sys.argv[1])
sql = sys.argv[2]
args = (None,) * (sql.count("?") - 1) + (51,)  # no filter, limit 50 + 1
best = None
for _ in range(20):
    t0 = time.perf_counter()
    db.execute(sql, args).fetchall()
    dt = time.perf_counter() - t0
    best = dt if best is None else min(best, dt)
print(f"  list query, limit 50: {best * 1000:.2f} ms")
for row in db.execute("EXPLAIN QUERY PLAN " + sql, args):
    print("    plan:", row[-1])
EOF

echo
echo "HTTP, one keep-alive client, $REQUESTS requests per URL after 50 warm-up ones (ms; cpu = serve's CPU time"
echo "per request, all its threads, GC and JIT included: what a loaded machine does not change):"
python3 - "$PORT" "$TOKEN" "$REQUESTS" "$LAST" "$SERVE_PID" <<'EOF'
import http.client, os, random, statistics, sys, time
port, token, n, last, pid = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
tick = os.sysconf("SC_CLK_TCK")

def cpu_ms():
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 / tick  # utime + stime
conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
headers = {"Authorization": "Bearer " + token}
random.seed(7)

def call(path):
    t0 = time.perf_counter()
    conn.request("GET", path, headers=headers)
    r = conn.getresponse()
    body = r.read()
    dt = (time.perf_counter() - t0) * 1000
    if r.status != 200:
        sys.exit(f"{path}: HTTP {r.status} {body[:300]!r}")
    return dt

def bench(label, paths, count):
    for p in paths[:50]:
        call(p)
    cpu0 = cpu_ms()
    times = sorted(call(paths[i % len(paths)]) for i in range(count))
    cpu = (cpu_ms() - cpu0) / count
    p = lambda q: times[min(len(times) - 1, int(round(q * (len(times) - 1))))]
    print(f"  {label:<44} p50 {p(0.50):7.2f}  p99 {p(0.99):7.2f}  max {times[-1]:7.2f}  mean {statistics.mean(times):7.2f}  cpu {cpu:6.2f}")
    return p(0.99)

ids = [random.randint(101, last) for _ in range(n)]
pages = ["/api/executions?limit=50"] + [f"/api/executions?limit=50&before={random.randint(200, last)}" for _ in range(n)]
ref = bench("GET /api/jobs (reference: no database)", ["/api/jobs"], n)
lst = bench("GET /api/executions?limit=50 (+ before=)", pages, n)
one = bench("GET /api/executions/{id} (random id)", [f"/api/executions/{i}" for i in ids], n)
bench("GET /api/schedules", ["/api/schedules"], max(n // 10, 20))
bench("GET /actuator/prometheus", ["/actuator/prometheus"], max(n // 10, 20))
verdict = lambda v: "ok" if v < 50 else "OVER"
print(f"target p99 < 50 ms: list {lst:.2f} ms {verdict(lst)}, detail {one:.2f} ms {verdict(one)}")
EOF
