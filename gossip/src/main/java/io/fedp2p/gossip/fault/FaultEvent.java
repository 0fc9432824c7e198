package io.fedp2p.gossip.fault;

import io.fedp2p.gossip.identity.PeerId;
import io.fedp2p.gossip.multiaddr.Multiaddr;
import java.util.Objects;
import java.util.Optional;

/**
 * One peer fault as the host saw it.
 *
 * @param peer the authenticated peer, empty when the fault happened before Noise finished
 * @param remoteAddr the peer's TCP address, e.g. {@code /ip4/127.0.0.1/tcp/4001}
 * @param kind what went wrong
 * @param detail a short human-readable explanation, never containing secrets
 * @param scope what the host did about it
 */
public record FaultEvent(Optional<PeerId> peer, Multiaddr remoteAddr, FaultKind kind, String detail, FaultScope scope) {
    public FaultEvent {
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(remoteAddr, "remoteAddr");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(scope, "scope");
    }

    /** The peer id in base58 or {@code "?"} when unknown, for log lines. */
    public String peerText() {
        return peer.map(PeerId::toString).orElse("?");
    }
}
