#!/usr/bin/env bash
# MI requests per second: HTTP (wrk, keep-alive, POST /mi) against the UDP datagram MI (mibench) of the same evi4j
# launcher, in the same run, alternating, ROUNDS rounds, 1 and 4 concurrent clients, method "version" on both.
# Not part of the build or CI.
#
#   benchmarks/http-vs-datagram.sh                 # needs launcher/target/evi4j.jar, wrk, gcc
#   ROUNDS=5 SECONDS_PER_RUN=10 benchmarks/http-vs-datagram.sh
#
# Environment: ROUNDS (3), SECONDS_PER_RUN for wrk (5), N1 / N4 requests per mibench client (20000 / 8000),
# EVI4J_JAR (launcher/target/evi4j.jar), MIBENCH_SRC (../shared/tools/mibench.c), EVI4J_JAVA_OPTS.
set -euo pipefail

ROUNDS=${ROUNDS:-3}
SECONDS_PER_RUN=${SECONDS_PER_RUN:-5}
N1=${N1:-20000}
N4=${N4:-8000}
EVI4J_JAVA_OPTS=${EVI4J_JAVA_OPTS:-}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
JAR=${EVI4J_JAR:-$ROOT/launcher/target/evi4j.jar}
MIBENCH_SRC=${MIBENCH_SRC:-$ROOT/../shared/tools/mibench.c}
LUA=$ROOT/benchmarks/http/mi-post.lua
WORK=$(mktemp -d /tmp/hvd.XXXXXX)
PID=""
cleanup() {
  [[ -n $PID ]] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
# shellcheck source=benchmarks/http/launcher.sh
. "$ROOT/benchmarks/http/launcher.sh"
UDP_PORT=$(free_port)
HTTP_PORT=$(free_port)
mkdir -p "$WORK/etc"
echo "socket_name = udp:127.0.0.1:$UDP_PORT" > "$WORK/etc/org.evi4j.mi.datagram-udp.cfg"
gcc -O2 -o "$WORK/mibench" "$MIBENCH_SRC"
start_launcher "$HTTP_PORT"
log "evi4j up: UDP MI 127.0.0.1:$UDP_PORT, HTTP 127.0.0.1:$HTTP_PORT; warm-up"
wrk -t1 -c1 -d3s -s "$LUA" "http://127.0.0.1:$HTTP_PORT/mi" >/dev/null
"$WORK/mibench" udp 127.0.0.1 "$UDP_PORT" 20000 1 version >/dev/null

wrk_rps() { wrk -t"$1" -c"$2" -d"${SECONDS_PER_RUN}s" -s "$LUA" "http://127.0.0.1:$HTTP_PORT/mi" \
  | awk '/Requests\/sec/ {printf "%d", $2} /Non-2xx/ {print "non-2xx!" > "/dev/stderr"}'; }
udp_rps() { "$WORK/mibench" udp 127.0.0.1 "$UDP_PORT" "$1" "$2" version | grep -o 'req_per_s=[0-9.]*' | cut -d= -f2 \
  | awk '{printf "%d", $1}'; }

printf '%-6s %12s %12s %12s %12s\n' round http-c1 udp-c1 http-c4 udp-c4
for r in $(seq 1 "$ROUNDS"); do
  h1=$(wrk_rps 1 1); u1=$(udp_rps "$N1" 1); h4=$(wrk_rps 2 4); u4=$(udp_rps "$N4" 4)
  printf '%-6s %12s %12s %12s %12s\n' "$r" "$h1" "$u1" "$h4" "$u4"
done
