#!/usr/bin/env bash
# Trainer benchmark (BENCHMARKS.md, "node trainer"): DJL figures from TrainerBench and the PyTorch reference from
# torch_step.py, side by side in one run, same thread count. Usage: node/bench/run.sh BACKBONE_FILE [THREADS]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
backbone="${1:?usage: node/bench/run.sh BACKBONE_FILE [THREADS]}"
threads="${2:-2}"
(cd "$root" && mvn -q -B -DskipTests package) >&2
java="${FEDP2P_JAVA:-java}"
echo "== DJL (fedp2p) ==" >&2
"$java" -Dai.djl.offline=true -Xmx8g -cp "$root/examples/target/fedp2p.jar:$root/node/target/test-classes" \
  io.fedp2p.node.bench.TrainerBench "$backbone" "$threads"
echo "== PyTorch ==" >&2
"${PYTHON:-/usr/bin/python3}" "$root/node/bench/torch_step.py" --threads "$threads"
