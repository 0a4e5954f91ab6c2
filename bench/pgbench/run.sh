#!/usr/bin/env bash
# The pgbench baseline: the SQL of the submit and approve transactions (submit.sql, approve.sql)
# on a fresh copy of a generated database, with a given number of connections, for a fixed time.
# Prints TPS, latency (average, p50, p99 from pgbench's per-transaction log) and CPU per transaction
# of the PostgreSQL cluster and of the pgbench client.
#
#   bench/pgbench/run.sh [--db bench_1m] [--clients "8 20 32"] [--duration 15] [--repeat 1]
#                        [--scripts "submit approve"] [--out DIR]
#
# pgbench's connections get the session settings of the server's pool (application.properties):
# statement_timeout 10s and idle_in_transaction_session_timeout 30s; -M prepared keeps each statement
# prepared on its connection, as the server's pool does.
# Each script runs on its own copy of --db (bench/db.sh clone DB bench_pgb): the transactions change
# data. Runs of one script share that copy and take disjoint slices of the targets
# (bench.submit_target / bench.approve_target); a new copy is made when fewer targets remain than
# the previous run used. Lines starting with RESULT are for bench/run.sh.
# CPU: db_cpu_ms_per_txn is the CPU time of the bench cluster (the postmaster of
# bench/.pgdata/postmaster.pid and its children, from /proc) over the pgbench run, divided by the
# transactions; client_cpu_ms_per_txn is pgbench's own CPU (user + system, every thread), from the
# shell's `times` before and after it. Both at /proc's 10 ms resolution.
# pgbench: the one of the Debian packages (postgresql-15 / postgresql-client) at /usr/bin/pgbench;
# the embedded PostgreSQL binaries carry only initdb, pg_ctl and postgres.
set -euo pipefail
PGB_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BENCH_DIR="$(cd "$PGB_DIR/.." && pwd)"
. "$BENCH_DIR/bench.env"
export BENCH_PG_PORT

db=bench_1m; clients="8 20 32"; duration=15; repeat=1; scripts="submit approve"; out=""
while [ $# -gt 0 ]; do
    case "$1" in
        --db) db="$2"; shift 2 ;;
        --clients) clients="$2"; shift 2 ;;
        --duration) duration="$2"; shift 2 ;;
        --repeat) repeat="$2"; shift 2 ;;
        --scripts) scripts="$2"; shift 2 ;;
        --out) out="$2"; shift 2 ;;
        *) sed -n '2,23p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
    esac
done
PGBENCH="${PGBENCH:-$(command -v pgbench || true)}"
[ -n "$PGBENCH" ] || { echo "pgbench not found: apt-get install postgresql-client (Debian 12: pgbench comes with postgresql-15 or postgresql-contrib)" >&2; exit 1; }
[ -n "$out" ] || out="$BENCH_DIR/results/pgbench-$(date +%Y%m%d-%H%M%S).raw"
mkdir -p "$out"
work=bench_pgb

q() { psql -X -Atq -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$BENCH_PG_PORT" -U postgres -d "$1" -c "$2"; }

stat_ticks() {   # $1 pid -> T=(ppid utime stime cutime cstime) in ticks of 10 ms; fails when the process is gone
    local line f
    { read -r line <"/proc/$1/stat"; } 2>/dev/null || return 1
    read -r -a f <<<"${line##*\) }"   # after "pid (comm) ": state ppid ... utime(12) stime(13) cutime(14) cstime(15)
    T=("${f[1]}" "${f[11]}" "${f[12]}" "${f[13]}" "${f[14]}")
}
# CPU ms of the bench cluster: the postmaster's utime + stime + cutime + cstime (the kernel adds the
# whole CPU time of every child the postmaster reaped, e.g. pgbench's backends once they exited, to
# its cutime/cstime) plus the same of every live child, listed afresh from /proc. The scan is
# repeated when a child was reaped during it (it would be counted twice or not at all). No forks.
cluster_cpu_ms() {
    local pm="$1" attempt kids pid c0 c1
    for attempt in 1 2 3 4 5; do
        stat_ticks "$pm" || { echo -1; return; }
        c0=$((T[3] + T[4]))
        kids=0
        for pid in /proc/[0-9]*; do
            pid="${pid#/proc/}"
            [ "$pid" = "$pm" ] && continue
            stat_ticks "$pid" || continue
            [ "${T[0]}" = "$pm" ] && kids=$((kids + T[1] + T[2] + T[3] + T[4]))
        done
        stat_ticks "$pm" || { echo -1; return; }
        c1=$((T[3] + T[4]))
        if [ "$c0" = "$c1" ] || [ "$attempt" = 5 ]; then
            echo $(((T[1] + T[2] + c1 + kids) * 10))
            return
        fi
    done
}
times_ms() {   # $1: a file with the output of bash's `times`; its second line: the finished children's user and system time
    awk 'NR == 2 { ms = 0; for (i = 1; i <= 2; i++) { split($i, p, /[ms]/); ms += (p[1] * 60 + p[2]) * 1000 } printf "%.0f", ms }' "$1"
}

"$BENCH_DIR/db.sh" start >/dev/null 2>&1 || "$BENCH_DIR/db.sh" start
db_pid="$(head -1 "$BENCH_DIR/.pgdata/postmaster.pid")"
echo "[pgbench] $("$PGBENCH" --version), server $(q postgres 'SHOW server_version'), database $db, ${duration} s per run, results in $out"
printf '%-8s %7s %6s %10s %9s %9s %9s %8s %11s %11s\n' script clients run tps avg_ms p50_ms p99_ms txns db_cpu_ms/t pgb_cpu_ms/t

for script in $scripts; do
    targets=""
    base=0
    last_used=0
    for c in $clients; do
        for r in $(seq 1 "$repeat"); do
            if [ -z "$targets" ] || [ $((targets - base)) -lt $((last_used + c)) ]; then
                "$BENCH_DIR/db.sh" clone "$db" "$work" >/dev/null 2>&1
                targets=$(q "$work" "SELECT count(*) FROM bench.${script}_target")
                base=0
            fi
            prefix="$out/pgbench_${script}_c${c}_r${r}"
            rm -f "$prefix".*
            # base: targets used by earlier runs on this copy; each client c takes n = base + c, base + c + clients, ...
            db_cpu0=$(cluster_cpu_ms "$db_pid")
            times >"$prefix.times0"   # in this shell (no fork): the CPU of its finished children so far
            PGOPTIONS="-c statement_timeout=10s -c idle_in_transaction_session_timeout=30s" \
            "$PGBENCH" -h 127.0.0.1 -p "$BENCH_PG_PORT" -U postgres -n -M prepared -c "$c" -j 2 -T "$duration" \
                -D k="$((base / c))" -D nclients="$c" -D targets="$targets" \
                -l --log-prefix="$prefix" -f "$PGB_DIR/$script.sql" "$work" >"$prefix.out" 2>&1 \
                || { tail -n 20 "$prefix.out" >&2; echo "[pgbench] $script failed" >&2; exit 1; }
            times >"$prefix.times1"
            sleep 1   # pgbench's backends exit after it disconnects; the postmaster reaps them into its cutime/cstime
            db_cpu1=$(cluster_cpu_ms "$db_pid")
            client_ms=$(($(times_ms "$prefix.times1") - $(times_ms "$prefix.times0")))
            rm -f "$prefix.times0" "$prefix.times1"
            tps=$(sed -nE 's/^tps = ([0-9.]+).*/\1/p' "$prefix.out" | head -1)
            avg=$(sed -nE 's/^latency average = ([0-9.]+) ms/\1/p' "$prefix.out")
            txns=$(sed -nE 's/^number of transactions actually processed: ([0-9]+).*/\1/p' "$prefix.out")
            # per-transaction log: client xact time_us script epoch epoch_us
            cat "$prefix".[0-9]* | awk '{print $3}' | sort -n >"$prefix.lat"
            # the furthest any client got: its slice ends at base + maxk * clients
            maxk=$(cat "$prefix".[0-9]* | awk '{if ($2 + 1 > m) m = $2 + 1} END {print m + 0}')
            pct() { awk -v p="$1" '{a[NR]=$1} END {if (NR == 0) {print "nan"; exit} i = int(NR * p); if (i < 1) i = 1; printf "%.2f", a[i] / 1000}' "$prefix.lat"; }
            p50=$(pct 0.50); p99=$(pct 0.99)
            per_txn() { awk -v a="$1" -v b="$2" -v n="$txns" 'BEGIN { if (a < 0 || b < 0 || n + 0 <= 0) print "NaN"; else printf "%.2f", (b - a) / n }'; }
            db_cpu=$(per_txn "$db_cpu0" "$db_cpu1")
            client_cpu=$(per_txn 0 "$client_ms")
            rm -f "$prefix".[0-9]* "$prefix.lat"
            printf '%-8s %7s %6s %10.1f %9s %9s %9s %8s %11s %11s\n' "$script" "$c" "$r" "$tps" "$avg" "$p50" "$p99" "$txns" "$db_cpu" "$client_cpu"
            echo "RESULT script=$script clients=$c run=$r tps=$tps avg_ms=$avg p50_ms=$p50 p99_ms=$p99 txns=$txns db_cpu_ms_per_txn=$db_cpu client_cpu_ms_per_txn=$client_cpu" >>"$out/pgbench.results"
            if [ $((maxk * c)) -gt $((targets - base)) ]; then
                echo "[pgbench] warning: $script ran past the remaining targets ($((maxk * c)) > $((targets - base))): the last transactions found nothing to do" >&2
            fi
            last_used=$(((maxk + 1) * c))
            base=$((base + (maxk + 1) * c))
        done
    done
done
"$BENCH_DIR/db.sh" drop "$work" >/dev/null
cat "$out/pgbench.results" | sed 's/^/  /' >&2
