#!/usr/bin/env bash
# Makes sure a PostgreSQL server answers for the tests and local runs: initialises a cluster on first
# use and starts it when it is not running. Idempotent; safe to call from every target.
# PostgreSQL refuses to run as root, so as root the cluster belongs to the `postgres` user.
set -euo pipefail

port=${ASSESSMENTS_PGPORT:-55432}
data=${ASSESSMENTS_PGDATA:-/var/lib/assessments/pgdata}
log_file=${ASSESSMENTS_PGLOG:-/var/log/assessments-postgres.log}
socket_dir=${ASSESSMENTS_PGSOCKETS:-/tmp}

log() { printf '[ensure-postgres] %s\n' "$*" >&2; }

bin_dir() {
  for candidate in "$(dirname "$(command -v initdb 2>/dev/null || echo /nonexistent/x)")" /usr/lib/postgresql/*/bin; do
    if [ -x "$candidate/initdb" ] && [ -x "$candidate/pg_ctl" ]; then
      readlink -f "$candidate/initdb" | xargs dirname
      return 0
    fi
  done
  return 1
}

if pg_isready -q -h 127.0.0.1 -p "$port" 2>/dev/null; then
  exit 0
fi

if ! bin="$(bin_dir)"; then
  if [ "$(id -u)" -ne 0 ]; then
    log "PostgreSQL is not installed and installing it needs root"
    exit 1
  fi
  log "installing PostgreSQL from Debian packages"
  apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >/dev/null
  bin="$(bin_dir)"
fi

# As root, run the server as `postgres`; as anyone else, as that user.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

if [ ! -s "$data/PG_VERSION" ]; then
  log "initialising a cluster in $data (role assessments, trust on loopback only)"
  mkdir -p "$data"
  [ "$(id -u)" -ne 0 ] || chown -R postgres:postgres "$(dirname "$data")"
  # Trust on loopback: a throwaway local cluster for tests and development, never reachable from outside.
  as_owner "$bin/initdb" -D "$data" -U assessments -A trust -E UTF8 --locale=C --no-instructions >/dev/null
fi

touch "$log_file"
[ "$(id -u)" -ne 0 ] || chown postgres:postgres "$log_file"
log "starting PostgreSQL on 127.0.0.1:$port (log: $log_file)"
as_owner "$bin/pg_ctl" -D "$data" -l "$log_file" -w -t 60 \
  -o "-p $port -c listen_addresses=127.0.0.1 -k $socket_dir -c max_connections=300 -c fsync=off" start >/dev/null
pg_isready -q -h 127.0.0.1 -p "$port"
log "PostgreSQL is ready on 127.0.0.1:$port"
