package io.fedp2p.gossip.host;

import io.fedp2p.gossip.identity.PeerId;
import io.fedp2p.gossip.identity.PublicKey;
import io.fedp2p.gossip.multiaddr.Multiaddr;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a peer said about itself in {@code /ipfs/id/1.0.0} (LIBP2P.md §9). The key has been checked against the
 * connection's authenticated peer. Listen addresses this host cannot parse are left out.
 */
public record IdentifyInfo(
        PeerId peerId,
        PublicKey publicKey,
        List<Multiaddr> listenAddrs,
        List<String> protocols,
        Optional<Multiaddr> observedAddr,
        String protocolVersion,
        String agentVersion) {
    public IdentifyInfo {
        Objects.requireNonNull(peerId, "peerId");
        Objects.requireNonNull(publicKey, "publicKey");
        listenAddrs = List.copyOf(listenAddrs);
        protocols = List.copyOf(protocols);
        Objects.requireNonNull(observedAddr, "observedAddr");
        Objects.requireNonNull(protocolVersion, "protocolVersion");
        Objects.requireNonNull(agentVersion, "agentVersion");
    }
}
