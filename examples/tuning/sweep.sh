#!/usr/bin/env bash
# Sweeps K (local steps), Q (gossip steps) and rho (SAM radius) one at a time around tuning/base.yaml and prints the
# final honest accuracy and bytes per node per round of each run. Each run writes its own directory under sweep-out/.
# Every run rebuilds the feature cache (about a minute on 2 cores); the runs themselves take seconds.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
fedp2p="$here/../../fedp2p"
run() {  # run NAME OPTIONS...
  local name="$1"; shift
  "$fedp2p" sim --scenario "$here/base.yaml" --out "sweep-out/$name" --json --no-charts "$@" 2>/dev/null \
    | python3 -c 'import json,sys; s=json.load(sys.stdin); print("%-10s accuracy %.4f  bytes/node/round %8.0f" % (sys.argv[1], s["honestAccuracy"]["mean"], s["bytesSentPerNodePerRound"]))' "$name"
}
for k in 5 20 80; do run "K=$k" --local-steps "$k"; done
for q in 1 2 4 8; do run "Q=$q" --gossip-steps "$q"; done
for rho in 0 0.01 0.05; do run "rho=$rho" --rho "$rho"; done
