#!/usr/bin/env bash
# `make down`: stops the runner worker and the server that scripts/platform-up.sh started (SIGTERM,
# then SIGKILL after a grace period). PostgreSQL (shared with `make test`) keeps running and the
# platform's data stays, so the next `make up` shows the same invitation and gradings.
# --purge also drops the platform's database and removes its folder (tokens, state, logs).
set -euo pipefail
source "$(dirname "$0")/platform-common.sh"

purge=false
case ${1:-} in
  --purge) purge=true ;;
  "") ;;
  *) fail "unknown option '$1' (only --purge)" ;;
esac
grace=${ASSESS_DOWN_GRACE_SECONDS:-30}

# Stops one process `make up` started: SIGTERM lets a worker hand its grading back and remove its
# containers; SIGKILL after the grace period. A grading cut short is graded again by the next worker.
stop() {
  local name=$1 pid deadline
  if ! pid=$(running_pid "$name"); then
    rm -f "$platform_dir/$name.pid"
    return 0
  fi
  say "stopping the $name (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  deadline=$((SECONDS + grace))
  while kill -0 "$pid" 2>/dev/null && [ "$SECONDS" -lt "$deadline" ]; do
    sleep 0.5
  done
  if kill -0 "$pid" 2>/dev/null; then
    say "the $name did not stop within $grace s: killing it"
    kill -KILL "$pid" 2>/dev/null || true
    while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
  fi
  rm -f "$platform_dir/$name.pid"
}

[ -d "$platform_dir" ] || { say "nothing to stop ($platform_dir does not exist)"; exit 0; }
stop worker
stop server

# The worker removes its own containers when stopped; a killed one leaves them to the reaper.
if [ -f "$assess_dll" ] && command -v docker >/dev/null && docker info >/dev/null 2>&1; then
  dotnet "$assess_dll" reap >/dev/null || say "assess reap failed; run it again to remove what gradings left behind"
fi

if $purge; then
  [[ $database =~ ^[a-z_][a-z0-9_]{0,62}$ ]] || fail "ASSESS_DATABASE '$database' must be lower-case letters, digits and _"
  if pg_isready -q -h 127.0.0.1 -p "$pg_port" 2>/dev/null; then
    say "dropping the database $database"
    psql -h 127.0.0.1 -p "$pg_port" -U assessments -d postgres -v ON_ERROR_STOP=1 -qtA -c "drop database if exists $database with (force)" >/dev/null
  fi
  # Only the files `make up` writes, so that a mistyped ASSESS_PLATFORM_DIR cannot remove anything else.
  rm -f "$platform_dir"/{admin-token,state,state.new,server.log,server.log.1,worker.log,worker.log.1}
  rmdir "$platform_dir" 2>/dev/null || say "$platform_dir kept: it holds files make up did not write"
  say "purged: the database $database and $platform_dir are gone"
else
  say "stopped; the data stays in the database $database (PostgreSQL keeps running on 127.0.0.1:$pg_port)"
fi
