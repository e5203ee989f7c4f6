#!/usr/bin/env bash
# RaiseBenchmark, evi4j vs the raw loop, in alternating rounds: each JMH run measures one target with both methods
# back to back (evi4j, then raw), so each ratio comes from the same minute; the table gives per-round ratios and
# medians. Not part of the build or CI.
#
#   benchmarks/raise-vs-raw.sh                 # ROUNDS=3, targets udp1 udp10 udp100 unix1
#   ROUNDS=5 TARGETS="udp1 udp100" benchmarks/raise-vs-raw.sh
#   BENCHMARK=VirtualBenchmark TARGETS=parallel2 benchmarks/raise-vs-raw.sh   # virtual:PARALLEL vs two raw sends
set -euo pipefail
ROUNDS=${ROUNDS:-3}
BENCHMARK=${BENCHMARK:-RaiseBenchmark}
TARGETS=${TARGETS:-"udp1 udp10 udp100 unix1"}
JMH_OPTS=${JMH_OPTS:-"-f 1 -wi 2 -w 1 -i 5 -r 1 -prof gc"}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
JAR=$ROOT/benchmarks/target/benchmarks.jar
OUT=${OUT:-$(mktemp -d /tmp/rvr.XXXXXX)}   # JMH logs and CSVs are kept there
mkdir -p "$OUT"

for r in $(seq 1 "$ROUNDS"); do
  for t in $TARGETS; do
    # shellcheck disable=SC2086
    java -jar "$JAR" "$BENCHMARK" -p target="$t" $JMH_OPTS -rf csv -rff "$OUT/$r-$t.csv" > "$OUT/$r-$t.log" 2>&1
    { grep '^\[evi4j ' "$OUT/$r-$t.log" | tail -1; grep '^\[raw ' "$OUT/$r-$t.log" | tail -1; } \
      | sed "s/^/# round $r, last iteration: /" >&2
  done
done

# CSV columns: "Benchmark","Mode","Threads","Samples","Score","Score Error (99.9%)","Unit","Param: target"
score() { grep "$BENCHMARK.$2\"," "$1" | head -1 | cut -d, -f5; }
alloc() { grep "$BENCHMARK.$2:gc.alloc.rate.norm\"" "$1" | head -1 | cut -d, -f5; }
median() { sort -g | awk '{v[NR]=$1} END {if (NR%2) print v[(NR+1)/2]; else print (v[NR/2]+v[NR/2+1])/2}'; }
echo "JMH logs: $OUT"
echo "machine: $(nproc) vCPU, load $(cut -d' ' -f1-3 /proc/loadavg); rounds=$ROUNDS; JMH: $JMH_OPTS"
printf '| target | evi4j raises/s | raw loop ops/s | evi4j / raw (median) | per-round ratios | evi4j B/op | raw B/op |\n'
printf '|---|---:|---:|---:|---|---:|---:|\n'
for t in $TARGETS; do
  ratios=""; es=""; rs=""; ea=""; ra=""
  for r in $(seq 1 "$ROUNDS"); do
    f=$OUT/$r-$t.csv
    e=$(score "$f" evi4j); w=$(score "$f" raw)
    es+="$e"$'\n'; rs+="$w"$'\n'
    ea+="$(alloc "$f" evi4j)"$'\n'; ra+="$(alloc "$f" raw)"$'\n'
    ratios+="$(awk -v e="$e" -v w="$w" 'BEGIN {printf "%.2f", e / w}') "
  done
  printf '| %s | %.0f | %.0f | %.2f | %s| %.0f | %.0f |\n' "$t" "$(printf '%s' "$es" | median)" \
    "$(printf '%s' "$rs" | median)" "$(printf '%s' "$ratios" | tr ' ' '\n' | grep . | median)" "$ratios" \
    "$(printf '%s' "$ea" | median)" "$(printf '%s' "$ra" | median)"
done
