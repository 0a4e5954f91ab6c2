#!/usr/bin/env bash
# The whole benchmark in one command:   bench/run.sh            (options below)
#
#  1. starts the bench PostgreSQL (bench/db.sh) and generates the datasets that are missing
#     (bench_10k and bench_1m: bench/generate.sh);
#  2. builds the server (./mvnw package -DskipTests) when target/quarkus-app is missing or --build, and the load
#     driver (javac, by bench/driver.sh) when its sources changed;
#  3. for every run: per dataset (in the given order in odd runs, reversed in even runs), a fresh copy of the data, the server jar started in prod mode
#     against it (start-up time measured to /q/health/ready), the load driver's scenarios
#     (bench/driver.sh, sources in bench/driver/src; CPU per request of the server, of the PostgreSQL cluster, the postmaster
#     of bench/.pgdata/postmaster.pid and its children, and of the driver), the server stopped; then
#     the pgbench baseline (bench/pgbench/run.sh) with as many connections as the server's pool;
#  4. medians of the runs, the ratios and the issue's targets in bench/results/<timestamp>.md (raw
#     output in bench/results/<timestamp>.raw/, not committed).
#
# Options: --runs 3  --sizes "10k 1m"  --duration 20  --warmup 20  --prewarm 60  --concurrency 32  --pool 20
#          --subscribers 500  --scenarios-small "me,my-applications,courses,review-queue,review-queue-full"
#          --scenarios-big "me,my-applications,courses,review-queue,review-queue-full,submit,approve,sync,quota-fanout"
#          --pgbench-duration 20  --skip-pgbench  --build
# Environment: BENCH_SERVER_JAVA_OPTS (default "-Xmx1g -XX:+UseParallelGC", as the Deployment sets it), BENCH_HTTP_PORT (18080), BENCH_PG_PORT (55432).
#
# The server runs with the prod profile, configured only by environment variables as in production,
# except: tokens are verified with the driver's public key (QUARKUS_OIDC_PUBLIC_KEY, issuer
# subsidy-bench-issuer) and OIDC_AUTH_SERVER_URL, which the prod profile requires, is set but empty
# (with any URL there Quarkus tries OIDC discovery first and answers 500 while it fails); and
# Flyway does not run (QUARKUS_FLYWAY_MIGRATE_AT_START=false: the bench databases are migrated by
# bench/db.sh with psql, from the same V*.sql files).
set -euo pipefail
BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT_DIR="$(cd "$BENCH_DIR/.." && pwd)"
. "$BENCH_DIR/bench.env"
export BENCH_PG_PORT

runs=3; sizes="10k 1m"; duration=20; warmup=20; prewarm=60; concurrency=32; pool=20; subscribers=500
scen_small="me,my-applications,courses,review-queue,review-queue-full"
scen_big="me,my-applications,courses,review-queue,review-queue-full,submit,approve,sync,quota-fanout"
pgb_duration=20; skip_pgbench=0; build=0
while [ $# -gt 0 ]; do
    case "$1" in
        --runs) runs="$2"; shift 2 ;;
        --sizes) sizes="$2"; shift 2 ;;
        --duration) duration="$2"; shift 2 ;;
        --warmup) warmup="$2"; shift 2 ;;
        --prewarm) prewarm="$2"; shift 2 ;;
        --concurrency) concurrency="$2"; shift 2 ;;
        --pool) pool="$2"; shift 2 ;;
        --subscribers) subscribers="$2"; shift 2 ;;
        --scenarios-small) scen_small="$2"; shift 2 ;;
        --scenarios-big) scen_big="$2"; shift 2 ;;
        --pgbench-duration) pgb_duration="$2"; shift 2 ;;
        --skip-pgbench) skip_pgbench=1; shift ;;
        --build) build=1; shift ;;
        *) sed -n '2,27p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
    esac
done
JAVA_OPTS_SERVER="${BENCH_SERVER_JAVA_OPTS:--Xmx1g -XX:+UseParallelGC}"
PORT="$BENCH_HTTP_PORT"
stamp="$(date +%Y%m%d-%H%M%S)"
RAW="$BENCH_DIR/results/$stamp.raw"
REPORT="$BENCH_DIR/results/$stamp.md"
mkdir -p "$RAW"
RESULTS="$RAW/results.txt"
log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" | tee -a "$RAW/run.log" >&2; }
q() { psql -X -Atq -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$BENCH_PG_PORT" -U postgres -d "$1" -c "$2"; }
apps_of() { case "$1" in *k) echo $(( ${1%k} * 1000 )) ;; *m) echo $(( ${1%m} * 1000000 )) ;; *) echo "$1" ;; esac; }

# ── the machine ──
{
    echo "date:        $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "cpu:         $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) cores available"
    echo "memory:      $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)"
    echo "kernel:      $(uname -sr)"
    echo "java:        $(java -version 2>&1 | head -1)"
    echo "postgresql:  18.1 (io.zonky embedded binaries, bench/db.sh settings), pgbench $(pgbench --version | awk '{print $3}')"
    echo "load avg:    $(cut -d' ' -f1-3 /proc/loadavg) at start (the machine is shared: other builds and tests run beside)"
    echo "git:         $(git -C "$ROOT_DIR" rev-parse --short HEAD) $(git -C "$ROOT_DIR" rev-parse --abbrev-ref HEAD)"
} >"$RAW/machine.txt"
{
    echo "runs $runs; datasets $sizes; server pre-warmed ${prewarm} s on the read scenarios after start; each scenario ${warmup} s warm-up + ${duration} s measured, $concurrency virtual users (closed loop)"
    echo "server: java $JAVA_OPTS_SERVER -jar target/quarkus-app/quarkus-run.jar (prod profile), reactive pool $pool connections"
    echo "pgbench: $pool clients (= the server's pool), 2 threads, -M prepared, ${pgb_duration} s per script and run"
    echo "quota-fanout: $subscribers WebSocket subscribers (graphql-transport-ws)"
    echo "small-data scenarios: $scen_small"
    echo "big-data scenarios:   $scen_big"
    echo "the load driver, the server and PostgreSQL share the same $(nproc) cores"
    echo "CPU per request over each measured window: server JVM, PostgreSQL cluster (postmaster and its children), driver JVM; pgbench: PostgreSQL cluster and the pgbench client"
} >"$RAW/config.txt"
cat "$RAW/machine.txt" "$RAW/config.txt" >&2

# ── database and data ──
"$BENCH_DIR/db.sh" start
for size in $sizes; do
    "$BENCH_DIR/generate.sh" --apps "$(apps_of "$size")" --db "bench_$size" 2>&1 | grep -E '^\[generate\]' | tee -a "$RAW/run.log" >&2
done

# ── server build ──
JAR="$ROOT_DIR/target/quarkus-app/quarkus-run.jar"
if [ "$build" = 1 ] || [ ! -f "$JAR" ]; then
    log "building the server (./mvnw package -DskipTests)"
    (cd "$ROOT_DIR" && ./mvnw -q -DskipTests package) >"$RAW/build.log" 2>&1 || { tail -n 40 "$RAW/build.log" >&2; exit 1; }
fi

# ── load driver build (javac into bench/.cache/driver, only when a source changed) ──
(cd "$ROOT_DIR" && "$BENCH_DIR/driver.sh" build) 2>&1 | tee -a "$RAW/run.log" >&2

PUBKEY="$(cd "$ROOT_DIR" && "$BENCH_DIR/driver.sh" pubkey)"

export_input() {   # data the driver picks from, out of the bench schema of the dataset
    local db="$1" dir="$2"
    mkdir -p "$dir"
    csv() { psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$BENCH_PG_PORT" -U postgres -d "$db" -c "COPY ($1) TO STDOUT (FORMAT csv)"; }
    csv "SELECT key, value FROM bench.meta
         UNION ALL SELECT 'myapps_worker_from', '2001'
         -- workers 2001..4000 hold three applications (2024, 2025, open campaign) at every size from 10k up:
         -- the same people at every size, so that MyApplications compares like with like
         UNION ALL SELECT 'myapps_worker_to', least(4000, round(0.40 * value::int), 1000 + round(0.30 * value::int), 2000 + round(0.25 * value::int))::text
                   FROM bench.meta WHERE key = 'apps'" >"$dir/meta.csv"
    csv "SELECT n, subject, campaign_id, course_id FROM bench.submit_target ORDER BY n" >"$dir/submit_target.csv"
    csv "SELECT n, application_id, version, city_code FROM bench.approve_target ORDER BY n" >"$dir/approve_target.csv"
    csv "SELECT academy_code, n, application_id FROM bench.sync_target
         WHERE academy_code = (SELECT academy_code FROM bench.sync_target GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1) ORDER BY n" >"$dir/sync_target.csv"
    csv "SELECT CASE kind WHEN 'GRASSROOTS' THEN 'GRASSROOTS' WHEN 'TOWNSHIP' THEN 'TOWNSHIP' WHEN 'COUNTY' THEN 'COUNTY' ELSE 'CITY' END, code
         FROM org_unit WHERE kind IN ('GRASSROOTS', 'TOWNSHIP', 'COUNTY', 'CITY') ORDER BY code" >"$dir/review_units.csv"
    csv "SELECT DISTINCT track, target_level FROM course WHERE campaign_id = (SELECT value::bigint FROM bench.meta WHERE key = 'open_campaign_id') ORDER BY 1, 2" >"$dir/courses.csv"
}

SERVER_PID=""
stop_server() {
    if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill "$SERVER_PID"
        for _ in $(seq 1 100); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.2; done
        kill -0 "$SERVER_PID" 2>/dev/null && kill -9 "$SERVER_PID"
    fi
    SERVER_PID=""
}
trap stop_server EXIT

start_server() {   # $1 database, $2 label, $3 run
    local db="$1" label="$2" run="$3" t0 t1 started rss
    if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
        log "port $PORT is taken: set BENCH_HTTP_PORT"; exit 1
    fi
    t0=$(date +%s%N)
    (cd "$ROOT_DIR" && exec env \
        DB_REACTIVE_URL="postgresql://127.0.0.1:$BENCH_PG_PORT/$db" \
        DB_JDBC_URL="jdbc:postgresql://127.0.0.1:$BENCH_PG_PORT/$db" \
        DB_USERNAME=postgres DB_PASSWORD=postgres \
        OIDC_AUTH_SERVER_URL= \
        QUARKUS_OIDC_PUBLIC_KEY="$PUBKEY" \
        QUARKUS_OIDC_TOKEN_ISSUER="$BENCH_TOKEN_ISSUER" \
        QUARKUS_FLYWAY_MIGRATE_AT_START=false \
        QUARKUS_DATASOURCE_REACTIVE_MAX_SIZE="$pool" \
        QUARKUS_HTTP_PORT="$PORT" \
        PII_ENCRYPTION_KEY="$BENCH_PII_ENCRYPTION_KEY" PII_HASH_KEY="$BENCH_PII_HASH_KEY" \
        java $JAVA_OPTS_SERVER -jar "$JAR") >"$RAW/server-$label-r$run.log" 2>&1 &
    SERVER_PID=$!
    for _ in $(seq 1 1200); do
        if curl -fsS -o /dev/null "http://127.0.0.1:$PORT/q/health/ready" 2>/dev/null; then break; fi
        kill -0 "$SERVER_PID" 2>/dev/null || { tail -n 40 "$RAW/server-$label-r$run.log" >&2; log "the server did not start"; exit 1; }
        sleep 0.05
    done
    t1=$(date +%s%N)
    started=$(sed -nE 's/.* started in ([0-9.]+)s.*/\1/p' "$RAW/server-$label-r$run.log" | head -1)
    sleep 1
    rss=$(awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$SERVER_PID/status")
    echo "RESULT label=$label run=$run scenario=startup status=ok ready_ms=$(( (t1 - t0) / 1000000 )) started_in_s=${started:-NaN} rss_idle_mb=$rss" >>"$RESULTS"
    log "server up for $label in $(( (t1 - t0) / 1000000 )) ms (Quarkus: ${started:-?} s), RSS $rss MB, pid $SERVER_PID"
}

for size in $sizes; do
    export_input "bench_$size" "$RAW/input-$size"
done

largest="$(echo "$sizes" | awk '{print $NF}')"
for run in $(seq 1 "$runs"); do
    # odd runs take the datasets in the order given, even runs in reverse: a drift of the shared machine over
    # a run (other tenants, the page cache) then weighs on both sizes alike in the medians
    order="$sizes"
    [ $((run % 2)) = 0 ] && order="$(echo "$sizes" | awk '{for (i = NF; i > 0; i--) printf "%s%s", $i, (i > 1 ? " " : "")}')"
    for size in $order; do
        scen="$scen_small"
        [ "$size" = "$largest" ] && scen="$scen_big"
        log "run $run/$runs, $size: fresh copy of bench_$size"
        "$BENCH_DIR/db.sh" clone "bench_$size" bench_run 2>&1 | tee -a "$RAW/run.log" >&2
        start_server bench_run "$size" "$run"
        # the bench cluster's postmaster: the driver adds up its CPU and its children's (backends, walwriter, ...)
        DB_PID="$(head -1 "$BENCH_DIR/.pgdata/postmaster.pid")"
        (cd "$ROOT_DIR" && "$BENCH_DIR/driver.sh" run --url "http://127.0.0.1:$PORT" --input "$RAW/input-$size" \
            --scenarios "$scen" --duration "$duration" --warmup "$warmup" --prewarm "$prewarm" --concurrency "$concurrency" --subscribers "$subscribers" \
            --server-pid "$SERVER_PID" --db-pid "$DB_PID" --label "$size" --run "$run" --out "$RESULTS") 2>&1 | tee -a "$RAW/driver.log" >&2
        stop_server
        "$BENCH_DIR/db.sh" drop bench_run
    done
    if [ "$skip_pgbench" = 0 ]; then
        big="$(echo "$sizes" | awk '{print $NF}')"
        log "run $run/$runs: pgbench baseline on bench_$big, $pool clients"
        "$BENCH_DIR/pgbench/run.sh" --db "bench_$big" --clients "$pool" --duration "$pgb_duration" --repeat 1 --out "$RAW/pgbench-r$run" 2>&1 | tee -a "$RAW/run.log" >&2
        sed "s/run=1/run=$run/" "$RAW/pgbench-r$run/pgbench.results" >>"$RAW/pgbench.results"
    fi
done

echo "load avg:    $(cut -d' ' -f1-3 /proc/loadavg) at the end" >>"$RAW/machine.txt"
small="$(echo "$sizes" | awk '{print $1}')"; big="$(echo "$sizes" | awk '{print $NF}')"
(cd "$ROOT_DIR" && "$BENCH_DIR/driver.sh" report --results "$RESULTS" --pgbench "$RAW/pgbench.results" \
    --machine "$RAW/machine.txt" --config "$RAW/config.txt" --pool "$pool" --small "$small" --big "$big" \
    --title "$stamp" --out "$REPORT") >/dev/null
log "report: $REPORT"
cat "$REPORT"
