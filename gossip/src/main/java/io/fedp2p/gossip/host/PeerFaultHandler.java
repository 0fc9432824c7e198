package io.fedp2p.gossip.host;

import io.fedp2p.gossip.fault.FaultScope;
import io.fedp2p.gossip.fault.PeerFault;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Last handler of every connection (STYLE.md §2.5): a {@link PeerFault} is reported (one log line, a counter, the
 * fault sink) and the connection closed; socket errors close quietly; anything else is our bug, logged at WARN with
 * its stack trace, and also closes only this connection.
 */
final class PeerFaultHandler extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(PeerFaultHandler.class);

    private final FaultReporter reporter;

    PeerFaultHandler(FaultReporter reporter) {
        this.reporter = reporter;
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        Throwable root = cause instanceof DecoderException && cause.getCause() != null ? cause.getCause() : cause;
        ChannelInfo info = ChannelInfo.of(ctx.channel());
        if (!ctx.channel().isOpen() && info.failure != null) {
            return; // already reported and closing
        }
        if (info.failure == null) {
            info.failure = root;
        }
        if (root instanceof PeerFault fault) {
            reporter.report(info.peerId(), info.remoteAddr, fault.kind(), fault.getMessage(), FaultScope.CONNECTION);
        } else if (root instanceof IOException) {
            log.debug("connection to {} failed: {}", info.remoteAddr, root.toString());
        } else {
            log.warn("internal error on connection to {}; closing it", info.remoteAddr, root);
        }
        ctx.close();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        io.netty.util.ReferenceCountUtil.release(msg); // nothing after the muxer consumes raw reads
    }
}
