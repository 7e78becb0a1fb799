#!/usr/bin/env bash
# Grading benchmark (issue #22): grades each challenge's senior reference ROUNDS times on a quiet
# machine, then ROUNDS times with a CPU hog (a busy loop pinned to core HOG_CPU, started and stopped
# here), and prints level and score per round, the spread per challenge, platform faults, and wall
# time per phase and per scenario (from report.json's timings).
#
#   bench/grading/run.sh [challenge…]        default: api-design caching queues
#   ROUNDS=5 HOG_CPU=0 OUT=out/bench-grading bench/grading/run.sh
#
# Needs a built CLI (make build), the Docker engine and jq. The first grading of a challenge on a
# machine also measures the reference baseline (cached afterwards); the quiet rounds come first so
# that it is measured on a quiet machine.
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v jq >/dev/null || { echo "bench-grading needs jq (apt-get install jq)" >&2; exit 2; }
ROUNDS=${ROUNDS:-5}
HOG_CPU=${HOG_CPU:-0}
OUT=${OUT:-out/bench-grading}
CONFIGURATION=${CONFIGURATION:-Release}
ASSESS="dotnet src/Assessments.Cli/bin/$CONFIGURATION/net10.0/assess.dll"
challenges=("$@")
[ ${#challenges[@]} -gt 0 ] || challenges=(api-design caching queues)
[ -f "src/Assessments.Cli/bin/$CONFIGURATION/net10.0/assess.dll" ] || { echo "build the CLI first: make build" >&2; exit 2; }

hog_pid=
start_hog() {
  # A shell busy loop on one core: other work beside the grading, as on a shared host.
  taskset -c "$HOG_CPU" sh -c 'while :; do :; done' &
  hog_pid=$!
}
stop_hog() {
  if [ -n "$hog_pid" ]; then kill "$hog_pid" 2>/dev/null || true; wait "$hog_pid" 2>/dev/null || true; hog_pid=; fi
}
trap stop_hog EXIT INT TERM

mkdir -p "$OUT"
results="$OUT/results.tsv"
printf 'challenge\tphase\tround\tstatus\tlevel\tscore\twall_s\tretries\treport\n' > "$results"
echo "grading benchmark: ${challenges[*]}, $ROUNDS quiet + $ROUNDS with a CPU hog on core $HOG_CPU ($(nproc) CPUs)"
printf '%-11s %-5s %5s %-21s %-11s %5s %7s %7s\n' challenge phase round status level score wall_s retries
for challenge in "${challenges[@]}"; do
  for phase in quiet hog; do
    [ "$phase" = hog ] && start_hog
    for round in $(seq 1 "$ROUNDS"); do
      dir="$OUT/$challenge/$phase-$round"
      rm -rf "$dir"; mkdir -p "$dir"
      started=$(date +%s%N)
      set +e
      $ASSESS grade --challenge "$challenge" --submission "challenges/$challenge/reference/senior" --out "$dir" >"$dir/stdout.txt" 2>"$dir/stderr.txt"
      code=$?
      set -e
      wall_ms=$(( ($(date +%s%N) - started) / 1000000 ))
      wall=$(printf '%d.%01d' $((wall_ms / 1000)) $(((wall_ms % 1000) / 100)))
      # The CLI grades again after a platform fault; each retry it announces is a platform fault too.
      retries=$(grep -c 'platform fault' "$dir/stderr.txt" || true)
      if [ -f "$dir/report.json" ]; then
        read -r status level score < <(jq -r '[.status, .level, .score] | @tsv' "$dir/report.json")
      else
        status="no-report(exit $code)"; level=-; score=-
      fi
      printf '%-11s %-5s %5s %-21s %-11s %5s %7.1f %7s\n' "$challenge" "$phase" "$round" "$status" "$level" "$score" "$wall" "$retries"
      printf '%s\t%s\t%s\t%s\t%s\t%s\t%.1f\t%s\t%s\n' "$challenge" "$phase" "$round" "$status" "$level" "$score" "$wall" "$retries" "$dir/report.json" >> "$results"
    done
    [ "$phase" = hog ] && stop_hog
  done
done

echo
echo "per challenge: levels seen, score spread (max - min), platform faults (infrastructure_error reports + retries)"
for challenge in "${challenges[@]}"; do
  awk -F'\t' -v c="$challenge" 'NR > 1 && $1 == c {
      levels[$5] = 1; if ($6 != "-") { if (min == "" || $6 < min) min = $6; if (max == "" || $6 > max) max = $6 }
      faults += ($4 == "infrastructure_error") + $8 + ($4 ~ /^no-report/) }
    END { l = ""; for (k in levels) l = l (l == "" ? "" : ",") k
      printf "  %-11s levels=%s spread=%s faults=%d\n", c, l, (min == "" ? "-" : max - min), faults }' "$results"
done

echo
echo "mean wall time per phase (s), from report.json timings"
for challenge in "${challenges[@]}"; do
  for phase in quiet hog; do
    files=$(awk -F'\t' -v c="$challenge" -v p="$phase" 'NR > 1 && $1 == c && $2 == p { print $9 }' "$results" | while read -r f; do [ -f "$f" ] && echo "$f"; done)
    [ -n "$files" ] || continue
    # shellcheck disable=SC2086
    jq -rs --arg c "$challenge" --arg p "$phase" '
      (map(.timings.phasesMs) | add | keys_unsorted) as $keys
      | [$keys[] as $k | "\($k) \((map(.timings.phasesMs[$k] // 0) | add / length / 1000 * 10 | round / 10))"]
      | "  \($c) \($p): " + join(", ")' $files
    jq -rs --arg c "$challenge" --arg p "$phase" '
      "  \($c) \($p): end to end \((map(.timings.totalMs) | add / length / 1000 * 10 | round / 10)) s" +
      (if (map(.timings.baselineMs // empty) | length) > 0 then ", of which measuring the reference \((map(.timings.baselineMs // 0) | add / length / 1000 * 10 | round / 10)) s" else "" end)' $files
  done
done

echo
echo "mean wall time per scenario (s), quiet and hog rounds together"
for challenge in "${challenges[@]}"; do
  files=$(awk -F'\t' -v c="$challenge" 'NR > 1 && $1 == c { print $9 }' "$results" | while read -r f; do [ -f "$f" ] && echo "$f"; done)
  [ -n "$files" ] || continue
  # shellcheck disable=SC2086
  jq -rs --arg c "$challenge" '
    [.[].timings.scenarios // [] | .[]] | group_by(.id)
    | map({ id: .[0].id, s: (map(.ms) | add / length / 1000) }) | sort_by(-.s)
    | "  \($c): " + (map("\(.id) \(.s * 100 | round / 100)") | join(", "))' $files
done
echo
echo "rows: $results"
