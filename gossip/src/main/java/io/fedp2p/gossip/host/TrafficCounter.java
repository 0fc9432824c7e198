package io.fedp2p.gossip.host;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;

/** First handler of every connection: counts raw TCP bytes in and out into the channel's {@link ChannelInfo}. */
final class TrafficCounter extends ChannelDuplexHandler {
    private final ChannelInfo info;

    TrafficCounter(ChannelInfo info) {
        this.info = info;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ByteBuf b) {
            info.bytesIn.addAndGet(b.readableBytes());
            HostContext.PeerTraffic t = info.peerTraffic;
            if (t != null) {
                t.in.addAndGet(b.readableBytes());
            }
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof ByteBuf b) {
            info.bytesOut.addAndGet(b.readableBytes());
            HostContext.PeerTraffic t = info.peerTraffic;
            if (t != null) {
                t.out.addAndGet(b.readableBytes());
            }
        }
        ctx.write(msg, promise);
    }
}
