package io.fedp2p.gossip.host;

import io.fedp2p.gossip.fault.FaultKind;
import io.fedp2p.gossip.fault.FaultScope;
import io.fedp2p.gossip.mss.MssHandler;
import io.fedp2p.gossip.mss.MssNegotiation;
import io.fedp2p.gossip.multiaddr.Multiaddr;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The initial pipeline of a connection (STYLE.md §2.4):
 *
 * <pre>
 * traffic ─ handshake-deadline ─ security-mss(/noise) ─ upgrade ─ peer-faults
 * </pre>
 *
 * {@link UpgradeHandler} then inserts Noise, the muxer negotiation and yamux before itself.
 */
final class Pipelines {
    private Pipelines() {}

    static void install(SocketChannel ch, HostContext host, ChannelInfo info) {
        ch.attr(ChannelInfo.KEY).set(info);
        boolean initiator = info.direction == Direction.OUTBOUND;
        MssNegotiation security = initiator
                ? MssNegotiation.initiator(List.of(WireNames.NOISE_PROTOCOL))
                : MssNegotiation.responder(WireNames.NOISE_PROTOCOL::equals, () -> List.of(WireNames.NOISE_PROTOCOL));
        ChannelPipeline p = ch.pipeline();
        // Flushes are consolidated by the Noise encoder, before encryption (NoiseTransportEncoder).
        p.addLast(WireNames.TRAFFIC, new TrafficCounter(info));
        p.addLast(WireNames.DEADLINE, new HandshakeDeadline(host.limits.handshakeTimeout()));
        p.addLast(WireNames.SECURITY_MSS, new MssHandler(security, host.limits.maxMssLineBytes()));
        p.addLast(WireNames.UPGRADE, new UpgradeHandler(host, info));
        p.addLast(WireNames.FAULTS, new PeerFaultHandler(host.faults));
    }

    /** Accepted connections: admitted under the connection limits, else closed at once and counted. */
    static final class Inbound extends ChannelInitializer<SocketChannel> {
        private final HostContext host;

        Inbound(HostContext host) {
            this.host = host;
        }

        @Override
        protected void initChannel(SocketChannel ch) {
            Multiaddr remote = Multiaddr.fromSocketAddress(ch.remoteAddress());
            if (!host.registry.admitChannel()) {
                host.faults.report(
                        Optional.empty(),
                        remote,
                        FaultKind.RATE_LIMIT,
                        "connection limit reached (" + host.limits.maxConnections() + " total, "
                                + host.limits.maxPendingHandshakes() + " in handshake)",
                        FaultScope.CONNECTION);
                ch.close();
                return;
            }
            install(ch, host, new ChannelInfo(Direction.INBOUND, null, remote, new CompletableFuture<>()));
        }
    }
}
