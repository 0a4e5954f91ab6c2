#!/usr/bin/env bash
# Fills a bench database with province-scale data (bench/generate.sql), on a fresh copy of the schema.
#
#   bench/generate.sh --apps 1000000            -> database bench_1m
#   bench/generate.sh --apps 10000              -> database bench_10k
#   options: --db NAME  --workers 500000  --fresh 50000  --seed 1  --force (regenerate when it exists)
#
# Starts the bench PostgreSQL (bench/db.sh) if needed, recreates and migrates the database, loads the
# workers' personal data from bench/PiiGen.java (real AES-GCM cipher text, HMAC lookup hash) with
# COPY, then runs the set-based SQL. Runs at nice 10 (psql, java and the database backend doing the
# work). Prints the time of every step and the total.
set -euo pipefail
BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$BENCH_DIR/bench.env"
export BENCH_PG_PORT

apps=""; workers=500000; fresh=50000; seed=1; db=""; force=0
while [ $# -gt 0 ]; do
    case "$1" in
        --apps) apps="$2"; shift 2 ;;
        --workers) workers="$2"; shift 2 ;;
        --fresh) fresh="$2"; shift 2 ;;
        --seed) seed="$2"; shift 2 ;;
        --db) db="$2"; shift 2 ;;
        --force) force=1; shift ;;
        *) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
    esac
done
[ -n "$apps" ] || { echo "--apps is required" >&2; exit 2; }
if [ -z "$db" ]; then
    case "$apps" in
        *000000) db="bench_$((apps / 1000000))m" ;;
        *000) db="bench_$((apps / 1000))k" ;;
        *) db="bench_$apps" ;;
    esac
fi

DB="$BENCH_DIR/db.sh"
psql_db() { PGAPPNAME="${PGAPPNAME:-bench-generate}" psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$BENCH_PG_PORT" -U postgres -d "$db" "$@"; }

"$DB" start
if [ "$force" = 0 ] && [ "$(psql -X -Atq -h 127.0.0.1 -p "$BENCH_PG_PORT" -U postgres -d postgres \
        -c "SELECT 1 FROM pg_database WHERE datname = '$db'")" = 1 ] \
    && [ -n "$(psql_db -At -c "SELECT value FROM bench.meta WHERE key = 'apps'" 2>/dev/null || true)" ]; then
    echo "[generate] $db already holds generated data ($(psql_db -At -c "SELECT value FROM bench.meta WHERE key = 'apps'") applications); --force to regenerate"
    exit 0
fi

t0=$(date +%s.%N)
step() { printf '[generate] %-40s %6.1f s\n' "$1" "$(echo "$(date +%s.%N) - $2" | bc)"; }

ts=$(date +%s.%N)
"$DB" reset "$db"
step "reset and migrate $db" "$ts"

ts=$(date +%s.%N)
psql_db -c "CREATE SCHEMA bench_gen" -c "CREATE UNLOGGED TABLE bench_gen.pii (n int PRIMARY KEY, id_number_enc bytea NOT NULL,
    id_number_hash bytea NOT NULL, id_number_masked text NOT NULL, birth_date date NOT NULL, phone_enc bytea NOT NULL, phone_masked text NOT NULL)"
nice -n 10 java -XX:TieredStopAtLevel=1 "$BENCH_DIR/PiiGen.java" "$workers" "$BENCH_PII_ENCRYPTION_KEY" "$BENCH_PII_HASH_KEY" \
    | nice -n 10 psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$BENCH_PG_PORT" -U postgres -d "$db" \
        -c "COPY bench_gen.pii FROM STDIN WITH (FORMAT csv)"
step "personal data of $workers workers (COPY)" "$ts"

ts=$(date +%s.%N)
echo "[generate] $db: $apps applications, $workers workers ($fresh without application), seed $seed"
mkdir -p "$BENCH_DIR/results"
full_log="$BENCH_DIR/results/generate-$db.log"
# full psql output (every statement's time) in the log; here the time of each step and the summary
nice -n 10 env PGAPPNAME=bench-generate psql -X -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$BENCH_PG_PORT" -U postgres -d "$db" \
    -v apps="$apps" -v workers="$workers" -v fresh="$fresh" -v seed="$seed" -f "$BENCH_DIR/generate.sql" 2>&1 \
    | tee "$full_log" | awk '
        function flush() { if (step != "") printf "[generate]   %-38s %6.1f s\n", step, ms / 1000 }
        /^== summary/ { flush(); step = ""; summary = 1; next }
        /^== / { flush(); step = substr($0, 4); ms = 0; next }
        /^Time: / { ms += $2; next }
        summary && !/^Timing is off/ { print }
        /ERROR|error/ { print > "/dev/stderr" }' &
gen=$!
# lower the priority of the backend doing the work, too
for _ in 1 2 3 4 5 6 7 8 9 10; do
    sleep 0.3
    pid=$(psql -X -Atq -h 127.0.0.1 -p "$BENCH_PG_PORT" -U postgres -d postgres \
        -c "SELECT pid FROM pg_stat_activity WHERE application_name = 'bench-generate' AND datname = '$db' LIMIT 1" || true)
    if [ -n "$pid" ]; then renice -n 10 -p "$pid" >/dev/null 2>&1 || true; break; fi
done
wait "$gen"
grep -q '^== summary' "$full_log" || { echo "[generate] failed: see $full_log" >&2; exit 1; }
step "generate.sql" "$ts"
step "total" "$t0"
