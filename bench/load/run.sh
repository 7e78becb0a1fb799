#!/usr/bin/env bash
# Benchmark of the load engine against wrk and hey, in one go on this machine.
# Server pinned to one CPU, every client (engine, wrk, hey) to the other: the same split for all.
# The machine is shared, so every configuration runs RUNS times, the tools interleaved within each
# round, and the spread is printed (min / median / max) rather than one lucky or unlucky figure.
# Only loopback is ever targeted. Each run is bounded by its duration.
#   SECONDS_PER_RUN=10 (default)   RUNS=3 (default)   LONG=1 adds the 10-minute memory run at 5k req/s.
set -euo pipefail
cd "$(dirname "$0")"

RUN=${SECONDS_PER_RUN:-10}
RUNS=${RUNS:-3}
PORT=${PORT:-18181}
URL="http://127.0.0.1:${PORT}/"
SERVER_CPU=1
CLIENT_CPU=0
CONNECTIONS=64

need() { command -v "$1" >/dev/null 2>&1; }
if ! need wrk || ! need hey; then
  echo "installing wrk and hey (Debian packages)"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk hey) >/dev/null
fi

echo "building the benchmark (Release)"
dotnet build -c Release -v q --nologo Assessments.Bench.Load/Assessments.Bench.Load.csproj >/dev/null
BENCH="dotnet Assessments.Bench.Load/bin/Release/net10.0/Assessments.Bench.Load.dll"

taskset -c "$SERVER_CPU" $BENCH serve "$PORT" >/dev/null 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -fs "$URL" >/dev/null 2>&1 && break; sleep 0.2; done
curl -fs "$URL" >/dev/null || { echo "server did not start"; exit 1; }

client() { taskset -c "$CLIENT_CPU" "$@"; }
value() { grep -E "^$1=" | head -1 | cut -d= -f2; }
served() { curl -fs "http://127.0.0.1:${PORT}/served"; }
# min / median / max of the numbers on stdin
spread() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) { print "n/a"; exit } printf "%s / %s / %s", v[1], (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2), v[NR] }'; }

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

# A short warm-up of the server's JIT so the first tool measured is not penalised.
client wrk -t1 -c"$CONNECTIONS" -d3s "$URL" >/dev/null

echo
echo "== closed model, max throughput, ${CONNECTIONS} connections, ${RUN}s, client on CPU ${CLIENT_CPU}, server on CPU ${SERVER_CPU}, ${RUNS} rounds"
printf "%-6s %10s %10s %10s %14s %14s %12s\n" round wrk hey engine engine/wrk engine/hey engine_check
: > /tmp/bench-load-ratio.$$
for ROUND in $(seq "$RUNS"); do
  WRK_RPS=$(client wrk -t1 -c"$CONNECTIONS" -d"${RUN}s" "$URL" | awk '/Requests\/sec/ {print $2}')
  HEY_RPS=$(client hey -z "${RUN}s" -c "$CONNECTIONS" "$URL" | awk '/Requests\/sec/ {print $2}')
  BEFORE=$(served)
  ENGINE_OUT=$(client $BENCH closed "$URL" "$CONNECTIONS" "$RUN")
  AFTER=$(served)
  ENGINE_RPS=$(echo "$ENGINE_OUT" | value rps)
  # Every request the engine counted must have reached the server (which also saw warm-up and drain).
  CHECK=$(awk -v c="$(echo "$ENGINE_OUT" | value requests)" -v s="$((AFTER - BEFORE))" -v e="$(echo "$ENGINE_OUT" | value errors)" \
    'BEGIN { print (c <= s && e == 0) ? "ok" : "MISMATCH" }')
  awk -v r="$ROUND" -v w="$WRK_RPS" -v h="$HEY_RPS" -v e="$ENGINE_RPS" -v c="$CHECK" \
    'BEGIN { printf "%-6s %10.0f %10.0f %10.0f %14.3f %14.3f %12s\n", r, w, h, e, e / w, e / h, c }'
  awk -v w="$WRK_RPS" -v e="$ENGINE_RPS" 'BEGIN { printf "%.3f\n", e / w }' >> /tmp/bench-load-ratio.$$
done
echo "ratio engine/wrk min / median / max = $(spread < /tmp/bench-load-ratio.$$)   (target >= 0.8)"
rm -f /tmp/bench-load-ratio.$$

echo
echo "== open model, rate accuracy and dispatch lag, ${RUN}s measured after 2s warm-up, ${RUNS} rounds per rate"
printf "%-7s %-7s %-6s %10s %10s %9s %9s %9s %9s %6s\n" tool target round started error lag_p50 lag_p99 lag_max p99_ms valid
for RATE in 1000 5000 10000; do
  : > /tmp/bench-load-error.$$
  : > /tmp/bench-load-lag.$$
  for ROUND in $(seq "$RUNS"); do
    OUT=$(client $BENCH open "$URL" "$RATE" "$RUN" 2)
    printf "%-7s %-7s %-6s %10s %10s %9s %9s %9s %9s %6s\n" engine "$RATE" "$ROUND" \
      "$(echo "$OUT" | value started_rps)" "$(echo "$OUT" | value rate_error)" \
      "$(echo "$OUT" | value lag_p50_ms)" "$(echo "$OUT" | value lag_p99_ms)" "$(echo "$OUT" | value lag_max_ms)" \
      "$(echo "$OUT" | value p99_ms)" "$(echo "$OUT" | value valid)"
    echo "$OUT" | grep '^invalid_reason=' | sed 's/^/        /' || true
    echo "$OUT" | value rate_error | tr -d - >> /tmp/bench-load-error.$$
    echo "$OUT" | value lag_p99_ms >> /tmp/bench-load-lag.$$
    # hey's nearest equivalent: a per-worker rate limit (-q) over 50 workers; closed loop underneath.
    HEY_OUT=$(client hey -z "${RUN}s" -c 50 -q $((RATE / 50)) "$URL")
    HEY_ACHIEVED=$(echo "$HEY_OUT" | awk '/Requests\/sec/ {print $2}')
    awk -v a="$HEY_ACHIEVED" -v t="$RATE" -v r="$ROUND" \
      'BEGIN { printf "%-7s %-7s %-6s %10.1f %10.6f %9s %9s %9s %9s %6s\n", "hey -q", t, r, a, (a - t) / t, "n/a", "n/a", "n/a", "n/a", "n/a" }'
  done
  echo "engine at ${RATE}: |rate error| min / median / max = $(spread < /tmp/bench-load-error.$$) (target <= 0.01);" \
    "lag p99 ms = $(spread < /tmp/bench-load-lag.$$)$([ "$RATE" = 5000 ] && echo ' (target <= 1)')"
  rm -f /tmp/bench-load-error.$$ /tmp/bench-load-lag.$$
done
echo "(wrk has no open-model mode; wrk2, which does, is not packaged in Debian.)"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

if [ "${LONG:-0}" = "1" ]; then
  echo
  echo "== memory over a 10-minute open-model run at 5000 req/s"
  client $BENCH soak "$URL" 5000 600
fi
