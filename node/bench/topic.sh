#!/usr/bin/env bash
# fortunes-topic benchmarks (BENCHMARKS.md, "fortunes-topic on all-MiniLM-L6-v2"): TopicBench with the test
# classpath (ONNX Runtime is a test dependency). Usage:
#   node/bench/topic.sh speed [THREADS]
#   node/bench/topic.sh forward [THREADS]
#   node/bench/topic.sh step THREADS PER_CATEGORY
#   node/bench/topic.sh accuracy THREADS FROZEN_LAYERS MAX_LENGTH EPOCHS [head,ffa-lora,lora,fed-sb]
#   node/bench/topic.sh sweep THREADS FROZEN_LAYERS MAX_LENGTH CONFIG...   (CONFIG: kind[,alpha=A,lr=η,decay=D,
#       epochs=E,clip=C,targets=q+k+v+o+ffn,...]; validation and test accuracy after every epoch; see TopicSweep)
# TOPIC_BENCH_CLASSES=DIR puts DIR first on the classpath (e.g. another version's compiled BertEncoder, for a
# before/after comparison in alternating processes).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
mode="${1:?usage: node/bench/topic.sh speed|forward|step|accuracy|sweep ...}"; shift
threads="${1:-2}"; shift || true
cp_file="$(mktemp)"
trap 'rm -f "$cp_file"' EXIT
(cd "$root" && mvn -q -B -pl node -am -DskipTests package dependency:build-classpath \
  -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test) >&2
java="${FEDP2P_JAVA:-java}"
export OMP_WAIT_POLICY="${OMP_WAIT_POLICY:-PASSIVE}"   # as the fedp2p launcher does
"$java" -Dai.djl.offline=true -Xmx8g -cp "${TOPIC_BENCH_CLASSES:+$TOPIC_BENCH_CLASSES:}$root/node/target/test-classes:$root/node/target/classes:$(cat "$cp_file")" \
  io.fedp2p.node.train.TopicBench "$mode" "$threads" "$@"
