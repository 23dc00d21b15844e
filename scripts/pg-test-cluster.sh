#!/usr/bin/env bash
# pg-test-cluster.sh — throwaway PostgreSQL cluster for Rapport's tests.
#
# Usage:
#   scripts/pg-test-cluster.sh start DIR PORT   # init (if needed) + start; prints the URL on stdout
#   scripts/pg-test-cluster.sh stop  DIR        # fast shutdown (files in DIR are left in place)
#
#   URL=$(scripts/pg-test-cluster.sh start /tmp/pgtest 55432)
#   export RAPPORT_TEST_POSTGRES_URL="$URL"
#   ...
#   scripts/pg-test-cluster.sh stop /tmp/pgtest && rm -rf /tmp/pgtest
#
# Only the URL goes to stdout (postgres://postgres@127.0.0.1:PORT/rapport_test?sslmode=disable);
# all progress/diagnostics go to stderr.
#
# Layout of DIR:  DIR/data (cluster), DIR/log (server log), DIR/.s.PGSQL.PORT (unix socket).
#
# Cluster properties:
#   * initdb --encoding=UTF8 --locale=C.UTF-8: byte-order collation (deterministic), but a UTF-8
#     ctype so that pg_trgm treats CJK characters as word characters (with plain "C", show_trgm
#     returns {} for 阿里巴巴).
#   * superuser "postgres", auth "trust" for 127.0.0.1/32 (and the unix socket in DIR) only;
#     listens on 127.0.0.1 only (no ::1, no external interfaces).
#   * durability switched off (fsync/synchronous_commit/full_page_writes) — it is throwaway.
#   * database rapport_test is created; pg_trgm availability is verified inside a rolled-back
#     transaction (the extension is NOT left installed, so migrations must create it).
#
# Running as root: PostgreSQL refuses to run as root, so initdb/pg_ctl run as the "postgres"
# system user (created if missing) via runuser (or su), and DIR is chown'ed to it. DIR's parent
# directories must be traversable by that user (e.g. /tmp/…, not inside a 0700 mktemp dir).
#
# Binaries: $PG_BINDIR if set, else the newest /usr/lib/postgresql/*/bin (Debian), else
# `pg_config --bindir`, else whatever initdb on PATH resolves to (symlinks followed).
#
# Environment: PG_BINDIR (see above), PG_TEST_CLUSTER_TIMEOUT (seconds to wait for start, default 60).
set -euo pipefail

PROG=${0##*/}
SUPERUSER=postgres
DBNAME=rapport_test
RUN_AS=postgres          # OS user that owns/runs the cluster when invoked as root
TIMEOUT=${PG_TEST_CLUSTER_TIMEOUT:-60}

log() { printf '%s: %s\n' "$PROG" "$*" >&2; }
die() { log "error: $*"; exit 1; }
usage() { printf 'usage: %s start DIR PORT | stop DIR\n' "$PROG" >&2; exit 2; }

find_bindir() {
    local d
    if [[ -n ${PG_BINDIR:-} ]]; then
        [[ -x $PG_BINDIR/initdb ]] || die "PG_BINDIR=$PG_BINDIR has no initdb"
        printf '%s\n' "$PG_BINDIR"; return
    fi
    # Debian/Ubuntu: /usr/lib/postgresql/<major>/bin (newest major wins).
    d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
    if [[ -n $d && -x $d/initdb && -x $d/pg_ctl ]]; then printf '%s\n' "$d"; return; fi
    if command -v pg_config >/dev/null 2>&1; then
        d=$(pg_config --bindir 2>/dev/null || true)
        if [[ -n $d && -x $d/initdb && -x $d/pg_ctl ]]; then printf '%s\n' "$d"; return; fi
    fi
    # PATH (e.g. /usr/local/bin/initdb -> /usr/lib/postgresql/15/bin/initdb). Resolve symlinks so
    # that sibling tools (pg_ctl, postgres) come from the same installation. Avoid Debian's
    # /usr/bin/pg_ctlcluster-style wrappers: /usr/bin/initdb does not exist there anyway.
    if command -v initdb >/dev/null 2>&1; then
        d=$(dirname "$(readlink -f "$(command -v initdb)")")
        if [[ -x $d/pg_ctl ]]; then printf '%s\n' "$d"; return; fi
    fi
    die "PostgreSQL server binaries (initdb, pg_ctl) not found; install postgresql (Debian: apt-get install postgresql postgresql-contrib)"
}

# Client tool: prefer the one next to the server, else PATH.
client_tool() {
    if [[ -x $BINDIR/$1 ]]; then printf '%s\n' "$BINDIR/$1"
    elif command -v "$1" >/dev/null 2>&1; then command -v "$1"
    else die "$1 not found"; fi
}

# Run a command as the cluster owner (postgres when we are root, else ourselves), from DIR
# so that an unreadable cwd (e.g. /root) does not produce warnings.
as_owner() {
    if [[ $(id -u) -eq 0 ]]; then
        if command -v runuser >/dev/null 2>&1; then
            (cd "$DIR" && runuser -u "$RUN_AS" -- "$@")
        else
            local q; q=$(printf '%q ' "$@")
            (cd "$DIR" && su -s /bin/sh "$RUN_AS" -c "$q")
        fi
    else
        (cd "$DIR" && "$@")
    fi
}

ensure_run_as_user() {
    [[ $(id -u) -eq 0 ]] || return 0
    if ! id -u "$RUN_AS" >/dev/null 2>&1; then
        log "creating system user $RUN_AS"
        if command -v useradd >/dev/null 2>&1; then
            useradd --system --user-group --home-dir /var/lib/postgresql --no-create-home \
                    --shell /bin/sh "$RUN_AS"
        else
            adduser --system --group --home /var/lib/postgresql --no-create-home "$RUN_AS"
        fi
    fi
}

resolve_dir() {
    [[ -n $1 ]] || usage
    mkdir -p "$1"
    DIR=$(cd "$1" && pwd -P)
}

is_running() { [[ -f $DIR/data/postmaster.pid ]] && as_owner "$BINDIR/pg_ctl" -D "$DIR/data" status >/dev/null 2>&1; }

psql_url() { printf 'postgres://%s@127.0.0.1:%s/%s?sslmode=disable\n' "$SUPERUSER" "$PORT" "$1"; }

cmd_start() {
    [[ $# -eq 2 ]] || usage
    PORT=$2
    [[ $PORT =~ ^[0-9]+$ ]] && (( PORT > 0 && PORT < 65536 )) || die "bad port: $PORT"
    BINDIR=$(find_bindir)
    local psql pg_isready
    psql=$(client_tool psql)
    pg_isready=$(client_tool pg_isready)
    log "using PostgreSQL binaries in $BINDIR ($("$BINDIR/postgres" --version 2>/dev/null || echo '?'))"

    ensure_run_as_user
    resolve_dir "$1"
    if [[ $(id -u) -eq 0 ]]; then
        chown "$RUN_AS": "$DIR"
        chmod 700 "$DIR"
        as_owner test -w "$DIR" \
            || die "$RUN_AS cannot write $DIR (are its parent directories traversable, e.g. not inside a 0700 dir?)"
    fi

    if is_running; then
        local running_port
        running_port=$(sed -n 4p "$DIR/data/postmaster.pid")
        [[ $running_port == "$PORT" ]] \
            || die "cluster in $DIR is already running on port $running_port, not $PORT"
        log "cluster in $DIR already running"
    else
        if [[ -n $("$pg_isready" -q -h 127.0.0.1 -p "$PORT" -t 2 && echo up || true) ]]; then
            die "something is already listening on 127.0.0.1:$PORT"
        fi

        if [[ ! -s $DIR/data/PG_VERSION ]]; then
            log "initdb in $DIR/data"
            as_owner "$BINDIR/initdb" -D "$DIR/data" --username="$SUPERUSER" \
                --encoding=UTF8 --locale=C.UTF-8 \
                --auth-local=trust --auth-host=reject >"$DIR/initdb.log" 2>&1 \
                || { cat "$DIR/initdb.log" >&2; die "initdb failed"; }
            # trust on the socket in DIR (0700) and on 127.0.0.1 only; everything else rejected.
            as_owner sh -c "cat > '$DIR/data/pg_hba.conf'" <<'EOF'
# Throwaway test cluster (scripts/pg-test-cluster.sh): trust on loopback IPv4 only.
# TYPE  DATABASE  USER  ADDRESS        METHOD
local   all       all                  trust
host    all       all   127.0.0.1/32   trust
EOF
            local sockdir=$DIR
            # unix socket paths are limited to ~107 bytes; fall back to TCP only.
            (( ${#DIR} + 20 > 100 )) && sockdir=''
            as_owner sh -c "cat >> '$DIR/data/postgresql.conf'" <<EOF

# --- scripts/pg-test-cluster.sh ---
listen_addresses = '127.0.0.1'
port = $PORT
unix_socket_directories = '$sockdir'
max_connections = 200
fsync = off
synchronous_commit = off
full_page_writes = off
logging_collector = off
timezone = 'UTC'
EOF
        else
            log "reusing existing cluster in $DIR/data"
            # keep the port in sync with the command line
            as_owner sh -c "printf '%s\n' 'port = $PORT' >> '$DIR/data/postgresql.conf'"
        fi

        log "starting on 127.0.0.1:$PORT (log: $DIR/log)"
        as_owner touch "$DIR/log"
        as_owner "$BINDIR/pg_ctl" -D "$DIR/data" -l "$DIR/log" -w -t "$TIMEOUT" start >/dev/null \
            || { tail -n 40 "$DIR/log" >&2 || true; die "pg_ctl start failed"; }
    fi

    local i
    for ((i = 0; i < TIMEOUT * 2; i++)); do
        "$pg_isready" -q -h 127.0.0.1 -p "$PORT" -U "$SUPERUSER" -d postgres && break
        sleep 0.5
    done
    "$pg_isready" -q -h 127.0.0.1 -p "$PORT" -U "$SUPERUSER" -d postgres \
        || { tail -n 40 "$DIR/log" >&2 || true; die "server not ready after ${TIMEOUT}s"; }

    local P=("$psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PORT" -U "$SUPERUSER")
    if [[ $("${P[@]}" -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$DBNAME'") != 1 ]]; then
        "${P[@]}" -d postgres -c "CREATE DATABASE $DBNAME TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'" >&2 \
            || die "CREATE DATABASE $DBNAME failed"
    fi

    # pg_trgm must be installable and must see CJK as word characters. Rolled back on purpose.
    local trgm
    trgm=$("${P[@]}" -d "$DBNAME" -tA 2>&1 <<'EOF'
BEGIN;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
SELECT cardinality(show_trgm('阿里巴巴'));
ROLLBACK;
EOF
) || die "pg_trgm not available (Debian: it ships in postgresql-contrib / postgresql-NN): $trgm"
    trgm=$(printf '%s\n' "$trgm" | grep -E '^[0-9]+$' | tail -n 1 || true)
    [[ -n $trgm && $trgm -gt 0 ]] \
        || die "pg_trgm does not treat CJK as word characters (show_trgm('阿里巴巴') gave ${trgm:-nothing}); check the cluster locale"
    log "ready: $DBNAME (UTF8, C.UTF-8), pg_trgm OK"

    psql_url "$DBNAME"
}

cmd_stop() {
    [[ $# -eq 1 ]] || usage
    [[ -d $1 ]] || { log "$1 does not exist; nothing to stop"; return 0; }
    DIR=$(cd "$1" && pwd -P)
    [[ -f $DIR/data/postmaster.pid ]] || { log "no running cluster in $DIR"; return 0; }
    BINDIR=$(find_bindir)
    log "stopping cluster in $DIR"
    as_owner "$BINDIR/pg_ctl" -D "$DIR/data" -m fast -w -t "$TIMEOUT" stop >/dev/null \
        || { as_owner "$BINDIR/pg_ctl" -D "$DIR/data" -m immediate -w stop >/dev/null || true; }
}

[[ $# -ge 1 ]] || usage
cmd=$1; shift
case $cmd in
    start) cmd_start "$@" ;;
    stop)  cmd_stop "$@" ;;
    *)     usage ;;
esac
