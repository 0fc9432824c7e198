package io.fedp2p.gossip.mss;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class MssHandlerTest {
    private static final HexFormat HEX = HexFormat.of();

    /** Records user events and reads that reach the end of the pipeline. */
    static final class Sink extends ChannelInboundHandlerAdapter {
        final List<Object> events = new ArrayList<>();
        final List<String> reads = new ArrayList<>();
        Throwable error;

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
            events.add(evt);
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ByteBuf b = (ByteBuf) msg;
            reads.add(HEX.formatHex(ByteBufUtil.getBytes(b)));
            b.release();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            error = cause instanceof DecoderException ? cause.getCause() : cause;
        }
    }

    @Test
    void responderAnswersInOneWriteSelectsAndPassesOnTheRest() {
        Sink sink = new Sink();
        EmbeddedChannel ch =
                new EmbeddedChannel(new MssHandler(MssNegotiation.responder("/noise"::equals, List::of), 1024), sink);

        // header, proposal and the first Noise bytes in one read (a lazy dialler)
        ch.writeInbound(
                Unpooled.wrappedBuffer(HEX.parseHex("132f6d756c746973747265616d2f312e302e300a072f6e6f6973650a0020ab")));

        ByteBuf reply = ch.readOutbound();
        assertThat(HEX.formatHex(ByteBufUtil.getBytes(reply)))
                .isEqualTo("132f6d756c746973747265616d2f312e302e300a072f6e6f6973650a");
        reply.release();
        assertThat(sink.events).containsExactly(new ProtocolSelected("/noise"));
        assertThat(sink.reads).containsExactly("0020ab");
        assertThat(ch.pipeline().get(MssHandler.class)).isNull();
    }

    @Test
    void initiatorHandlesAnswerSplitOverReads() {
        Sink sink = new Sink();
        EmbeddedChannel ch =
                new EmbeddedChannel(new MssHandler(MssNegotiation.initiator(List.of("/noise")), 1024), sink);
        ByteBuf first = ch.readOutbound();
        first.release();

        ch.writeInbound(Unpooled.wrappedBuffer(HEX.parseHex("132f6d756c746973747265616d2f312e302e300a")));
        ch.writeInbound(Unpooled.wrappedBuffer(HEX.parseHex("072f6e6f")));
        ch.writeInbound(Unpooled.wrappedBuffer(HEX.parseHex("6973650a")));

        assertThat(sink.events).containsExactly(new ProtocolSelected("/noise"));
    }

    @Test
    void garbageIsAPeerFault() {
        Sink sink = new Sink();
        EmbeddedChannel ch =
                new EmbeddedChannel(new MssHandler(MssNegotiation.responder(p -> true, List::of), 1024), sink);

        ch.writeInbound(Unpooled.wrappedBuffer(HEX.parseHex("ffffffffffff")));

        assertThat(sink.error).isInstanceOf(io.fedp2p.gossip.fault.PeerFault.class);
    }
}
