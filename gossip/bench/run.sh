#!/usr/bin/env bash
# Reproduces the "gossip wire stack" figures of BENCHMARKS.md, side by side in one run:
#   /perf/1.0.0 over one stream, Java<->Java (JDK 17 and 25) and js<->js, upload and download, median of RUNS;
#   JMH: raw JDK ChaCha20-Poly1305 vs our transport path; handshakes per second; memory per idle connection.
# Usage: gossip/bench/run.sh [SIZE_BYTES] (default 268435456 = 256 MiB). Env: RUNS (3), JDK17, JDK25.
set -euo pipefail
[[ -n "${BENCH_TRACE:-}" ]] && set -x
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
size="${1:-268435456}"
runs="${RUNS:-3}"
jdk17="${JDK17:-/usr/lib/jvm/java-17-openjdk-amd64/bin/java}"
jdk25="${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}"
js_dir="$root/gossip/src/test/js"
tmp="$(mktemp -d)"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$tmp"; }
trap cleanup EXIT

echo "# building" >&2
mvn -q -B -DskipTests package >&2
mvn -q -B -Dstyle.color=never -pl gossip -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile="$tmp/cp" \
    -Dmdep.includeScope=test >&2
bash "$js_dir/npm-ci.sh" >&2
cp="$root/gossip/target/test-classes:$root/gossip/target/classes:$(cat "$tmp/cp")"

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

java_perf() {  # java_perf JAVA UPLOAD DOWNLOAD WARMUP -> MB/s of the non-zero direction
  local java="$1" up="$2" down="$3" warm="$4" out addr
  : >"$tmp/listen.out"
  FEDP2P_JAVA="$java" ./fedp2p listen --enable-perf >"$tmp/listen.out" 2>"$tmp/listen.err" &
  local pid=$!; pids+=("$pid")
  for _ in $(seq 100); do [[ -s "$tmp/listen.out" ]] && break; sleep 0.1; done
  addr="$(head -n 1 "$tmp/listen.out")"
  out="$(FEDP2P_JAVA="$java" ./fedp2p perf "$addr" --upload "$up" --download "$down" --warmup "$warm" \
      --json 2>"$tmp/perf.err")" || { echo "perf failed:" >&2; cat "$tmp/perf.err" >&2; }
  kill "$pid"; wait "$pid" 2>/dev/null || true
  if [[ "$up" != 0 ]]; then echo "$out" | python3 -c 'import json,sys; print(json.load(sys.stdin)["uploadMBps"])'
  else echo "$out" | python3 -c 'import json,sys; print(json.load(sys.stdin)["downloadMBps"])'; fi
}

js_perf() {  # js_perf UPLOAD DOWNLOAD REPEAT -> MB/s of the last exchange
  local up="$1" down="$2" repeat="$3" addr
  : >"$tmp/js.out"
  (sleep 600 | node "$js_dir/interop-peer.mjs" listen --seed "$(printf '11%.0s' $(seq 32))" >"$tmp/js.out" 2>/dev/null) &
  local pid=$!; pids+=("$pid")
  for _ in $(seq 100); do [[ -s "$tmp/js.out" ]] && break; sleep 0.1; done
  addr="$(head -n 1 "$tmp/js.out" | python3 -c 'import json,sys; print(json.load(sys.stdin)["addrs"][0])')"
  (cd "$js_dir" && echo "{\"id\":1,\"cmd\":\"perf\",\"addr\":\"$addr\",\"upload\":$up,\"download\":$down,\"repeat\":$repeat}" \
      | timeout 300 node interop-peer.mjs listen --seed "$(printf '22%.0s' $(seq 32))" 2>/dev/null \
      | grep '"id":1') >"$tmp/js-result.out" || true
  pkill -P "$pid" 2>/dev/null || true; kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
  python3 -c 'import json,sys
d = json.load(open(sys.argv[1]))
if not d.get("ok"):
    sys.exit("js perf failed: " + d.get("error", "?"))
print(round(int(sys.argv[2]) / 1e6 / d["seconds"], 2))' "$tmp/js-result.out" "$size"
}

echo "## /perf/1.0.0, one stream, $size bytes, median of $runs (MB/s = 10^6 bytes/s); load before: $(cut -d' ' -f1-3 /proc/loadavg)"
declare -A results
for run in $(seq "$runs"); do
  for dir in upload download; do
    if [[ $dir == upload ]]; then up=$size; down=0; else up=0; down=$size; fi
    results["java17-warm-$dir"]+="$(java_perf "$jdk17" "$up" "$down" "$size") "
    results["java25-warm-$dir"]+="$(java_perf "$jdk25" "$up" "$down" "$size") "
    results["js-warm-$dir"]+="$(js_perf "$up" "$down" 2) "
    results["java25-cold-$dir"]+="$(java_perf "$jdk25" "$up" "$down" 0) "
    results["js-cold-$dir"]+="$(js_perf "$up" "$down" 1) "
  done
done
for k in java17-warm-upload java25-warm-upload js-warm-upload java25-cold-upload js-cold-upload \
         java17-warm-download java25-warm-download js-warm-download java25-cold-download js-cold-download; do
  printf '%-22s median %8s   runs: %s\n' "$k" "$(tr ' ' '\n' <<<"${results[$k]}" | grep . | median)" "${results[$k]}"
done

echo "## load after perf: $(cut -d' ' -f1-3 /proc/loadavg)"
for java in "$jdk17" "$jdk25"; do
  echo "## JMH on $("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.version = //p')"
  "$java" -Djmh.ignoreLock=true -cp "$cp" org.openjdk.jmh.Main 'TransportCipherBench|HandshakeBench' -rf text -rff "$tmp/jmh.txt" >/dev/null 2>&1
  cat "$tmp/jmh.txt"
  echo "## idle connection memory"
  "$java" -Xmx1g -cp "$cp" io.fedp2p.gossip.bench.IdleConnectionMemory 500 2>/dev/null | tail -n 1
done
