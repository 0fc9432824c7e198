package io.fedp2p.gossip.yamux;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.fedp2p.gossip.fault.PeerFault;
import io.fedp2p.gossip.host.WireLimits;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;

/**
 * Jazzer target for the yamux frame decoder: any input is decoded into frames or refused with {@link PeerFault};
 * nothing else may be thrown and every frame's buffer is released. Corpus: {@code
 * src/test/resources/io/fedp2p/gossip/yamux/YamuxFrameFuzzTestInputs/frames/}.
 */
class YamuxFrameFuzzTest {
    @FuzzTest
    void frames(byte[] data) {
        EmbeddedChannel ch = new EmbeddedChannel(new YamuxFrameDecoder(WireLimits.DEFAULTS.maxStreamWindowBytes()));
        try {
            ch.writeInbound(Unpooled.wrappedBuffer(data));
        } catch (DecoderException e) {
            if (!(e.getCause() instanceof PeerFault)) {
                throw e;
            }
        } finally {
            Object o;
            while ((o = ch.readInbound()) != null) {
                ((YamuxFrame) o).release();
            }
            ch.finishAndReleaseAll();
        }
    }
}
