#!/usr/bin/env bash
# Benchmark of the load engine against wrk and hey, in one go on this machine.
# Server pinned to one CPU, every client (engine, wrk, hey) to the other: the same split for all.
# Only loopback is ever targeted. Each run is bounded by its duration.
#   SECONDS_PER_RUN=10 (default)   LONG=1 adds the 10-minute memory run at 5k req/s.
set -euo pipefail
cd "$(dirname "$0")"

RUN=${SECONDS_PER_RUN:-10}
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

# A short warm-up of the server's JIT so the first tool measured is not penalised.
client wrk -t1 -c"$CONNECTIONS" -d3s "$URL" >/dev/null

echo
echo "== closed model, max throughput, ${CONNECTIONS} connections, ${RUN}s, client on CPU ${CLIENT_CPU}, server on CPU ${SERVER_CPU}"
WRK_RPS=$(client wrk -t1 -c"$CONNECTIONS" -d"${RUN}s" "$URL" | awk '/Requests\/sec/ {print $2}')
HEY_RPS=$(client hey -z "${RUN}s" -c "$CONNECTIONS" "$URL" | awk '/Requests\/sec/ {print $2}')
ENGINE_RPS=$(client $BENCH closed "$URL" "$CONNECTIONS" "$RUN" | value rps)
printf "%-8s %12s req/s\n" wrk "$WRK_RPS" hey "$HEY_RPS" engine "$ENGINE_RPS"
awk -v e="$ENGINE_RPS" -v w="$WRK_RPS" -v h="$HEY_RPS" 'BEGIN { printf "ratio engine/wrk = %.3f (target >= 0.8)   engine/hey = %.3f\n", e / w, e / h }'

echo
echo "== open model, rate accuracy and dispatch lag, ${RUN}s measured after 2s warm-up"
printf "%-7s %-7s %10s %10s %10s %10s %10s %7s\n" tool target started error lag_p50 lag_p99 p99_ms valid
for RATE in 1000 5000 10000; do
  OUT=$(client $BENCH open "$URL" "$RATE" "$RUN" 2)
  printf "%-7s %-7s %10s %10s %10s %10s %10s %7s\n" engine "$RATE" \
    "$(echo "$OUT" | value started_rps)" "$(echo "$OUT" | value rate_error)" \
    "$(echo "$OUT" | value lag_p50_ms)" "$(echo "$OUT" | value lag_p99_ms)" \
    "$(echo "$OUT" | value p99_ms)" "$(echo "$OUT" | value valid)"
  echo "$OUT" | grep '^invalid_reason=' | sed 's/^/        /' || true
  # hey's nearest equivalent: a per-worker rate limit (-q) over 50 workers; closed loop underneath.
  HEY_OUT=$(client hey -z "${RUN}s" -c 50 -q $((RATE / 50)) "$URL")
  HEY_ACHIEVED=$(echo "$HEY_OUT" | awk '/Requests\/sec/ {print $2}')
  awk -v a="$HEY_ACHIEVED" -v t="$RATE" 'BEGIN { printf "%-7s %-7s %10.1f %10.6f %10s %10s %10s %7s\n", "hey -q", t, a, (a - t) / t, "n/a", "n/a", "n/a", "n/a" }'
done
echo "(wrk has no open-model mode; wrk2, which does, is not packaged in Debian.)"

if [ "${LONG:-0}" = "1" ]; then
  echo
  echo "== memory over a 10-minute open-model run at 5000 req/s"
  client $BENCH soak "$URL" 5000 600
fi
