#!/usr/bin/env bash
# Queue drain benchmark (issue #22): the whole platform as `make up` starts it (PostgreSQL, the
# server, ONE runner worker), then every challenge's calibration queued at once through the API, so
# that the one worker drains the calibration set (every reference of every challenge) from its
# queue. Prints, per reference, the level expected and given and how long it waited and graded;
# then the wall time from the first enqueue to the last report, gradings per hour, and the platform
# faults the worker met (each retry it logged, each dead letter, each report that is not graded).
#
#   bench/grading/drain.sh                  ASSESS_SLOT_SEATS=2 bench/grading/drain.sh
#
# It runs on a database and a port of its own (bench_drain, 18080), dropped and stopped afterwards,
# so a `make up` platform on this machine is left alone. Needs the build, the Docker engine and jq.
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v jq >/dev/null || { echo "bench-drain needs jq (apt-get install jq)" >&2; exit 2; }
OUT=${OUT:-out/bench-drain}
TIMEOUT=${TIMEOUT:-3600}
export ASSESS_PORT=${ASSESS_PORT:-18080}
export ASSESS_DATABASE=${ASSESS_DATABASE:-bench_drain}
export ASSESS_PLATFORM_DIR=$PWD/$OUT/platform
source scripts/platform-common.sh

rm -rf "$OUT"
mkdir -p "$OUT"
stop_platform() { scripts/platform-down.sh --purge >"$OUT/down.log" 2>&1 || cat "$OUT/down.log" >&2; }
trap stop_platform EXIT
# A queue of its own: whatever an earlier run left in this database is dropped first.
scripts/platform-down.sh --purge >/dev/null 2>&1 || true
echo "starting the platform on $server_url with one worker (its own seeding grades two api-design submissions first)"
scripts/platform-up.sh >"$OUT/up.log" 2>&1 || { tail -n 30 "$OUT/up.log" >&2; exit 1; }
token=$(cat "$platform_dir/admin-token")
api() { curl -fsS --max-time 30 -H "Authorization: Bearer $token" "$@"; }
workers=$(api "$server_url/api/admin/runners" 2>/dev/null | jq -r '[.[] | select(.stale | not) | "\(.workerId): \(.slots) slot(s), \(.cpus) CPUs"] | join("; ")' 2>/dev/null || echo "?")
echo "worker: $workers; seats per slot: ${ASSESS_SLOT_SEATS:-1}"

# The worker's log from here on is the benchmark's: platform faults are counted in it.
log_from=$(wc -l <"$platform_dir/worker.log")
started=$(date +%s%N)
runs=()
for challenge in api-design caching queues; do
  run=$(api -X POST "$server_url/api/challenges/$challenge/calibrations" | jq -r .id)
  runs+=("$run")
done
echo "queued the calibration of api-design, caching and queues: $(for r in "${runs[@]}"; do api "$server_url/api/calibrations/$r" | jq '.entries | length'; done | awk '{ s += $1 } END { print s }') gradings"

deadline=$((SECONDS + TIMEOUT))
said=$SECONDS
while :; do
  finished=0
  for run in "${runs[@]}"; do
    [ "$(api "$server_url/api/calibrations/$run" | jq -r .finished)" = true ] && finished=$((finished + 1))
  done
  [ "$finished" -eq ${#runs[@]} ] && break
  [ "$SECONDS" -lt "$deadline" ] || { echo "not drained after $TIMEOUT s" >&2; exit 1; }
  if [ $((SECONDS - said)) -ge 60 ]; then
    echo "  $(( ($(date +%s%N) - started) / 1000000000 )) s: $finished of ${#runs[@]} calibrations finished"
    said=$SECONDS
  fi
  sleep 2
done
wall_ms=$(( ($(date +%s%N) - started) / 1000000 ))

printf '\n%-11s %-20s %-11s %-11s %-9s %6s %7s\n' challenge reference expected given status score grade_s
gradings=0 graded=0 agree=0
for run in "${runs[@]}"; do
  api "$server_url/api/calibrations/$run" >"$OUT/run-$run.json"
  while IFS=$'\t' read -r challenge reference expected given status agrees submission; do
    read -r score took < <(api "$server_url/api/submissions/$submission/report" 2>/dev/null \
      | jq -r '[(.score // "-"), ((.timings.totalMs // 0) / 1000 | floor)] | @tsv' 2>/dev/null || echo "- -")
    printf '%-11s %-20s %-11s %-11s %-9s %6s %7s\n' "$challenge" "$reference" "$expected" "$given" "$status" "$score" "$took"
    gradings=$((gradings + 1))
    [ "$status" = graded ] && graded=$((graded + 1))
    [ "$agrees" = true ] && agree=$((agree + 1))
  done < <(jq -r '.challengeId as $c | .entries[] | [$c, .reference, .expectedLevel, (.givenLevel // "-"), (.reportStatus // .state), (.agrees // false), .submissionId] | @tsv' "$OUT/run-$run.json")
done

log_since() { tail -n +"$((log_from + 1))" "$platform_dir/worker.log"; }
retries=$(log_since | grep -c 'hit a platform fault' || true)
dead=$(log_since | grep -ci 'after a platform fault: .*dead' || true)
wall=$(awk -v ms="$wall_ms" 'BEGIN { printf "%.1f", ms / 1000 }')
per_hour=$(awk -v n="$gradings" -v ms="$wall_ms" 'BEGIN { printf "%.0f", n * 3600000 / ms }')
echo
echo "drained $gradings gradings in $wall s: $per_hour gradings/hour with one worker; $graded graded, $agree at their labelled level; platform faults: $retries retries, $dead dead letters"
printf 'gradings\twall_s\tper_hour\tgraded\tagree\tretries\tdead\tseats\n%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' \
  "$gradings" "$wall" "$per_hour" "$graded" "$agree" "$retries" "$dead" "${ASSESS_SLOT_SEATS:-1}" >"$OUT/summary.tsv"
echo "rows: $OUT/summary.tsv, worker log: $platform_dir/worker.log"
