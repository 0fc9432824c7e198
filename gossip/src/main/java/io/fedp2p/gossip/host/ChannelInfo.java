package io.fedp2p.gossip.host;

import io.fedp2p.gossip.identity.PeerId;
import io.fedp2p.gossip.multiaddr.Multiaddr;
import io.netty.channel.Channel;
import io.netty.util.AttributeKey;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/** Per-channel facts the handlers share: who, which way, byte counts, and the dial waiting for the result. */
final class ChannelInfo {
    static final AttributeKey<ChannelInfo> KEY = AttributeKey.valueOf("fedp2p.channel-info");

    final Direction direction;
    final PeerId expectedPeer;
    final CompletableFuture<Connection> ready;
    final AtomicLong bytesIn = new AtomicLong();
    final AtomicLong bytesOut = new AtomicLong();
    volatile Multiaddr remoteAddr;
    volatile PeerId peer;
    volatile HostContext.PeerTraffic peerTraffic;
    volatile ConnectionImpl connection;
    volatile Throwable failure;

    ChannelInfo(Direction direction, PeerId expectedPeer, Multiaddr remoteAddr, CompletableFuture<Connection> ready) {
        this.direction = direction;
        this.expectedPeer = expectedPeer;
        this.remoteAddr = remoteAddr;
        this.ready = ready;
    }

    static ChannelInfo of(Channel ch) {
        return ch.attr(KEY).get();
    }

    Optional<PeerId> peerId() {
        return Optional.ofNullable(peer);
    }
}
