#!/usr/bin/env bash
# Does the web console's live tail slow raise? Raises per second (wrk, POST /mi raise_event E_BENCH, keep-alive,
# flat out) on one evi4j launcher, alternating rounds WITHOUT and WITH a live tail client (curl reading
# /console/events, as a browser's EventSource does) attached, in the same run. Also counts the events the tail client
# was shown and the ones sampled out. Not part of the build or CI.
#
#   benchmarks/console-tail.sh                      # needs launcher/target/evi4j.jar, wrk, curl, python3
#   ROUNDS=5 SECONDS_PER_RUN=5 CONNECTIONS=2 benchmarks/console-tail.sh
set -euo pipefail

ROUNDS=${ROUNDS:-5}
SECONDS_PER_RUN=${SECONDS_PER_RUN:-5}
CONNECTIONS=${CONNECTIONS:-2}
EVI4J_JAVA_OPTS=${EVI4J_JAVA_OPTS:-}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
JAR=${EVI4J_JAR:-$ROOT/launcher/target/evi4j.jar}
LUA=$ROOT/benchmarks/http/raise.lua
WORK=$(mktemp -d /tmp/ctail.XXXXXX)
PID=""
TAIL_PID=""
cleanup() {
  [[ -n $TAIL_PID ]] && kill "$TAIL_PID" 2>/dev/null || true
  [[ -n $PID ]] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
# shellcheck source=benchmarks/http/launcher.sh
. "$ROOT/benchmarks/http/launcher.sh"
HTTP_PORT=$(free_port)
SINK_PORT=$(free_port)
MI="http://127.0.0.1:$HTTP_PORT/mi"
mkdir -p "$WORK/etc"
echo "published_events = E_BENCH" > "$WORK/etc/org.evi4j.core.cfg"
start_launcher "$HTTP_PORT"
post() { curl -s -H 'Content-Type: application/json' -d "$1" "$MI"; }
# one subscriber, so that the MI raises (480 without one) and every raise is encoded and sent (to a port nobody reads)
post "{\"jsonrpc\":\"2.0\",\"method\":\"event_subscribe\",\"params\":[\"E_BENCH\",\"udp:127.0.0.1:$SINK_PORT\"],\"id\":1}" >/dev/null
log "evi4j up: HTTP 127.0.0.1:$HTTP_PORT; warm-up"
wrk -t1 -c"$CONNECTIONS" -d3s -s "$LUA" "$MI" >/dev/null

raises() { wrk -t1 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" -s "$LUA" "$MI" \
  | awk '/Requests\/sec/ {printf "%d", $2} /Non-2xx/ {print "non-2xx!" > "/dev/stderr"}'; }

printf '%-6s %14s %14s %16s %16s\n' round raise/s-none raise/s-tail tail-shown/s tail-sampled/s
for r in $(seq 1 "$ROUNDS"); do
  none=$(raises)
  curl -sN "http://127.0.0.1:$HTTP_PORT/console/events" > "$WORK/tail.txt" &
  TAIL_PID=$!
  sleep 0.5
  with=$(raises)
  kill "$TAIL_PID"; wait "$TAIL_PID" 2>/dev/null || true; TAIL_PID=""
  read -r shown sampled < <(python3 - "$WORK/tail.txt" "$SECONDS_PER_RUN" <<'PY'
import json, sys
shown = sampled = 0
for line in open(sys.argv[1]):
    if line.startswith('data: {"skipped"'):
        d = json.loads(line[6:])
        shown += len(d["events"]); sampled += d["skipped"]
secs = float(sys.argv[2]) + 0.5
print(int(shown / secs), int(sampled / secs))
PY
)
  printf '%-6s %14s %14s %16s %16s\n' "$r" "$none" "$with" "$shown" "$sampled"
done
