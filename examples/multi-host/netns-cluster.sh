#!/usr/bin/env bash
# An emulated LAN of N hosts on one Linux machine, for the multi-host test and for trying fedp2p by hand:
# one network namespace per host ("<prefix>-n0" .. "<prefix>-n<N-1>", address 10.77.0.<i+1>/24 on eth0), all joined
# by veth pairs to a bridge that lives in its own namespace ("<prefix>-hub"), so nothing touches the machine's own
# network. Per host, in the kernel:
#   - packet loss: nftables drops LOSS percent of the packets arriving on eth0 at random (numgen), with a counter;
#   - bandwidth (optional): tc tbf at RATE on eth0;
#   - latency: this kernel has no netem, so TCP connections arriving for port NODE_PORT are redirected (nftables) to
#     RELAY_PORT, where `fedp2p relay` must run and pass them on to NODE_PORT after a fixed one-way delay each way
#     (start it with `netns-cluster.sh exec I fedp2p relay ...`, see examples/multi-host/README.md).
# Needs root, iproute2 and nftables (installed with apt-get when missing).
#
# Usage: netns-cluster.sh up N        create hosts 0..N-1 (LOSS, RATE, NODE_PORT, RELAY_PORT, PREFIX from the env)
#        netns-cluster.sh down N      remove them (idempotent)
#        netns-cluster.sh exec I CMD  run CMD inside host I
#        netns-cluster.sh drops N     packets dropped so far, per host
set -euo pipefail

PREFIX="${PREFIX:-fp2p}"
LOSS="${LOSS:-1}"
RATE="${RATE:-}"
NODE_PORT="${NODE_PORT:-4001}"
RELAY_PORT="${RELAY_PORT:-4101}"

die() { echo "netns-cluster: $*" >&2; exit 2; }
[[ "$(id -u)" == 0 ]] || die "needs root (network namespaces, nftables)"
command -v ip >/dev/null || die "needs iproute2: apt-get install iproute2"
if ! command -v nft >/dev/null; then
  command -v apt-get >/dev/null || die "needs nftables"
  echo "netns-cluster: installing nftables" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q nftables >&2 \
    || { apt-get update -q >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q nftables >&2; } \
    || die "could not install nftables: apt-get install nftables"
fi

host() { echo "$PREFIX-n$1"; }
hub="$PREFIX-hub"

up() {
  local n="$1" i ns addr
  ip netns add "$hub"
  ip -n "$hub" link set lo up
  ip -n "$hub" link add br0 type bridge
  ip -n "$hub" link set br0 up
  for ((i = 0; i < n; i++)); do
    ns="$(host "$i")"
    addr="10.77.0.$((i + 1))"
    ip netns add "$ns"
    ip -n "$ns" link set lo up
    ip -n "$hub" link add "p$i" type veth peer name eth0 netns "$ns"
    ip -n "$hub" link set "p$i" master br0 up
    ip -n "$ns" addr add "$addr/24" dev eth0
    ip -n "$ns" link set eth0 up
    ip netns exec "$ns" nft -f - <<NFT
table ip fedp2p_latency {
  chain prerouting {
    type nat hook prerouting priority dstnat; policy accept;
    iifname "eth0" tcp dport $NODE_PORT redirect to :$RELAY_PORT
  }
}
table inet fedp2p_loss {
  chain input {
    type filter hook input priority filter; policy accept;
    iifname "eth0" numgen random mod 100 < $LOSS counter drop
  }
}
NFT
    if [[ -n "$RATE" ]]; then
      ip netns exec "$ns" tc qdisc add dev eth0 root tbf rate "$RATE" burst 64kb latency 400ms
    fi
  done
}

down() {
  local n="$1" i
  for ((i = 0; i < n; i++)); do ip netns del "$(host "$i")" 2>/dev/null || true; done
  ip netns del "$hub" 2>/dev/null || true
}

drops() {
  local n="$1" i
  for ((i = 0; i < n; i++)); do
    ip netns exec "$(host "$i")" nft list table inet fedp2p_loss | sed -n 's/.*counter packets \([0-9]*\).*/\1/p'
  done
}

case "${1:-}" in
  up) [[ -n "${2:-}" ]] || die "usage: up N"; down "$2"; up "$2" ;;
  down) [[ -n "${2:-}" ]] || die "usage: down N"; down "$2" ;;
  exec) [[ -n "${2:-}" && -n "${3:-}" ]] || die "usage: exec I CMD..."; i="$2"; shift 2; exec ip netns exec "$(host "$i")" "$@" ;;
  drops) [[ -n "${2:-}" ]] || die "usage: drops N"; drops "$2" ;;
  *) die "usage: netns-cluster.sh up N | down N | exec I CMD... | drops N" ;;
esac
