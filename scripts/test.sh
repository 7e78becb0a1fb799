#!/usr/bin/env bash
# Builds the solution once, then runs each test project in turn (unit tests first, the Docker
# integration tests last, so timing-sensitive tests never share the CPUs with image builds), and
# prints one closing line, "N passed, N failed", summed over the projects.
set -uo pipefail
cd "$(dirname "$0")/.."
configuration=${CONFIGURATION:-Release}

log=$(mktemp)
trap 'rm -f "$log"' EXIT
dotnet build Assessments.sln --configuration "$configuration" --nologo -v quiet || exit 1

status=0
for project in tests/Assessments.UnitTests tests/Assessments.Insight.Tests tests/Assessments.Load.Tests tests/Assessments.Contract.Tests tests/Assessments.Server.Tests tests/Assessments.Web.Tests tests/Assessments.IntegrationTests; do
  [ -d "$project" ] || continue
  # The web pages' browser tests drive Debian's chromium (installed when missing).
  if [ "$project" = tests/Assessments.Web.Tests ] && ! scripts/ensure-chromium.sh; then
    status=1
    continue
  fi
  echo "== $project"
  dotnet test "$project" --no-build --configuration "$configuration" --nologo 2>&1 | tee -a "$log"
  [ "${PIPESTATUS[0]}" -eq 0 ] || status=1
done

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
