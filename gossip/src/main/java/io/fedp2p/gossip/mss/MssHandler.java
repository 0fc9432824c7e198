package io.fedp2p.gossip.mss;

import io.fedp2p.gossip.fault.FaultKind;
import io.fedp2p.gossip.fault.PeerFault;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * multistream-select on a whole channel (the raw TCP socket for {@code /noise}, the Noise channel for {@code
 * /yamux/1.0.0}). Answers of one read are sent in one write. When a protocol is chosen it fires {@link
 * ProtocolSelected} and removes itself; bytes after the chosen line pass on to the next handler. One per channel.
 */
public final class MssHandler extends ByteToMessageDecoder {
    private final MssNegotiation negotiation;
    private final int maxLineBytes;
    private boolean started;
    private boolean done;

    public MssHandler(MssNegotiation negotiation, int maxLineBytes) {
        this.negotiation = negotiation;
        this.maxLineBytes = maxLineBytes;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        if (ctx.channel().isActive()) {
            start(ctx);
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        start(ctx);
        super.channelActive(ctx);
    }

    private void start(ChannelHandlerContext ctx) {
        if (!started) {
            started = true;
            byte[] first = negotiation.start();
            if (first.length > 0) {
                ctx.writeAndFlush(ctx.alloc().buffer(first.length).writeBytes(first), ctx.voidPromise());
            }
        }
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        ByteBuf reply = null;
        try {
            while (!done) {
                String line = MssLines.tryRead(in, maxLineBytes);
                if (line == null) {
                    break;
                }
                MssNegotiation.Step step = negotiation.onLine(line);
                if (step.reply().length > 0) {
                    if (reply == null) {
                        reply = ctx.alloc().buffer();
                    }
                    reply.writeBytes(step.reply());
                }
                if (step.refused()) {
                    throw new PeerFault(FaultKind.PROTOCOL_VIOLATION, "peer supports none of the proposed protocols");
                }
                if (step.selected() != null) {
                    done = true;
                    flushReply(ctx, reply);
                    reply = null;
                    ctx.fireUserEventTriggered(new ProtocolSelected(step.selected()));
                    ctx.pipeline().remove(this);
                }
            }
        } finally {
            flushReply(ctx, reply);
        }
    }

    private static void flushReply(ChannelHandlerContext ctx, ByteBuf reply) {
        if (reply != null) {
            ctx.writeAndFlush(reply, ctx.voidPromise());
        }
    }
}
