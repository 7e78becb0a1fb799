#!/usr/bin/env bash
# Builds the solution once, then runs the test projects and prints one closing line, "N passed,
# N failed", summed over the projects.
#
# Order and overlap: the load engine's tests run alone (their self-check fails a run whose generator
# shares the CPUs with image builds), and so do the Docker integration tests last (calibration
# compares latencies). The contract tests only build and probe mutants, so the server's and the web
# pages' tests (PostgreSQL, Chromium; per-grading leftover checks) run beside them.
set -uo pipefail
cd "$(dirname "$0")/.."
configuration=${CONFIGURATION:-Release}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
log="$work/all.log"
dotnet build Assessments.sln --configuration "$configuration" --nologo -v quiet || exit 1

status=0

# Runs one test project, writing its output to $2 (or the terminal and the summary log).
run_tests() {
  local project=$1 out=${2:-}
  [ -d "$project" ] || return 0
  # The web pages' browser tests drive Debian's chromium (installed when missing).
  if [ "$project" = tests/Assessments.Web.Tests ] && ! scripts/ensure-chromium.sh; then
    return 1
  fi
  if [ -n "$out" ]; then
    { echo "== $project"; dotnet test "$project" --no-build --configuration "$configuration" --nologo; } >"$out" 2>&1
  else
    echo "== $project"
    dotnet test "$project" --no-build --configuration "$configuration" --nologo 2>&1 | tee -a "$log"
    return "${PIPESTATUS[0]}"
  fi
}

for project in tests/Assessments.UnitTests tests/Assessments.Insight.Tests tests/Assessments.Load.Tests; do
  run_tests "$project" || status=1
done

# A temp folder of their own: the server's tests check the shared one for staging folders left behind.
mkdir -p "$work/contract-tmp"
TMPDIR="$work/contract-tmp" run_tests tests/Assessments.Contract.Tests "$work/contract.log" &
contract=$!
for project in tests/Assessments.Server.Tests tests/Assessments.Web.Tests; do
  run_tests "$project" || status=1
done
echo "== waiting for tests/Assessments.Contract.Tests (it ran beside the two above)"
wait "$contract" || status=1
tee -a "$log" <"$work/contract.log"

run_tests tests/Assessments.IntegrationTests || status=1

passed=$(grep -oE 'Passed: +[0-9]+' "$log" | awk '{ s += $2 } END { print s + 0 }')
failed=$(grep -oE 'Failed: +[0-9]+' "$log" | awk '{ s += $2 } END { print s + 0 }')
skipped=$(grep -oE 'Skipped: +[0-9]+' "$log" | awk '{ s += $2 } END { print s + 0 }')
echo
echo "tests: $passed passed, $failed failed, $skipped skipped"
if [ "$status" -eq 0 ] && [ "$passed" -eq 0 ]; then
  echo "no test ran" >&2
  exit 1
fi
exit "$status"
