#!/usr/bin/env bash
# Durable subscriptions (issue #14), all in one run on one folder: the raw append+force loop; durable subscribe
# calls on the real core from 1 thread and from 4 (no MI); the launcher (children_count = 4 on a UDP MI) with
# event_subscribe round trips from 1 client and from 4 clients at once.
# Every subscribe is a journal record forced before the reply. Not part of the build or CI; needs
# `mvn -B -DskipTests package` first.
#
#   benchmarks/durability.sh                    # DIR=benchmarks/target/durability COUNT=2000 ROUNDS=3 WINDOW=0
#   DIR=/var/tmp/evi ROUNDS=5 WINDOW=500 benchmarks/durability.sh   # WINDOW: the core's commit_window_us
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH="java -cp $ROOT/benchmarks/target/benchmarks.jar org.evi4j.benchmarks.Bench"
DIR=${DIR:-$ROOT/benchmarks/target/durability}
COUNT=${COUNT:-2000}
ROUNDS=${ROUNDS:-3}
PORT=${PORT:-18080}
WINDOW=${WINDOW:-0}
rm -rf "$DIR" && mkdir -p "$DIR/etc"
cat > "$DIR/etc/org.evi4j.core.cfg" <<CFG
published_events = E_DEMO
commit_window_us = $WINDOW
CFG
cat > "$DIR/etc/org.evi4j.mi.datagram-udp.cfg" <<CFG
socket_name = udp:127.0.0.1:$PORT
children_count = 4
CFG
java -jar "$ROOT/launcher/target/evi4j.jar" run --etc "$DIR/etc" --data "$DIR/data" > "$DIR/runtime.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null || true' EXIT
until java -jar "$ROOT/launcher/target/evi4j.jar" mi --socket "udp:127.0.0.1:$PORT" version > /dev/null 2>&1; do
  sleep 0.2
done
df -T "$DIR" | tail -1 | awk '{print "# file system: " $2 " on " $1}'
echo "# commit_window_us = $WINDOW, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
$BENCH subscribe --socket "udp:127.0.0.1:$PORT" --count 200 --clients 4 > /dev/null   # warm-up
for r in $(seq 1 "$ROUNDS"); do
  echo "# round $r"
  $BENCH fsync --dir "$DIR/data" --count "$COUNT"
  $BENCH commit --dir "$DIR/data" --count "$COUNT" --clients 1 2>/dev/null
  $BENCH commit --dir "$DIR/data" --count "$((COUNT / 4))" --clients 4 2>/dev/null
  $BENCH subscribe --socket "udp:127.0.0.1:$PORT" --count "$COUNT" --clients 1
  $BENCH subscribe --socket "udp:127.0.0.1:$PORT" --count "$((COUNT / 4))" --clients 4
done
