#!/usr/bin/env bash
# `make up`: the whole platform on this machine, in the background, ready to look at. Starts
# PostgreSQL (scripts/ensure-postgres.sh), the server on 127.0.0.1:$ASSESS_PORT and one runner worker,
# makes a strong bootstrap admin token once (printed once, kept root-only), an interviewer and an
# invitation, has the challenge's starter kit and senior reference graded through the platform's own
# queue, and prints the URLs to open. Idempotent: what already runs (and what was already made) is
# reused. Needs the build (`make up` builds first). Settings: see scripts/platform-common.sh.
set -euo pipefail
source "$(dirname "$0")/platform-common.sh"

ready_timeout=${ASSESS_UP_READY_TIMEOUT:-180}
grading_timeout=${ASSESS_UP_GRADING_TIMEOUT:-2400}

[[ $port =~ ^[0-9]+$ ]] && [ "$port" -ge 1 ] && [ "$port" -le 65535 ] || fail "ASSESS_PORT '$port' is not a TCP port"
[[ $database =~ ^[a-z_][a-z0-9_]{0,62}$ ]] || fail "ASSESS_DATABASE '$database' must be lower-case letters, digits and _"
[ -f "$challenges/$challenge/challenge.yaml" ] || fail "ASSESS_UP_CHALLENGE: no challenge '$challenge' in $challenges"
for dll in "$server_dll" "$worker_dll" "$assess_dll"; do
  [ -f "$dll" ] || fail "$dll is missing: build first (make build, or make up, which builds)"
done
command -v curl >/dev/null || fail "curl is needed (apt-get install curl)"
command -v docker >/dev/null && docker info >/dev/null 2>&1 || fail "no Docker engine answers: run scripts/ensure-docker.sh (make up does)"

assess() { dotnet "$assess_dll" "$@"; }

# Tokens and logs: only root (the owner) may read the folder.
mkdir -p "$platform_dir"
chmod 700 "$platform_dir"
umask 077

# --- PostgreSQL and the platform's database -----------------------------------------------------
ASSESSMENTS_PGPORT=$pg_port "$repo/scripts/ensure-postgres.sh"
psql_admin() { psql -h 127.0.0.1 -p "$pg_port" -U assessments -d postgres -v ON_ERROR_STOP=1 -qtA "$@"; }
if [ "$(psql_admin -c "select 1 from pg_database where datname = '$database'")" != 1 ]; then
  say "creating the database $database"
  psql_admin -c "create database $database" >/dev/null
fi

# --- The bootstrap admin token: made once, printed once -------------------------------------------
admin_token_file=$platform_dir/admin-token
new_admin_token=
if [ ! -s "$admin_token_file" ]; then
  # 32 random bytes, base64url: 43 characters, as the platform's own tokens.
  new_admin_token=$(head -c 32 /dev/urandom | base64 -w0 | tr '+/' '-_' | tr -d '=')
  printf '%s\n' "$new_admin_token" >"$admin_token_file"
fi
chmod 600 "$admin_token_file"
admin_token=$(cat "$admin_token_file")

# --- The server ------------------------------------------------------------------------------------
# Started with setsid so that it outlives this script and a Ctrl-C in the terminal that ran it.
# A fresh log per start (the previous one kept as .1), so that waiting reads only this start's lines.
rotate_log() { [ ! -f "$platform_dir/$1.log" ] || mv -f "$platform_dir/$1.log" "$platform_dir/$1.log.1"; }
log_tail() { tail -n 25 "$1" 2>/dev/null | sed 's/^/    /' >&2 || true; }

if server_pid=$(running_pid server); then
  say "the server is already running (pid $server_pid) on $server_url"
else
  if curl -s -o /dev/null --max-time 2 "$server_url/" 2>/dev/null; then
    fail "something else answers on $server_url: choose another port (make up ASSESS_PORT=9090)"
  fi
  say "starting the server on $server_url (log: $platform_dir/server.log)"
  rotate_log server
  (
    cd "$(dirname "$server_dll")"
    ConnectionStrings__Assessments=$connection_string \
      ASSESSMENTS__BOOTSTRAPADMINTOKEN=$admin_token \
      Assessments__ChallengesPath=$challenges \
      exec setsid dotnet "$server_dll" --urls "$server_url" >>"$platform_dir/server.log" 2>&1 </dev/null
  ) &
  echo $! >"$platform_dir/server.pid"
fi

if worker_pid=$(running_pid worker); then
  say "the runner worker is already running (pid $worker_pid)"
else
  say "starting a runner worker (log: $platform_dir/worker.log)"
  rotate_log worker
  (
    cd "$(dirname "$worker_dll")"
    ConnectionStrings__Assessments=$connection_string \
      Worker__WorkerId="make-up-$(hostname)-$port" \
      Worker__ChallengesPath=$challenges \
      exec setsid dotnet "$worker_dll" >>"$platform_dir/worker.log" 2>&1 </dev/null
  ) &
  echo $! >"$platform_dir/worker.pid"
fi

# --- Wait until both answer --------------------------------------------------------------------------
# Polls "$@" every second until it succeeds; fails with the end of <name>'s log when the process stops
# or the time is up.
wait_until_ready() {
  local name=$1 what=$2
  shift 2
  until "$@"; do
    if ! running_pid "$name" >/dev/null; then
      say "the $what stopped while starting; the end of $platform_dir/$name.log:"
      log_tail "$platform_dir/$name.log"
      fail "the $what did not start"
    fi
    if [ "$SECONDS" -ge "$deadline" ]; then
      log_tail "$platform_dir/$name.log"
      fail "the $what was not ready within $ready_timeout s (ASSESS_UP_READY_TIMEOUT)"
    fi
    sleep 1
  done
  say "the $what is ready"
}
server_answers() { curl -fsS -o /dev/null --max-time 5 "$server_url/health/ready" 2>/dev/null; }
worker_started() { grep -q 'Application started' "$platform_dir/worker.log" 2>/dev/null; }

deadline=$((SECONDS + ready_timeout))
wait_until_ready server server server_answers
wait_until_ready worker "runner worker" worker_started

source "$repo/scripts/platform-seed.sh"
