#!/usr/bin/env bash
# The platform at hiring-season scale (issue 24): the read endpoints and the upload path under wrk, each
# as a ratio to GET /health/live measured in the same round, then the grading queue with N jobs.
# The server is published in Release and runs against the PostgreSQL of scripts/ensure-postgres.sh, in
# a database of its own that is dropped at the end (also on Ctrl-C). Client and server share the cores,
# as in the issue's table. Only 127.0.0.1 is ever targeted.
#   bench/api/run.sh [seconds per wrk run=8] [queue jobs=100000]     ROUNDS=3 (default)
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$(pwd)

DURATION=${1:-8}
QUEUE_JOBS=${2:-100000}
ROUNDS=${ROUNDS:-3}
PORT=${PORT:-18282}
PGPORT=${ASSESSMENTS_PGPORT:-55432}
BASE="http://127.0.0.1:${PORT}"
WRK_ARGS=(-t2 -c32 -d"${DURATION}s" --latency)
out=$repo/out/bench-api
db=bench_api_$(head -c 6 /dev/urandom | od -An -tx1 | tr -d ' \n')
pg() { psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PGPORT" -U assessments "$@"; }

if ! command -v wrk >/dev/null 2>&1; then
  [ "$(id -u)" -eq 0 ] || { echo "wrk is missing and installing it needs root (apt-get install wrk)"; exit 1; }
  echo "installing wrk (Debian package)"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk) >/dev/null
fi
scripts/ensure-postgres.sh

echo "publishing the server and building the queue benchmark (Release)"
dotnet publish src/Assessments.Server -c Release -o "$out/server" --nologo -v quiet >/dev/null
dotnet build bench/api/Assessments.Bench.Queue -c Release --nologo -v quiet >/dev/null

server=
finisher=
cleanup() {
  [ -z "$finisher" ] || kill "$finisher" 2>/dev/null || true
  [ -z "$server" ] || { kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; } || true
  pg -d postgres -c "drop database if exists $db with (force)" >/dev/null 2>&1 || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

pg -d postgres -c "create database $db" >/dev/null
ConnectionStrings__Assessments="Host=127.0.0.1;Port=$PGPORT;Username=assessments;Database=$db" \
  ASSESSMENTS__CHALLENGESPATH="$repo/challenges" \
  ASSESSMENTS__MAXQUEUEDEPTH=100000 \
  Logging__LogLevel__Default=Warning \
  dotnet "$out/server/Assessments.Server.dll" --urls "$BASE" >"$out/server.log" 2>&1 &
server=$!
for _ in $(seq 150); do curl -fs "$BASE/health/ready" >/dev/null 2>&1 && break; sleep 0.2; done
curl -fs "$BASE/health/ready" >/dev/null || { echo "the server did not become ready; its log: $out/server.log"; exit 1; }

# Credentials and graded submissions straight into the database: tokens are stored as their SHA-256,
# reports are made up (about 20 kB of JSON and of HTML, a real report's order of size), no Docker.
secret=$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')
interviewer="bench-interviewer-$secret"
candidates=64
echo "seeding an interviewer, $candidates candidates and 1,000 graded submissions"
pg -d "$db" >/dev/null <<SQL
insert into users (id, name, role, token_hash) values (gen_random_uuid(), 'Bench Interviewer', 'interviewer', sha256(convert_to('$interviewer', 'UTF8')));
insert into invitations (id, challenge_id, candidate_name, token_hash, expires_at)
select gen_random_uuid(), 'api-design', 'Bench Candidate ' || n, sha256(convert_to('bench-candidate-$secret-' || n, 'UTF8')), now() + interval '1 day'
  from generate_series(1, $candidates) n;
with graded as (
    insert into submissions (id, challenge_id, kind, invitation_id, archive, archive_bytes, content_sha256, created_at)
    select gen_random_uuid(), 'api-design', 'candidate', i.id, '\x504b0506', 4, md5(n::text), now() - n * interval '1 minute'
      from generate_series(1, 1000) n
      join invitations i on i.candidate_name = 'Bench Candidate ' || (1 + n % $candidates)
    returning id, created_at),
jobs as (
    insert into grading_jobs (id, submission_id, state, attempt, max_attempts, enqueued_at, started_at, finished_at)
    select gen_random_uuid(), id, 'finished', 1, 3, created_at, created_at, created_at + interval '40 seconds' from graded
    returning id, submission_id)
insert into reports (submission_id, job_id, attempt, status, level, score, report, html)
select j.submission_id, j.id, 1, 'graded', (array['junior', 'mid', 'senior'])[1 + abs(hashtext(j.id::text)) % 3], abs(hashtext(j.id::text)) % 100,
       jsonb_build_object('status', 'graded', 'checks', (select jsonb_agg(jsonb_build_object('id', 'contract.check-' || c, 'passed', c % 7 <> 0, 'detail', repeat('evidence ', 12))) from generate_series(1, 120) c)),
       '<!doctype html><html><body>' || repeat('<p>criterion, level, evidence and the checks behind them</p>', 350) || '</body></html>'
  from jobs j;
analyze;
SQL
candidate_submission=$(pg -d "$db" -At -c "select s.id from submissions s join invitations i on i.id = s.invitation_id where i.candidate_name = 'Bench Candidate 1' order by s.created_at desc limit 1")
report_submission=$candidate_submission
candidate="bench-candidate-$secret-1"

# The upload body is the challenge's starter kit as a candidate downloads it.
curl -fsS -H "Authorization: Bearer $candidate" "$BASE/api/me/starter" -o "$out/starter.zip"
for n in $(seq "$candidates"); do echo "bench-candidate-$secret-$n"; done >"$out/candidate-tokens"
cat >"$out/upload.lua" <<LUA
-- Uploads the starter kit, each request as the next of the $candidates candidates in turn.
local file = io.open("$out/starter.zip", "rb")
local body = file:read("*a")
file:close()
local tokens = {}
for line in io.lines("$out/candidate-tokens") do tokens[#tokens + 1] = line end
local next_token = 0
request = function()
  next_token = next_token % #tokens + 1
  return wrk.format("POST", "/api/me/submissions", { ["Authorization"] = "Bearer " .. tokens[next_token], ["Content-Type"] = "application/zip" }, body)
end
LUA

# name|path|token ("-" for none); the upload is the special case "upload".
endpoints=(
  "challenges|/api/challenges|$interviewer"
  "submissions list|/api/submissions|$interviewer"
  "submissions ?level=senior|/api/submissions?level=senior|$interviewer"
  "report JSON|/api/submissions/$report_submission/report|$interviewer"
  "report HTML|/api/submissions/$report_submission/report.html|$interviewer"
  "candidate status|/api/me/submissions/$candidate_submission|$candidate"
  "review page|/review/|$interviewer"
  "candidate page|/candidate/|$candidate"
  "upload (starter kit)|upload|-"
)

# Prints "req/s p99_ms non2xx" of one wrk run.
measure() { # $1 path or "upload", $2 token or "-"
  local output
  if [ "$1" = upload ]; then
    output=$(wrk "${WRK_ARGS[@]}" -s "$out/upload.lua" "$BASE/")
  elif [ "$2" = "-" ]; then
    output=$(wrk "${WRK_ARGS[@]}" "$BASE$1")
  else
    output=$(wrk "${WRK_ARGS[@]}" -H "Authorization: Bearer $2" "$BASE$1")
  fi
  awk '
    /Requests\/sec/ { rps = $2 }
    $1 == "99%" { v = $2; unit = v; sub(/[0-9.]+/, "", unit); sub(/[a-z]+$/, "", v)
                  p99 = unit == "us" ? v / 1000 : unit == "s" ? v * 1000 : unit == "m" ? v * 60000 : v }
    /Non-2xx or 3xx responses/ { bad = $NF }
    END { printf "%s %s %s\n", rps, p99, bad + 0 }' <<<"$output"
}
# min / median / max of the numbers on stdin
spread() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) { print "n/a"; exit } printf "%s / %s / %s", v[1], (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2), v[NR] }'; }

# While uploads run, a stand-in for the workers finishes whatever they queued, so that each candidate
# may upload again (one grading at a time per candidate) instead of every later upload being a 409.
finish_queued() { while sleep 0.2; do pg -d "$db" -c "update grading_jobs set state = 'finished', attempt = 1, finished_at = now() where state = 'queued'" >/dev/null 2>&1 || true; done; }

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
wrk -t2 -c32 -d2s "$BASE/health/live" >/dev/null  # JIT warm-up
wrk -t2 -c32 -d2s -H "Authorization: Bearer $interviewer" "$BASE/api/submissions" >/dev/null
results=$out/results
: >"$results"
echo
echo "== wrk ${WRK_ARGS[*]}, $ROUNDS rounds; ratio = endpoint req/s / GET /health/live req/s of the same round"
for round in $(seq "$ROUNDS"); do
  read -r live_rps live_p99 _ < <(measure /health/live -)
  echo "round $round: /health/live $live_rps req/s, p99 $live_p99 ms"
  printf '%s|%s|%s|%s|%s|%s\n' "/health/live" "$round" "$live_rps" "$live_p99" 1 0 >>"$results"
  for entry in "${endpoints[@]}"; do
    IFS='|' read -r name path token <<<"$entry"
    [ "$path" != upload ] || { finish_queued & finisher=$!; }
    read -r rps p99 bad < <(measure "$path" "$token")
    [ "$path" != upload ] || { kill "$finisher" 2>/dev/null; wait "$finisher" 2>/dev/null || true; finisher=; }
    printf '%s|%s|%s|%s|%s|%s\n' "$name" "$round" "$rps" "$p99" "$(awk -v a="$rps" -v b="$live_rps" 'BEGIN { printf "%.3f", a / b }')" "$bad" >>"$results"
  done
done

echo
printf '%-28s %12s %12s %26s %10s\n' endpoint "req/s (med)" "p99 ms (med)" "ratio min / median / max" non-2xx
names=("/health/live")
for entry in "${endpoints[@]}"; do names+=("${entry%%|*}"); done
for name in "${names[@]}"; do
  rows=$(awk -F'|' -v n="$name" '$1 == n' "$results")
  printf '%-28s %12s %12s %26s %10s\n' "$name" \
    "$(cut -d'|' -f3 <<<"$rows" | spread | awk -F' / ' '{ printf "%.0f", $2 }')" \
    "$(cut -d'|' -f4 <<<"$rows" | spread | awk -F' / ' '{ printf "%.2f", $2 }')" \
    "$(cut -d'|' -f5 <<<"$rows" | spread)" \
    "$(cut -d'|' -f6 <<<"$rows" | awk '{ s += $1 } END { print s + 0 }')"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

# The HTTP server is done; the queue benchmark has the machine to itself.
kill "$server" 2>/dev/null; wait "$server" 2>/dev/null || true
server=
echo
echo "== grading queue: $QUEUE_JOBS queued gradings, 8 workers claiming through GradingQueue, an instant fake grader"
dotnet bench/api/Assessments.Bench.Queue/bin/Release/net10.0/Assessments.Bench.Queue.dll "$QUEUE_JOBS" 8
