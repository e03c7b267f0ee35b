#!/usr/bin/env bash
# Start a throwaway PostgreSQL for the test suite, on 127.0.0.1:5432 only, and print
#   export NEWSLOOM_TEST_PG_URL=postgresql://newsloom:newsloom@127.0.0.1:5432/newsloom_test
# on stdout (everything else goes to stderr), so CI can `eval "$(bash scripts/start-postgres.sh)"`.
# Idempotent: when a server already answers on the port it only prints the line (its data is
# left alone); a server it starts gets a fresh test database.
# Knobs: PGPORT (5432), NEWSLOOM_PG_DIR (cluster directory, default $TMPDIR/newsloom-pg).
set -euo pipefail

PORT="${PGPORT:-5432}"
HOST=127.0.0.1
ROLE=newsloom
PASSWORD=newsloom
DATABASE=newsloom_test
PGDIR="${NEWSLOOM_PG_DIR:-${TMPDIR:-/tmp}/newsloom-pg}"
URL="postgresql://${ROLE}:${PASSWORD}@${HOST}:${PORT}/${DATABASE}"

log() { echo "start-postgres: $*" >&2; }

find_bindir() {
  local dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then
      echo "$dir"
      return 0
    fi
  done
  if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
    dirname "$(command -v initdb)"
    return 0
  fi
  return 1
}

BINDIR="$(find_bindir || true)"
if [ -n "$BINDIR" ] && "$BINDIR/pg_isready" -q -h "$HOST" -p "$PORT"; then
  log "a server already answers on ${HOST}:${PORT}"
  echo "export NEWSLOOM_TEST_PG_URL=${URL}"
  exit 0
fi

if [ -z "$BINDIR" ]; then
  if [ "$(id -u)" -ne 0 ]; then
    log "PostgreSQL binaries are missing and installing them needs root"
    exit 1
  fi
  log "installing postgresql (apt-get)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
  BINDIR="$(find_bindir)" || { log "initdb/pg_ctl not found after install"; exit 1; }
fi

# The server refuses to run as root: as root, run it as the `postgres` user.
if [ "$(id -u)" -eq 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql postgres
  RUNAS=(runuser -u postgres --)
else
  RUNAS=()
fi
as_owner() { "${RUNAS[@]}" "$@"; }

mkdir -p "$PGDIR"
[ "$(id -u)" -eq 0 ] && chown postgres: "$PGDIR"
chmod 700 "$PGDIR"
DATA="$PGDIR/data"
if [ ! -s "$DATA/PG_VERSION" ]; then
  log "initdb in $DATA"
  as_owner "$BINDIR/initdb" -D "$DATA" -U postgres -E UTF8 --locale=C.UTF-8 \
    --auth-local=trust --auth-host=scram-sha-256 >&2
fi

# fsync=off: a throwaway test cluster trades durability for speed.
log "starting on ${HOST}:${PORT}"
as_owner "$BINDIR/pg_ctl" -D "$DATA" -l "$PGDIR/server.log" -w -t 60 start \
  -o "-c listen_addresses=${HOST} -p ${PORT} -c unix_socket_directories=${PGDIR} -c fsync=off" >&2

psql_admin() {
  as_owner "$BINDIR/psql" -h "$PGDIR" -p "$PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -qtA "$@"
}
if [ -z "$(psql_admin -c "SELECT 1 FROM pg_roles WHERE rolname = '${ROLE}'")" ]; then
  psql_admin -c "CREATE ROLE ${ROLE} LOGIN CREATEDB PASSWORD '${PASSWORD}'" >&2
fi
# A server this script starts gets a new, empty test database: tables left by an earlier run of
# another version of the schema (the cluster directory outlives the server) must not leak in.
psql_admin -c "DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)" >&2
psql_admin -c "CREATE DATABASE ${DATABASE} OWNER ${ROLE}" >&2

log "ready (logs in $PGDIR/server.log; stop with: pg_ctl -D $DATA stop)"
echo "export NEWSLOOM_TEST_PG_URL=${URL}"
