package io.fedp2p.gossip.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.fedp2p.gossip.encoding.Uvarint;
import io.fedp2p.gossip.fault.PeerFault;
import io.fedp2p.gossip.identity.Identity;
import io.fedp2p.gossip.mss.MssLines;
import io.fedp2p.gossip.multiaddr.Multiaddr;
import io.fedp2p.gossip.noise.HandshakePayloads;
import io.fedp2p.gossip.protocols.Identify;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Arrays;
import java.util.List;

/**
 * Jazzer targets for the decoders that read peer bytes (the yamux frame decoder's is {@code YamuxFrameFuzzTest}). A decoder may accept or throw {@link PeerFault}; any
 * other exception, a hang or a leak is a bug. Normal test runs replay the committed corpus under
 * {@code src/test/resources/io/fedp2p/gossip/fuzz/WireDecodersFuzzTestInputs/<method>/}; {@code -Pfuzz} fuzzes
 * (one target per run, chosen with {@code -Dtest=WireDecodersFuzzTest#<method>}).
 */
class WireDecodersFuzzTest {
    private static final byte[] STATIC_KEY = new byte[32];
    private static final Identity PEER = Identity.fromSeed(new byte[32]);

    @FuzzTest
    void varint(byte[] data) {
        ByteBuf in = Unpooled.wrappedBuffer(data);
        try {
            long v = Uvarint.tryRead(in, Uvarint.MAX_BYTES);
            if (v >= 0) {
                assertThat(Uvarint.encode(v)).isEqualTo(Arrays.copyOf(data, in.readerIndex()));
            }
        } catch (PeerFault expected) {
            // refused input
        }
    }

    @FuzzTest
    void multiaddr(byte[] data) {
        try {
            Multiaddr m = Multiaddr.fromBytes(data);
            assertThat(m.toBytes()).isEqualTo(data);
            assertThat(Multiaddr.parse(m.toString())).isEqualTo(m);
        } catch (PeerFault expected) {
            // refused input
        }
    }

    @FuzzTest
    void multistreamLine(byte[] data) {
        ByteBuf in = Unpooled.wrappedBuffer(data);
        try {
            String line;
            while ((line = MssLines.tryRead(in, 1024)) != null) {
                assertThat(line.length()).isLessThan(1024);
            }
        } catch (PeerFault expected) {
            // refused input
        }
    }

    @FuzzTest
    void noisePayload(byte[] data) {
        try {
            HandshakePayloads.verify(data, STATIC_KEY);
        } catch (PeerFault expected) {
            // refused input (a random payload cannot carry a valid signature)
        }
    }

    @FuzzTest
    void identify(byte[] data) {
        try {
            Identify.merge(List.of(Unpooled.wrappedBuffer(data)), PEER.peerId());
        } catch (PeerFault expected) {
            // refused input
        }
    }
}
