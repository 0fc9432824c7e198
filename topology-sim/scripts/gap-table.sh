#!/usr/bin/env bash
# Prints the Markdown table of Metropolis-Hastings spectral gaps in BENCHMARKS.md ("Topologies"): every kind at
# n = 100 and n = 1,000 with typical parameters, seed 1 and the range over seeds 1..5 for random kinds, and the
# dense-vs-Lanczos difference at n = 1,000. Needs jq. Run from the repository root: topology-sim/scripts/gap-table.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
command -v jq >/dev/null || { echo "gap-table.sh needs jq (apt-get install jq)" >&2; exit 2; }

gap() { ./fedp2p topology --topology "$1" --nodes "$2" --seed "$3" --method "$4" --json 2>/dev/null | jq -r .spectralGap; }

echo "| kind (n = 100 / n = 1,000) | gap n = 100, seed 1 | range, seeds 1-5 | gap n = 1,000, seed 1 | range, seeds 1-5 | dense − Lanczos at 1,000 |"
echo "|---|---|---|---|---|---|"
for kind in ring torus random-regular:4 erdos-renyi small-world:4:0.1 scale-free:4 complete; do
  row="| $kind"
  ps=()
  for n in 100 1000; do
    spec="$kind"
    if [[ "$kind" == erdos-renyi ]]; then
      p=$(awk -v n="$n" 'BEGIN { printf "%.3g", 2 * log(n) / n }')   # 2 ln(n)/n: comfortably connected
      spec="erdos-renyi:$p"
      ps+=("$p")
    fi
    first=$(gap "$spec" "$n" 1 auto)
    range="—"
    case "$kind" in
      ring|torus|complete) ;;
      *)
        values=("$first")
        for seed in 2 3 4 5; do values+=("$(gap "$spec" "$n" "$seed" auto)"); done
        range=$(printf '%s\n' "${values[@]}" | sort -g | awk 'NR==1 {lo=$1} {hi=$1} END {printf "%.4g – %.4g", lo, hi}')
        ;;
    esac
    row="$row | $(printf '%.6g' "$first") | $range"
    if [[ "$n" == 1000 ]]; then
      lanczos=$(gap "$spec" "$n" 1 lanczos)
      row="$row | $(awk -v a="$first" -v b="$lanczos" 'BEGIN { d = a - b; printf "%.1e", d }')"
    fi
  done
  label="$kind"
  (( ${#ps[@]} )) && label="erdos-renyi:P, P = 2 ln(n)/n = ${ps[0]} / ${ps[1]}"
  echo "${row/| $kind/| $label} |"
done
