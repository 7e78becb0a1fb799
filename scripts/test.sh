#!/usr/bin/env bash
# Builds the solution once, runs every test project under tests/ and prints one closing line,
# "tests: N passed, N failed, N skipped", summed over everything that ran; exits non-zero when any
# test failed or a project could not run.
#
# Two phases, so that what measures never shares the CPUs and the rest does not wait for it:
#
#  1. together: every project's tests except those that measure, up to TEST_JOBS projects at once
#     (default 4), each with a temp folder and a grading-slot folder of its own (they build images,
#     wait on Docker, PostgreSQL and Chromium, and count; none of them judges a latency);
#  2. alone: the tests that measure latency or CPU time, one project after another, nothing beside them.
#
# A project whose tests grade side by side in phase 1 (several xUnit collections, or a test that grades
# a few at once) says how many gradings share its grading slot: <TestSlotSeats>4</TestSlotSeats> in its
# .csproj (ASSESS_SLOT_SEATS; stages that measure still take turns alone with the others frozen).
#
# A test says it measures (so runs in phase 2) in one of two ways, which is all a new test needs:
#  - a whole project: <TestSchedule>alone</TestSchedule> in its .csproj (the load engine's tests);
#  - a test class or method: [Trait("Schedule", "Alone")], spelt exactly so (this script greps for it):
#    anything that grades with the load profile (its generator self-check calls a busy host a platform
#    fault), asserts a level that depends on latency, or runs CPU-hungry hostile submissions.
# Everything else runs in phase 1. New projects are found by their .csproj under tests/.
#
# The runner reuses the image of a submission graded before on the same base images (its image cache,
# ASSESS_IMAGE_CACHE_SIZE newest kept): room here for every image one run builds (references, mutants,
# hostile services), so that a reference is built once per run and a warm machine builds only what changed.
set -uo pipefail
cd "$(dirname "$0")/.."
configuration=${CONFIGURATION:-Release}
jobs=${TEST_JOBS:-4}

# Each project's whole output (every test with its duration) stays in out/test-logs after the run.
logs=${TEST_LOGS:-out/test-logs}
rm -rf "$logs"
mkdir -p "$logs"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export ASSESS_IMAGE_CACHE_SIZE=${ASSESS_IMAGE_CACHE_SIZE:-64}
started=$SECONDS
# The build needs none of what `make prepare` installs (Docker engine, base images, PostgreSQL, the
# linter, Chromium), and on a fresh machine each takes minutes: both go at once.
dotnet build Assessments.sln --configuration "$configuration" --nologo -v quiet >"$logs/build.log" 2>&1 &
build=$!
# Before the tests: the engine, the base images and PostgreSQL. The toolchain images (Python, Go,
# Node.js, Java) take three to four minutes on a fresh machine and only a few tests need them, which
# wait for them (the script's lock): they build beside phase 1. Chromium and Spectral are each made
# sure of by the only tests that use them (run_tests below for the web pages' tests; the OpenAPI test).
toolchains=
if make --no-print-directory docker base-images; then
  make --no-print-directory toolchain-images >"$logs/toolchain-images.log" 2>&1 &
  toolchains=$!
fi
if [ -z "$toolchains" ] || ! make --no-print-directory postgres; then
  kill "$build" $toolchains 2>/dev/null
  exit 1
fi
echo "prepare (the toolchain images go on beside the tests): $((SECONDS - started)) s"
if ! wait "$build"; then
  cat "$logs/build.log"
  exit 1
fi
echo "build (beside prepare): $((SECONDS - started)) s"

alone_trait='Trait("Schedule", "Alone")'

# The whole project measures.
project_alone() { grep -q '<TestSchedule>alone</TestSchedule>' "$1"/*.csproj; }

# Some of the project's tests measure.
has_alone_tests() { grep -rqF --include='*.cs' --exclude-dir=bin --exclude-dir=obj "$alone_trait" "$1"; }

# How many of the project's gradings share its grading slot in phase 1: <TestSlotSeats>N</TestSlotSeats>
# in its .csproj, 1 when absent.
slot_seats() { grep -ohE '<TestSlotSeats>[0-9]+</TestSlotSeats>' "$1"/*.csproj | grep -oE '[0-9]+' || echo 1; }

# Sums a count ("Passed: 12") of test run summaries in the given logs.
count() {
  local what=$1
  shift
  cat "$@" | grep -oE "^ *$what: +[0-9]+" | awk '{ s += $2 } END { print s + 0 }'
}

# Runs one project's tests (filter may be empty) into its own log; the summary line goes to the terminal.
run_tests() {
  local project=$1 phase=$2 filter=$3 name log begin rc serial=
  [ "$phase" = alone ] && serial=1
  name=$(basename "$project")
  log="$logs/$phase-$name.log"
  begin=$SECONDS
  # The web pages' browser tests drive Debian's chromium (installed when missing).
  if [ "$name" = Assessments.Web.Tests ] && ! scripts/ensure-chromium.sh >"$log" 2>&1; then
    echo "== $name ($phase): chromium could not be installed" | tee -a "$log"
    echo "$phase $name $((SECONDS - begin)) 1" >>"$work/durations"
    return 1
  fi
  {
    echo "== $project ($phase${filter:+, $filter})"
    # Alone means one test at a time, even across a project's test collections.
    dotnet test "$project" --no-build --configuration "$configuration" --nologo --logger "console;verbosity=normal" ${filter:+--filter "$filter"} \
      ${serial:+-- xUnit.ParallelizeTestCollections=false}
  } >>"$log" 2>&1
  rc=$?
  echo "$phase $name $((SECONDS - begin)) $rc" >>"$work/durations"
  echo "== $name ($phase): $(count Passed "$log") passed, $(count Failed "$log") failed, $(count Skipped "$log") skipped in $((SECONDS - begin)) s"
  if [ "$rc" -ne 0 ]; then
    # The failures in full, so that the run's output says what broke without opening the log.
    grep -vE '^\s*$' "$log" | tail -n 200
  fi
  return "$rc"
}

mkdir -p "$work/tmp" "$work/slots"
touch "$work/durations"
projects=()
for csproj in tests/*/*.csproj; do
  # The test support library (tests/Assessments.Testing) holds no tests.
  grep -q '<IsTestProject>false</IsTestProject>' "$csproj" && continue
  projects+=("$(dirname "$csproj")")
done

# Phase 1: together.
together=()
echo "== phase 1: ${#projects[@]} projects' tests that do not measure, up to $jobs at once"
started=$SECONDS
for project in "${projects[@]}"; do
  project_alone "$project" && continue
  filter=
  has_alone_tests "$project" && filter="Schedule!=Alone"
  # Projects only: the toolchain images' build beside them takes no place. (Not `wait -n`: it could
  # reap that build, whose exit code is needed after phase 1.)
  while [ "$(jobs -rp | grep -cvx "$toolchains")" -ge "$jobs" ]; do
    sleep 1
  done
  name=$(basename "$project")
  mkdir -p "$work/tmp/$name" "$work/slots/$name"
  # Their own temp folder (some tests check it for leftovers) and grading slots (none of them measures,
  # so they need not queue for the host's slots behind each other), seats on them for a project whose
  # test lines grade side by side (a grading holds its seat from build to cleanup: with one seat, the
  # integration project's four lines graded one at a time), and a run label on what their gradings
  # create, so that their checks for leftovers count their own only.
  TMPDIR="$work/tmp/$name" ASSESS_SLOT_DIR="$work/slots/$name" ASSESS_SLOT_SEATS="$(slot_seats "$project")" ASSESS_RUN_LABEL="test-$name-$$" \
    run_tests "$project" together "$filter" &
  together+=($!)
done
for pid in "${together[@]}"; do
  wait "$pid"
done
echo "phase 1: $((SECONDS - started)) s"
if ! wait "$toolchains"; then
  # Phase 2 grades the references in Go and Python; without their images it would only fail.
  cat "$logs/toolchain-images.log"
  exit 1
fi

# Phase 2: alone, one project after another.
echo "== phase 2: tests that measure, alone"
started=$SECONDS
for project in "${projects[@]}"; do
  if project_alone "$project"; then
    run_tests "$project" alone ""
  elif has_alone_tests "$project"; then
    run_tests "$project" alone "Schedule=Alone"
  fi
done
echo "phase 2: $((SECONDS - started)) s"

echo
echo "durations (phase, project, seconds, exit code):"
column -t "$work/durations" 2>/dev/null || cat "$work/durations"
failed_projects=$(awk '$4 != 0' "$work/durations" | wc -l)
passed=$(count Passed "$logs"/*.log)
failed=$(count Failed "$logs"/*.log)
skipped=$(count Skipped "$logs"/*.log)
# The failed tests by name, last, so that the end of the run's output (all that some CI pages keep)
# says what broke.
if [ "$failed" -ne 0 ]; then
  echo
  echo "failed tests (phase-project log: test):"
  # Each with the first lines of its error message: a CI page that keeps only the tail still says why.
  for log in "$logs"/*.log; do
    awk -v name="$(basename "$log" .log)" '
      /^[[:space:]]+Failed [A-Za-z_][A-Za-z0-9_.]+/ { sub(/^[[:space:]]+Failed /, ""); print name ": " $0; message = 0; next }
      /^[[:space:]]+Error Message:/ { message = 1; shown = 0; next }
      /^[[:space:]]+Stack Trace:/ { message = 0; next }
      message && shown < 6 { print "    " substr($0, 1, 300); shown++ }
    ' "$log"
  done
fi
echo
echo "tests: $passed passed, $failed failed, $skipped skipped"
if [ "$failed_projects" -ne 0 ] && [ "$failed" -eq 0 ]; then
  echo "$failed_projects test project(s) did not run to the end (see their output above)" >&2
fi
if [ "$failed_projects" -eq 0 ] && [ "$passed" -eq 0 ]; then
  echo "no test ran" >&2
  exit 1
fi
[ "$failed_projects" -eq 0 ]
