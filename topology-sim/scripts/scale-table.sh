#!/usr/bin/env bash
# Prints the scale table of BENCHMARKS.md ("simulator"): wall-clock time, heap and resident memory of `fedp2p sim`
# as n grows, for the real model (examples/scenarios/scale-1000.yaml: fashion-mnist, ffa-lora, 20 rounds) and for
# vector mode (examples/scenarios/vector-10000.yaml, 20 rounds), each run in its own JVM with an 8 GB heap limit.
# Needs jq. Run from the repository root:
#   topology-sim/scripts/scale-table.sh [OUT_DIR] [SIZES_FASHION] [SIZES_VECTOR]
# e.g. topology-sim/scripts/scale-table.sh sim-out/scale "100 1000" "100 1000 10000"
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
command -v jq >/dev/null || { echo "scale-table.sh needs jq (apt-get install jq)" >&2; exit 2; }
out="${1:-sim-out/scale}"
fashion="${2-100 1000}"
vector="${3-100 1000 10000}"
export FEDP2P_JAVA_OPTS="${FEDP2P_JAVA_OPTS:--Xmx8g}"

run() {  # run TASK N SCENARIO
  local dir="$out/$1-$2"
  mkdir -p "$dir"
  ./fedp2p sim --scenario "examples/scenarios/$3" --nodes "$2" --out "$dir" --no-charts --json > "$dir/stdout.json" \
      2> "$dir/stderr.log"
  jq -r --arg task "$1" --slurpfile s "$dir/summary.json" '
    [$task, ($s[0].nodes|tostring), (.wallSeconds|floor|tostring), (.simulationWallSeconds|floor|tostring),
     (.taskSeconds|floor|tostring), ((.heapPerNodeAtStartBytes/1024)|floor|tostring),
     ((.heapPerNodeAtEndBytes/1024)|floor|tostring), ((.heapAtEndBytes/1048576)|floor|tostring),
     ((.peakHeapBytes/1048576)|floor|tostring), ((.peakRssBytes/1048576)|floor|tostring),
     (.events|tostring), ($s[0].honestAccuracy.mean*10000|round/10000|tostring)] | "| " + join(" | ") + " |"' \
      "$dir/run.json"
}

echo "| task | nodes | wall s | simulation s | task set-up s | heap/node at start KB | heap/node at end KB | live heap at end MB | peak heap MB | peak RSS MB | events | honest accuracy |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|"
for n in $fashion; do run fashion-mnist "$n" scale-1000.yaml; done
for n in $vector; do run vector "$n" vector-10000.yaml; done
