package io.fedp2p.gossip.host;

import io.fedp2p.gossip.fault.FaultKind;
import io.fedp2p.gossip.fault.PeerFault;
import io.fedp2p.gossip.mss.MssHandler;
import io.fedp2p.gossip.mss.MssNegotiation;
import io.fedp2p.gossip.mss.ProtocolSelected;
import io.fedp2p.gossip.noise.NoiseHandshakeHandler;
import io.fedp2p.gossip.noise.SecureSessionReady;
import io.fedp2p.gossip.yamux.YamuxFrameDecoder;
import io.fedp2p.gossip.yamux.YamuxSession;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives the connection upgrade (LIBP2P.md §4) from the events of the step handlers before it: {@code /noise}
 * chosen, then the Noise handshake, then the muxer (inlined in Noise or by multistream-select), then yamux. Each step
 * handler is inserted just before this one, so bytes left over by the previous step flow into it. When yamux is in
 * place the handshake deadline goes, the connection is registered and announced, and the dial (if any) completes.
 */
final class UpgradeHandler extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(UpgradeHandler.class);

    private final HostContext host;
    private final ChannelInfo info;
    private final boolean initiator;
    private boolean handshaking = true;

    UpgradeHandler(HostContext host, ChannelInfo info) {
        this.host = host;
        this.info = info;
        this.initiator = info.direction == Direction.OUTBOUND;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof ProtocolSelected selected) {
            onProtocol(ctx, selected.protocol());
        } else if (evt instanceof SecureSessionReady ready) {
            onSecure(ctx, ready);
        } else {
            super.userEventTriggered(ctx, evt);
        }
    }

    private void onProtocol(ChannelHandlerContext ctx, String protocol) {
        if (protocol.equals(WireNames.NOISE_PROTOCOL)
                && ctx.pipeline().get(WireNames.NOISE) == null
                && info.peer == null) {
            ctx.pipeline()
                    .addBefore(
                            WireNames.UPGRADE,
                            WireNames.NOISE,
                            new NoiseHandshakeHandler(
                                    initiator,
                                    host.identity,
                                    info.expectedPeer,
                                    List.of(WireNames.YAMUX_PROTOCOL),
                                    host.random));
        } else if (protocol.equals(WireNames.YAMUX_PROTOCOL) && info.peer != null) {
            installYamux(ctx);
        } else {
            throw new PeerFault(FaultKind.PROTOCOL_VIOLATION, "unexpected protocol " + protocol + " in upgrade");
        }
    }

    private void onSecure(ChannelHandlerContext ctx, SecureSessionReady ready) {
        info.peer = ready.remote().peerId();
        HostContext.PeerTraffic t = host.trafficOf(info.peer);
        t.in.addAndGet(info.bytesIn.get());
        t.out.addAndGet(info.bytesOut.get());
        info.peerTraffic = t;
        if (host.banned.contains(info.peer)) {
            log.info("refusing banned peer {} at {}", info.peer, info.remoteAddr);
            info.failure = new StreamException("peer " + info.peer + " is banned");
            ctx.close();
            return;
        }
        ConnectionImpl conn = new ConnectionImpl(host, ctx.channel(), info, initiator);
        host.registry.addAuthenticated(conn); // PeerFault(RATE_LIMIT) over the per-peer limit
        info.connection = conn;
        String muxer = ready.inlinedMuxer(initiator);
        if (muxer != null) {
            installYamux(ctx);
        } else {
            MssNegotiation mss = initiator
                    ? MssNegotiation.initiator(List.of(WireNames.YAMUX_PROTOCOL))
                    : MssNegotiation.responder(
                            WireNames.YAMUX_PROTOCOL::equals, () -> List.of(WireNames.YAMUX_PROTOCOL));
            ctx.pipeline()
                    .addBefore(
                            WireNames.UPGRADE, WireNames.MUXER_MSS, new MssHandler(mss, host.limits.maxMssLineBytes()));
        }
    }

    private void installYamux(ChannelHandlerContext ctx) {
        ConnectionImpl conn = info.connection;
        YamuxSession session = new YamuxSession(initiator, host.limits, conn);
        conn.attach(session);
        ctx.pipeline()
                .addBefore(
                        WireNames.UPGRADE,
                        WireNames.YAMUX_DECODER,
                        new YamuxFrameDecoder(host.limits.maxStreamWindowBytes()));
        ctx.pipeline().addBefore(WireNames.UPGRADE, WireNames.YAMUX, session);
        if (ctx.pipeline().get(WireNames.DEADLINE) != null) {
            ctx.pipeline().remove(WireNames.DEADLINE);
        }
        handshaking = false;
        host.registry.handshakeDone();
        conn.markReady();
        log.debug("connected to {} at {} ({})", info.peer, info.remoteAddr, info.direction);
        host.fireConnected(conn);
        info.ready.complete(conn);
        if (host.config.identifyOnConnect()) {
            conn.identify();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        ConnectionImpl conn = info.connection;
        host.registry.channelClosed(conn, handshaking);
        if (conn != null && conn.isReady()) {
            conn.markClosed();
            host.fireDisconnected(conn);
        } else {
            Throwable why = info.failure != null
                    ? info.failure
                    : new StreamException("connection to " + info.remoteAddr + " closed during the handshake");
            info.ready.completeExceptionally(why);
            if (conn != null) {
                conn.markClosed();
            }
        }
        super.channelInactive(ctx);
    }
}
