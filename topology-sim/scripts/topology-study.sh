#!/usr/bin/env bash
# Prints the consensus-distance table of BENCHMARKS.md ("simulator"): examples/scenarios/topology-study.yaml (vector
# mode, 100 nodes, plain Metropolis mixing) for every topology × gossip steps Q, with the spectral gap and the honest
# consensus distance after rounds 1, 5, 10 and 30. Needs jq. Run from the repository root:
#   topology-sim/scripts/topology-study.sh [OUT_DIR]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
command -v jq >/dev/null || { echo "topology-study.sh needs jq (apt-get install jq)" >&2; exit 2; }
out="${1:-sim-out/topology-study}"
mkdir -p "$out"

echo "| topology | spectral gap | Q | after round 1 | round 5 | round 10 | round 30 | honest accuracy |"
echo "|---|---|---|---|---|---|---|---|"
for t in ring small-world:4:0.1 random-regular:4 erdos-renyi:0.1 complete; do
  for q in 1 2 4; do
    dir="$out/${t//:/-}-q$q"
    ./fedp2p sim --scenario examples/scenarios/topology-study.yaml --topology "$t" --gossip-steps "$q" \
        --out "$dir" --no-charts --json > "$dir.json" 2> "$dir.log"
    cd_at() { jq -r "select(.round == $1) | .consensusDistance" "$dir/metrics.jsonl" | xargs printf '%.3g'; }
    printf '| %s | %.4g | %s | %s | %s | %s | %s | %.4f |\n' "$t" "$(jq -r .spectralGap "$dir.json")" "$q" \
        "$(cd_at 0)" "$(cd_at 4)" "$(cd_at 9)" "$(cd_at 29)" "$(jq -r .honestAccuracy.mean "$dir.json")"
  done
done
