#!/usr/bin/env bash
# evi4j vs Kamailio (jsonrpcs) on the MI datagram path: the same C client (mibench), the same machine, the same
# run, servers measured alternately, medians of several rounds. Not part of the build or CI.
#
#   benchmarks/kamailio-vs-evi4j.sh                      # defaults below
#   ROUNDS=7 WORKERS=2 PIN="taskset -c 1" benchmarks/kamailio-vs-evi4j.sh
#
# Installs Kamailio from Debian packages if missing (apt-get, needs root), builds mibench with gcc, starts Kamailio
# (jsonrpcs on a loopback UDP datagram socket, method core.uptime) and evi4j (the launcher jar if built, else the
# plain-Java server in benchmarks.jar; method uptime), runs mibench with 1 client and with 4 clients against each,
# alternating, prints a table, and stops everything it started (also on Ctrl-C or error).
#
# Environment: ROUNDS (5), N1 requests for 1 client (20000), N4 requests per client for 4 clients (5000),
# WORKERS reader threads / worker processes on each server (1, both defaults; evi4j children_count = Kamailio dgram_workers),
# PIN prefix for the client (e.g. "taskset -c 1"), SERVER_PIN prefix for both servers (e.g. "taskset -c 0"),
# EVI4J=launcher|serve (default: launcher when launcher/target/evi4j.jar exists), EVI4J_JAR (the launcher jar to
# run, default launcher/target/evi4j.jar), BASELINE_JAR (a second launcher jar, e.g. a build from before a change:
# run on EVI_PORT + 2 as server "before" and measured in the same rounds, rotating with the other two),
# EVI4J_JAVA_OPTS, EVI_PORT (18080), KAM_PORT (18090), MIBENCH_SRC (../shared/tools/mibench.c next to the project),
# EVI4J_MI_CFG / BASELINE_MI_CFG: extra lines for the MI socket's .cfg of the evi4j / "before" server (e.g.
# 'busy_poll_us = 0', to compare two settings of one jar in the same rounds).
set -euo pipefail

ROUNDS=${ROUNDS:-5}
N1=${N1:-20000}
N4=${N4:-5000}
WORKERS=${WORKERS:-1}
PIN=${PIN:-}
SERVER_PIN=${SERVER_PIN:-}
EVI_PORT=${EVI_PORT:-18080}
KAM_PORT=${KAM_PORT:-18090}
EVI4J_JAVA_OPTS=${EVI4J_JAVA_OPTS:-}
EVI4J_MI_CFG=${EVI4J_MI_CFG:-}
BASELINE_MI_CFG=${BASELINE_MI_CFG:-}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
MIBENCH_SRC=${MIBENCH_SRC:-$ROOT/../shared/tools/mibench.c}
LAUNCHER_JAR=${EVI4J_JAR:-$ROOT/launcher/target/evi4j.jar}
BASELINE_JAR=${BASELINE_JAR:-}
BASE_PORT=$((EVI_PORT + 2))
BENCH_JAR=$ROOT/benchmarks/target/benchmarks.jar
if [[ -z "${EVI4J:-}" ]]; then
  if [[ -f $LAUNCHER_JAR ]]; then EVI4J=launcher; else EVI4J=serve; fi
fi

WORK=$(mktemp -d /tmp/kve.XXXXXX)
EVI_PID=""
BASE_PID=""
KAM_PID=""
cleanup() {
  [[ -n $EVI_PID ]] && kill "$EVI_PID" 2>/dev/null && wait "$EVI_PID" 2>/dev/null || true
  [[ -n $BASE_PID ]] && kill "$BASE_PID" 2>/dev/null && wait "$BASE_PID" 2>/dev/null || true
  if [[ -f $WORK/kamailio.pid ]]; then kill "$(cat "$WORK/kamailio.pid")" 2>/dev/null || true; fi
  [[ -n $KAM_PID ]] && kill "$KAM_PID" 2>/dev/null || true
  sleep 0.3
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

log() { echo "# $*" >&2; }

# --- 1. Kamailio -----------------------------------------------------------------------------------------------
if ! command -v kamailio >/dev/null 2>&1; then
  log "installing kamailio (Debian package; jsonrpcs is in the base package)"
  SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO=sudo
  $SUDO apt-get install -y kamailio >/dev/null || { $SUDO apt-get update >/dev/null && $SUDO apt-get install -y kamailio >/dev/null; }
fi
KAM_MODULES=$(dirname "$(find /usr/lib -name jsonrpcs.so -path '*kamailio*' | head -1)")
[[ -n $KAM_MODULES && -f $KAM_MODULES/jsonrpcs.so ]] || { echo "kamailio jsonrpcs.so not found" >&2; exit 1; }

# --- 2. the client ---------------------------------------------------------------------------------------------
gcc -O2 -o "$WORK/mibench" "$MIBENCH_SRC"
MIBENCH=$WORK/mibench

# answers 1 request? (an unbound port fails at once, so polling is quick)
answers() { $MIBENCH udp 127.0.0.1 "$1" 1 1 "$2" 2>/dev/null | grep -q ' ok=1 '; }
wait_for() { # port method what -> prints ms waited
  local start=$1 port=$2 method=$3
  for _ in $(seq 1 600); do
    if answers "$port" "$method"; then echo $(( ($(date +%s%N) - start) / 1000000 )); return 0; fi
    sleep 0.02
  done
  echo "no answer on port $port" >&2; return 1
}

# --- 3. Kamailio, started -------------------------------------------------------------------------------------
cat > "$WORK/kamailio.cfg" <<EOF
#!KAMAILIO
debug=1
log_stderror=yes
fork=yes
children=1
auto_aliases=no
listen=udp:127.0.0.1:$((KAM_PORT + 1))
mpath="$KAM_MODULES/"
loadmodule "jsonrpcs.so"
modparam("jsonrpcs", "transport", 4)
modparam("jsonrpcs", "pretty_format", 0)
modparam("jsonrpcs", "dgram_socket", "udp:127.0.0.1:$KAM_PORT")
modparam("jsonrpcs", "dgram_workers", $WORKERS)
request_route { drop; }
EOF
START=$(date +%s%N)
$SERVER_PIN kamailio -f "$WORK/kamailio.cfg" -P "$WORK/kamailio.pid" -Y "$WORK" -m 64 -M 8 -w "$WORK" \
  >"$WORK/kamailio.log" 2>&1 &
KAM_PID=$!
KAM_UP=$(wait_for "$START" "$KAM_PORT" core.uptime) || { cat "$WORK/kamailio.log" >&2; exit 1; }
KAM_VERSION=$(kamailio -v 2>/dev/null | head -1)
log "kamailio ($KAM_VERSION) answering after ${KAM_UP} ms, dgram_workers=$WORKERS"

# --- 4. evi4j, started ----------------------------------------------------------------------------------------
launch() { # jar name port [extra cfg lines] -> starts the launcher in the background ($! = its pid)
  local jar=$1 name=$2 port=$3 extra=${4:-}
  cp "$jar" "$WORK/$name.jar"   # a copy: a rebuild during the run must not pull the jar away
  mkdir -p "$WORK/$name-etc"
  printf 'persist = false\n' > "$WORK/$name-etc/org.evi4j.core.cfg"
  printf 'socket_name = udp:127.0.0.1:%s\nchildren_count = %s\n' "$port" "$WORKERS" \
    > "$WORK/$name-etc/org.evi4j.mi.datagram-udp.cfg"
  if [[ -n $extra ]]; then printf '%s\n' "$extra" >> "$WORK/$name-etc/org.evi4j.mi.datagram-udp.cfg"; fi
  # shellcheck disable=SC2086
  $SERVER_PIN java $EVI4J_JAVA_OPTS -jar "$WORK/$name.jar" --etc "$WORK/$name-etc" --data "$WORK/$name-data" \
    --log-level warn >"$WORK/$name.log" 2>&1 &
}
if [[ $EVI4J == launcher ]]; then
  START=$(date +%s%N)
  launch "$LAUNCHER_JAR" evi4j "$EVI_PORT" "$EVI4J_MI_CFG"
  EVI_PID=$!
else
  START=$(date +%s%N)
  # shellcheck disable=SC2086
  $SERVER_PIN java $EVI4J_JAVA_OPTS -cp "$BENCH_JAR" org.evi4j.benchmarks.Bench serve \
    --socket "udp:127.0.0.1:$EVI_PORT" --children "$WORKERS" >"$WORK/evi4j.log" 2>&1 &
  EVI_PID=$!
fi
EVI_UP=$(wait_for "$START" "$EVI_PORT" uptime) || { cat "$WORK/evi4j.log" >&2; exit 1; }
log "evi4j ($EVI4J) answering after ${EVI_UP} ms (process start to first MI reply), children_count=$WORKERS"
SERVERS="evi4j kamailio"
if [[ -n $BASELINE_JAR ]]; then
  START=$(date +%s%N)
  launch "$BASELINE_JAR" before "$BASE_PORT" "$BASELINE_MI_CFG"
  BASE_PID=$!
  BASE_UP=$(wait_for "$START" "$BASE_PORT" uptime) || { cat "$WORK/before.log" >&2; exit 1; }
  log "before ($BASELINE_JAR) answering after ${BASE_UP} ms"
  SERVERS="evi4j kamailio before"
fi

# --- 5. warm-up (the JIT compiles evi4j's MI path; Kamailio gets the same treatment) ----------------------------
log "warm-up"
for _ in 1 2; do
  $PIN "$MIBENCH" udp 127.0.0.1 "$EVI_PORT" 20000 1 uptime >/dev/null
  $PIN "$MIBENCH" udp 127.0.0.1 "$EVI_PORT" 5000 4 uptime >/dev/null
  $PIN "$MIBENCH" udp 127.0.0.1 "$KAM_PORT" 20000 1 core.uptime >/dev/null
  if [[ -n $BASELINE_JAR ]]; then
    $PIN "$MIBENCH" udp 127.0.0.1 "$BASE_PORT" 20000 1 uptime >/dev/null
    $PIN "$MIBENCH" udp 127.0.0.1 "$BASE_PORT" 5000 4 uptime >/dev/null
  fi
done

# --- 6. rounds, alternating which server goes first ------------------------------------------------------------
RESULTS=$WORK/results.txt
: > "$RESULTS"
run() { # server conc
  local server=$1 conc=$2 port method n line
  case $server in
    evi4j) port=$EVI_PORT; method=uptime ;;
    before) port=$BASE_PORT; method=uptime ;;
    *) port=$KAM_PORT; method=core.uptime ;;
  esac
  if [[ $conc == 1 ]]; then n=$N1; else n=$N4; fi
  line=$($PIN "$MIBENCH" udp 127.0.0.1 "$port" "$n" "$conc" "$method")
  echo "$server $conc $line" >> "$RESULTS"
  log "$server c=$conc: $line"
}
for r in $(seq 1 "$ROUNDS"); do
  # rotate which server goes first (with two: alternate)
  order=$(echo $SERVERS | awk -v r="$r" '{n=NF; s=""; for (i=0; i<n; i++) s=s" "$(((r-1+i)%n)+1); print s}')
  for conc in 1 4; do
    for s in $order; do run "$s" "$conc"; done
  done
done

# --- 7. table ----------------------------------------------------------------------------------------------------
field() { sed -n "s/.* $1=\([0-9.]*\).*/\1/p"; }
median() { sort -n | awk '{v[NR]=$1} END {if (NR==0) print "-"; else if (NR%2) print v[(NR+1)/2]; else printf "%.1f\n", (v[NR/2]+v[NR/2+1])/2}'; }
med() { grep "^$1 $2 " "$RESULTS" | field "$3" | median; }
timeouts() { grep "^$1 $2 " "$RESULTS" | field timeouts | awk '{s+=$1} END {print s+0}'; }
echo
echo "machine: $(nproc) vCPU, $(uname -r), load $(cut -d' ' -f1-3 /proc/loadavg); rounds=$ROUNDS workers=$WORKERS pin='${PIN}' server_pin='${SERVER_PIN}' evi4j=$EVI4J"
[[ -n $EVI4J_MI_CFG$BASELINE_MI_CFG ]] && echo "evi4j MI cfg extra: '${EVI4J_MI_CFG}', before MI cfg extra: '${BASELINE_MI_CFG}'"
echo "startup to first MI reply: evi4j ${EVI_UP} ms, kamailio ${KAM_UP} ms"
printf '| clients | server | req/s (median) | p50 µs | p99 µs | timeouts | evi4j / Kamailio |\n|---|---|---:|---:|---:|---:|---:|\n'
for conc in 1 4; do
  e=$(med evi4j "$conc" req_per_s); k=$(med kamailio "$conc" req_per_s)
  ratio=$(awk -v e="$e" -v k="$k" 'BEGIN {if (k > 0) printf "%.2f", e / k; else print "-"}')
  printf '| %s | evi4j | %s | %s | %s | %s | %s× |\n' "$conc" "$e" "$(med evi4j "$conc" p50)" \
    "$(med evi4j "$conc" p99)" "$(timeouts evi4j "$conc")" "$ratio"
  printf '| %s | Kamailio | %s | %s | %s | %s | |\n' "$conc" "$k" "$(med kamailio "$conc" p50)" \
    "$(med kamailio "$conc" p99)" "$(timeouts kamailio "$conc")"
  if [[ -n $BASELINE_JAR ]]; then
    b=$(med before "$conc" req_per_s)
    ratio=$(awk -v e="$b" -v k="$k" 'BEGIN {if (k > 0) printf "%.2f", e / k; else print "-"}')
    printf '| %s | before | %s | %s | %s | %s | %s× |\n' "$conc" "$b" "$(med before "$conc" p50)" \
      "$(med before "$conc" p99)" "$(timeouts before "$conc")" "$ratio"
  fi
done
echo
echo "per-round ratios (evi4j / Kamailio, same round):"
for conc in 1 4; do
  paste <(grep "^evi4j $conc " "$RESULTS" | field req_per_s) <(grep "^kamailio $conc " "$RESULTS" | field req_per_s) \
    | awk -v c="$conc" '{printf "%s%.2f", (NR==1 ? "  " c " client(s): " : " "), ($2 > 0 ? $1 / $2 : 0)} END {print ""}'
done
if [[ -n $BASELINE_JAR ]]; then
  echo "per-round ratios (before / Kamailio, same round):"
  for conc in 1 4; do
    paste <(grep "^before $conc " "$RESULTS" | field req_per_s) <(grep "^kamailio $conc " "$RESULTS" | field req_per_s) \
      | awk -v c="$conc" '{printf "%s%.2f", (NR==1 ? "  " c " client(s): " : " "), ($2 > 0 ? $1 / $2 : 0)} END {print ""}'
  done
  echo "per-round ratios (evi4j / before, same round):"
  for conc in 1 4; do
    paste <(grep "^evi4j $conc " "$RESULTS" | field req_per_s) <(grep "^before $conc " "$RESULTS" | field req_per_s) \
      | awk -v c="$conc" '{printf "%s%.2f", (NR==1 ? "  " c " client(s): " : " "), ($2 > 0 ? $1 / $2 : 0)} END {print ""}'
  done
fi
