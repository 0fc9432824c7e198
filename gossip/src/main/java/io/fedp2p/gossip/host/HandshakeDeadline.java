package io.fedp2p.gossip.host;

import io.fedp2p.gossip.fault.FaultKind;
import io.fedp2p.gossip.fault.PeerFault;
import io.netty.channel.ChannelHandlerAdapter;
import io.netty.channel.ChannelHandlerContext;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Fails the connection with {@link FaultKind#TIMEOUT} unless the upgrade removes this handler within the
 * handshake deadline (multistream-select, Noise and the muxer choice together).
 */
final class HandshakeDeadline extends ChannelHandlerAdapter {
    private final Duration timeout;
    private ScheduledFuture<?> task;

    HandshakeDeadline(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        task = ctx.executor()
                .schedule(
                        () -> {
                            if (ctx.channel().isOpen()) {
                                ctx.fireExceptionCaught(new PeerFault(
                                        FaultKind.TIMEOUT,
                                        "handshake not finished within " + timeout.toMillis() + " ms"));
                            }
                        },
                        timeout.toNanos(),
                        TimeUnit.NANOSECONDS);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        if (task != null) {
            task.cancel(false);
        }
    }
}
