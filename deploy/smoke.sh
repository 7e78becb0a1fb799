#!/usr/bin/env bash
# Brings the whole platform up with docker-compose (PostgreSQL, API server, runner worker), drives
# one grading through it with the `assess` CLI (invite, submit the api-design starter, wait, fetch the
# report), checks the result, and takes everything down again. Takes a few minutes; run by hand.
# Everything it creates carries the label org.assessments.managed=true and is removed at the end.
set -euo pipefail
cd "$(dirname "$0")/.."

project=assessments-smoke-$$
export ASSESSMENTS_HTTP_PORT=${ASSESSMENTS_HTTP_PORT:-18480}
export POSTGRES_PORT=${POSTGRES_PORT:-15432}
export ASSESSMENTS_TAG=smoke-$$
# The server refuses a guessable bootstrap token: 32 random bytes.
export ASSESSMENTS_ADMIN_TOKEN=$(openssl rand -base64 32)
server=http://127.0.0.1:$ASSESSMENTS_HTTP_PORT
out=$(mktemp -d)
override=$out/labels.yml

log() { printf '[smoke] %s\n' "$*" >&2; }

# Labels on everything this run creates, so that it can be found (and removed) like any platform leftover.
cat >"$override" <<YAML
version: "3.8"
services:
  postgres: { labels: { org.assessments.managed: "true" } }
  server: { labels: { org.assessments.managed: "true" }, build: { labels: { org.assessments.managed: "true" } } }
  runner: { labels: { org.assessments.managed: "true" }, build: { labels: { org.assessments.managed: "true" } } }
volumes:
  pgdata: { labels: { org.assessments.managed: "true" } }
networks:
  default: { labels: { org.assessments.managed: "true" } }
YAML
compose() { docker-compose -p "$project" -f docker-compose.yml -f "$override" "$@"; }

cleanup() {
  log "taking the platform down"
  compose logs --no-color server runner >"$out/compose.log" 2>&1 || true
  compose down -v --remove-orphans >/dev/null 2>&1 || true
  docker image rm "assessments/server:$ASSESSMENTS_TAG" "assessments/worker:$ASSESSMENTS_TAG" >/dev/null 2>&1 || true
  log "logs kept in $out/compose.log"
}
trap cleanup EXIT

scripts/ensure-docker.sh
scripts/ensure-base-images.sh
deploy/build.sh
dotnet build src/Assessments.Cli -c Release --nologo -v quiet
assess() { dotnet src/Assessments.Cli/bin/Release/net10.0/assess.dll "$@"; }

started=$(date +%s)
log "docker-compose up (project $project, API on $server)"
compose up -d --build
for _ in $(seq 1 120); do
  curl -fsS "$server/health/ready" >/dev/null 2>&1 && break
  sleep 1
done
curl -fsS "$server/health/ready" >/dev/null
log "the API is ready after $(( $(date +%s) - started )) s"

token=$(assess admin invite --server "$server" --token "$ASSESSMENTS_ADMIN_TOKEN" --challenge api-design --candidate "Smoke Test" | tail -1)
submitted=$(assess submit --server "$server" --token "$token" challenges/api-design/starter)
echo "$submitted"
id=$(grep -oE '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}' <<<"$submitted" | head -1)
log "submission $id queued; waiting for the runner"
assess status --server "$server" --token "$token" --wait "$id" | tee "$out/status.txt"
assess report --server "$server" --token "$ASSESSMENTS_ADMIN_TOKEN" --out "$out/report" "$id"
assess report --server "$server" --token "$token" --feedback "$id"
grep -q finished "$out/status.txt"
status=$(python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); print(r["status"], r["level"])' "$out/report/report.json")
log "graded through docker-compose: $status, in $(( $(date +%s) - started )) s"
[ "${status%% *}" = graded ]
curl -fsS "$server/metrics" | grep assessments_grading_jobs
