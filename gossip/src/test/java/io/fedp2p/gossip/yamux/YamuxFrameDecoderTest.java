package io.fedp2p.gossip.yamux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fedp2p.gossip.fault.FaultKind;
import io.fedp2p.gossip.fault.PeerFault;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class YamuxFrameDecoderTest {
    private static FaultKind faultOf(Runnable r) {
        try {
            r.run();
        } catch (DecoderException e) {
            return ((PeerFault) e.getCause()).kind();
        }
        throw new AssertionError("no fault");
    }

    @Test
    void decodesTheJsOpeningFrameAndDataSplitAcrossReads() {
        EmbeddedChannel ch = new EmbeddedChannel(new YamuxFrameDecoder(1 << 20));
        // LIBP2P.md §7.2: js opens stream 1 with "00 01 0001 00000001 00000000"
        ch.writeInbound(Unpooled.wrappedBuffer(HexFormat.of().parseHex("000100010000000100000000")));
        ByteBuf data = YamuxFrames.data(1, 0, new byte[] {1, 2, 3});
        ch.writeInbound(data.readRetainedSlice(13));
        ch.writeInbound(data);

        YamuxFrame open = ch.readInbound();
        YamuxFrame d = ch.readInbound();
        assertThat(open.type).isEqualTo(YamuxFrame.TYPE_WINDOW_UPDATE);
        assertThat(open.has(YamuxFrame.FLAG_SYN)).isTrue();
        assertThat(open.streamId).isEqualTo(1);
        assertThat(d.data.readableBytes()).isEqualTo(3);
        d.release();
    }

    @Test
    void joinsSlicesThatContinueEachOtherAndCopiesOnlyAFrameSplitAcrossUnrelatedBuffers() {
        EmbeddedChannel ch = new EmbeddedChannel(new YamuxFrameDecoder(1 << 20));
        ByteBuf wire = Unpooled.buffer();
        for (int i = 0; i < 4; i++) {
            wire.writeBytes(YamuxFrames.data(1, 0, new byte[] {(byte) i, (byte) i, (byte) i, (byte) i, (byte) i}));
        }
        // 4 frames of 17 bytes: split at 10 and 30 into slices of one buffer, then the rest as a fresh copy
        ch.writeInbound(wire.retainedSlice(0, 10));
        ch.writeInbound(wire.retainedSlice(10, 20));
        ch.writeInbound(Unpooled.copiedBuffer(wire.slice(30, wire.readableBytes() - 30)));
        wire.release();

        for (int i = 0; i < 4; i++) {
            YamuxFrame f = ch.readInbound();
            assertThat(ByteBufUtil.getBytes(f.data)).containsOnly((byte) i).hasSize(5);
            f.release();
        }
        assertThat((Object) ch.readInbound()).isNull();
        assertThat(ch.finishAndReleaseAll()).isFalse();
    }

    @Test
    void refusesAnOversizedDataFrameBeforeBufferingIt() {
        EmbeddedChannel ch = new EmbeddedChannel(new YamuxFrameDecoder(1024));

        assertThat(faultOf(() -> ch.writeInbound(YamuxFrames.frame(0, 0, 1, 1025, null))))
                .isEqualTo(FaultKind.FRAME_TOO_LARGE);
    }

    @Test
    void refusesUnknownVersionAndType() {
        ByteBuf badVersion = YamuxFrames.windowUpdate(1, 0, 0);
        badVersion.setByte(0, 1);
        ByteBuf badType = YamuxFrames.frame(7, 0, 1, 0, null);

        assertThat(faultOf(() -> new EmbeddedChannel(new YamuxFrameDecoder(1024)).writeInbound(badVersion)))
                .isEqualTo(FaultKind.MALFORMED_FRAME);
        assertThat(faultOf(() -> new EmbeddedChannel(new YamuxFrameDecoder(1024)).writeInbound(badType)))
                .isEqualTo(FaultKind.MALFORMED_FRAME);
    }

    @Test
    void constructorChecksItsLimit() {
        assertThatThrownBy(() -> new YamuxFrameDecoder(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
