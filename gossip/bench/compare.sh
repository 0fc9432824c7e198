#!/usr/bin/env bash
# Before/after comparison of the wire data path, side by side in one run (BENCHMARKS.md, "gossip wire stack"):
# builds the gossip module of git revision REF in a temporary directory and of the work tree, then alternates them:
#   1. in one JVM (InJvmPerf): steady-state MB/s and event-loop CPU ms/MB of sender and receiver, against the raw
#      JDK cipher measured in the same JVM;
#   2. across processes (PerfProcess, the same host settings as `fedp2p listen --enable-perf` / `fedp2p perf`),
#      JDK 25, warm: MB/s and the client process's CPU ms/MB, upload then download, plus js<->js for reference.
# Usage: gossip/bench/compare.sh REF [RUNS] [SIZE_BYTES]   (defaults: 3 runs, 268435456 = 256 MiB)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
ref="${1:?usage: compare.sh REF [RUNS] [SIZE_BYTES]}"
runs="${2:-3}"
size="${3:-268435456}"
java="${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}"
js_dir="$root/gossip/src/test/js"
tmp="$(mktemp -d)"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$tmp"; }
trap cleanup EXIT

build() {  # build SRC_DIR CP_FILE
  (cd "$1" && mvn -q -B -Dstyle.color=never -pl gossip -DskipTests -Dspotless.skip=true test-compile \
      dependency:build-classpath -Dmdep.outputFile="$2.deps" -Dmdep.includeScope=test >&2)
  echo "$1/gossip/target/test-classes:$1/gossip/target/classes:$(cat "$2.deps")" >"$2"
}
echo "# building $ref and the work tree" >&2
mkdir -p "$tmp/ref"
git -C "$root" archive "$ref" | tar -x -C "$tmp/ref"
# the benchmark mains of the work tree, so that both sides are measured the same way
cp "$root"/gossip/src/test/java/io/fedp2p/gossip/bench/{InJvmPerf,PerfProcess}.java \
    "$tmp/ref/gossip/src/test/java/io/fedp2p/gossip/bench/"
build "$tmp/ref" "$tmp/ref.cp"
build "$root" "$tmp/worktree.cp"
bash "$js_dir/npm-ci.sh" >&2
cps=("$tmp/ref.cp" "$tmp/worktree.cp")
names=("$ref" "worktree")

load() { cut -d' ' -f1 /proc/loadavg; }

echo "## in one JVM: $size bytes x 10, second half (load = 1-min load average before each)"
for run in $(seq "$runs"); do
  for i in 0 1; do
    out="$("$java" -cp "$(cat "${cps[$i]}")" io.fedp2p.gossip.bench.InJvmPerf "$size" 10 2>/dev/null)"
    wall="$(grep -o '[0-9.]* MB/s wall' <<<"$out" | awk '{print $1}' | tail -n 5 | sort -n | sed -n 3p)"
    echo "run $run ${names[$i]} load=$(load) median MB/s $wall; $(tail -n 1 <<<"$out" | sed 's/second half mean: //')"
  done
done

java_perf() {  # java_perf CPFILE UP DOWN -> "MB/s cpu-ms/MB"
  : >"$tmp/listen.out"
  "$java" -cp "$(cat "$1")" io.fedp2p.gossip.bench.PerfProcess listen >"$tmp/listen.out" 2>/dev/null &
  local pid=$!; pids+=("$pid")
  for _ in $(seq 300); do [[ -s "$tmp/listen.out" ]] && break; sleep 0.1; done
  local r
  r="$("$java" -cp "$(cat "$1")" io.fedp2p.gossip.bench.PerfProcess perf "$(head -n 1 "$tmp/listen.out")" "$2" "$3" \
      "$size" 2>/dev/null | tail -n 1)" || true
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "${r:-failed}"
}
js_perf() {  # js_perf UP DOWN -> MB/s of the second (warm) exchange
  : >"$tmp/js.out"
  (sleep 600 | node "$js_dir/interop-peer.mjs" listen --seed "$(printf '11%.0s' $(seq 32))" >"$tmp/js.out" 2>/dev/null) &
  local pid=$!; pids+=("$pid")
  for _ in $(seq 100); do [[ -s "$tmp/js.out" ]] && break; sleep 0.1; done
  local addr
  addr="$(head -n 1 "$tmp/js.out" | python3 -c 'import json,sys; print(json.load(sys.stdin)["addrs"][0])')"
  (cd "$js_dir" && echo "{\"id\":1,\"cmd\":\"perf\",\"addr\":\"$addr\",\"upload\":$1,\"download\":$2,\"repeat\":2}" \
      | timeout 300 node interop-peer.mjs listen --seed "$(printf '22%.0s' $(seq 32))" 2>/dev/null \
      | grep '"id":1') >"$tmp/js-result.out" || true
  pkill -P "$pid" 2>/dev/null || true; kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
  python3 -c 'import json,sys
d = json.load(open(sys.argv[1]))
print(round(int(sys.argv[2]) / 1e6 / d["seconds"], 2) if d.get("ok") else "failed")' "$tmp/js-result.out" "$size" \
      2>/dev/null || echo failed
}

echo "## across processes, JDK 25, warm: MB/s and client CPU ms/MB (sender for upload, receiver for download)"
for run in $(seq "$runs"); do
  for dir in upload download; do
    if [[ $dir == upload ]]; then up=$size; down=0; else up=0; down=$size; fi
    a="$(java_perf "${cps[0]}" "$up" "$down")"
    b="$(java_perf "${cps[1]}" "$up" "$down")"
    j="$(js_perf "$up" "$down")"
    echo "run $run $dir load=$(load) ${names[0]}: $a | worktree: $b | js<->js: $j"
  done
done
