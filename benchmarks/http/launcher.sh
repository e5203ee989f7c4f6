# Sourced by the HTTP benchmarks (http-vs-datagram.sh, console-tail.sh): a free port, a log line, and an evi4j
# launcher started with its HTTP service. Expects JAR, WORK and EVI4J_JAVA_OPTS; sets PID.

log() { echo "# $*" >&2; }

free_port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }

# start_launcher HTTP_PORT: runs the jar on $WORK/etc (filled by the caller) with the HTTP service on 127.0.0.1:PORT,
# and returns once POST /mi answers "version" (30 s at most)
start_launcher() {
  mkdir -p "$WORK/etc"
  printf 'org.osgi.service.http.port = %s\norg.apache.felix.http.host = 127.0.0.1\n' "$1" \
    > "$WORK/etc/org.apache.felix.http.cfg"
  # shellcheck disable=SC2086
  java $EVI4J_JAVA_OPTS -jar "$JAR" --etc "$WORK/etc" --data "$WORK/data" >"$WORK/evi4j.log" 2>&1 &
  PID=$!
  for _ in $(seq 1 300); do
    if curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' \
        -d '{"jsonrpc":"2.0","method":"version","id":1}' "http://127.0.0.1:$1/mi" | grep -q 200; then return; fi
    sleep 0.1
  done
  log "evi4j did not answer on http://127.0.0.1:$1/mi"; cat "$WORK/evi4j.log" >&2; return 1
}
