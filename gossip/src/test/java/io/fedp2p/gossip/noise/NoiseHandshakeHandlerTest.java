package io.fedp2p.gossip.noise;

import static io.fedp2p.gossip.noise.NoiseVectors.HEX;
import static io.fedp2p.gossip.noise.NoiseVectors.keys;
import static org.assertj.core.api.Assertions.assertThat;

import io.fedp2p.gossip.fault.FaultKind;
import io.fedp2p.gossip.fault.PeerFault;
import io.fedp2p.gossip.identity.Identity;
import io.fedp2p.gossip.identity.PeerId;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Replays the libp2p Noise transcript produced by @chainsafe/libp2p-noise 17.0.0 (LIBP2P.md §6.9 b). */
class NoiseHandshakeHandlerTest {
    private static final List<String> YAMUX = List.of("/yamux/1.0.0");

    static final class Sink extends ChannelInboundHandlerAdapter {
        final List<SecureSessionReady> ready = new ArrayList<>();
        final List<String> reads = new ArrayList<>();
        Throwable error;

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
            ready.add((SecureSessionReady) evt);
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

    private static NoiseHandshakeHandler initiator(PeerId expected) {
        return new NoiseHandshakeHandler(
                true,
                Identity.fromSeed(HEX.parseHex(NoiseVectors.INIT_IDENTITY_SEED)),
                expected,
                YAMUX,
                keys(NoiseVectors.INIT_STATIC),
                () -> keys(NoiseVectors.INIT_EPHEMERAL));
    }

    private static NoiseHandshakeHandler responder() {
        return new NoiseHandshakeHandler(
                false,
                Identity.fromSeed(HEX.parseHex(NoiseVectors.RESP_IDENTITY_SEED)),
                null,
                YAMUX,
                keys(NoiseVectors.RESP_STATIC),
                () -> keys(NoiseVectors.RESP_EPHEMERAL));
    }

    private static String out(EmbeddedChannel ch) {
        ByteBuf b = ch.readOutbound();
        try {
            return HEX.formatHex(ByteBufUtil.getBytes(b));
        } finally {
            b.release();
        }
    }

    @Test
    void initiatorWritesTheJsTranscriptAndSwitchesToTransport() {
        Sink sink = new Sink();
        EmbeddedChannel ch = new EmbeddedChannel(initiator(null), sink);

        assertThat(out(ch)).isEqualTo(NoiseVectors.FRAME1);
        ch.writeInbound(Unpooled.wrappedBuffer(HEX.parseHex(NoiseVectors.FRAME2)));
        assertThat(out(ch)).isEqualTo(NoiseVectors.FRAME3);

        assertThat(sink.ready).hasSize(1);
        assertThat(sink.ready.get(0).remote().peerId())
                .hasToString("12D3KooWK99VoVxNE7XzyBwXEzW7xhK7Gpv85r9F3V3fyKSUKPH5");
        assertThat(sink.ready.get(0).inlinedMuxer(true)).isEqualTo("/yamux/1.0.0");
        ch.writeOutbound(Unpooled.wrappedBuffer(HEX.parseHex(NoiseVectors.MSS_YAMUX)));
        assertThat(out(ch)).isEqualTo("0032" + NoiseVectors.I_TO_R);
        ch.writeInbound(Unpooled.wrappedBuffer(HEX.parseHex("0032" + NoiseVectors.R_TO_I)));
        assertThat(sink.reads).containsExactly(NoiseVectors.MSS_YAMUX);
        assertThat(ch.pipeline().get(NoiseHandshakeHandler.class)).isNull();
    }

    @Test
    void responderWritesTheJsTranscript() {
        Sink sink = new Sink();
        EmbeddedChannel ch = new EmbeddedChannel(responder(), sink);

        ch.writeInbound(Unpooled.wrappedBuffer(HEX.parseHex(NoiseVectors.FRAME1)));
        assertThat(out(ch)).isEqualTo(NoiseVectors.FRAME2);
        // message 3 and the first transport message in one read
        ch.writeInbound(Unpooled.wrappedBuffer(HEX.parseHex(NoiseVectors.FRAME3 + "0032" + NoiseVectors.I_TO_R)));

        assertThat(sink.ready).hasSize(1);
        assertThat(sink.ready.get(0).remote().peerId())
                .hasToString("12D3KooWBtg3aaRMjxwedh83aGiUkwSxDwUZkzuJcfaqUmo7R3pq");
        assertThat(sink.reads).containsExactly(NoiseVectors.MSS_YAMUX);
        ch.writeOutbound(Unpooled.wrappedBuffer(HEX.parseHex(NoiseVectors.MSS_YAMUX)));
        assertThat(out(ch)).isEqualTo("0032" + NoiseVectors.R_TO_I);
    }

    @Test
    void initiatorRefusesAPeerOtherThanTheDialledOneBeforeSendingMessage3() {
        Sink sink = new Sink();
        EmbeddedChannel ch =
                new EmbeddedChannel(initiator(Identity.fromSeed(new byte[32]).peerId()), sink);
        out(ch);

        ch.writeInbound(Unpooled.wrappedBuffer(HEX.parseHex(NoiseVectors.FRAME2)));

        assertThat(sink.error).isInstanceOf(PeerFault.class);
        assertThat(((PeerFault) sink.error).kind()).isEqualTo(FaultKind.WRONG_PEER_ID);
        assertThat((Object) ch.readOutbound()).isNull();
    }

    @Test
    void responderRefusesAForgedIdentitySignature() {
        Sink sink = new Sink();
        EmbeddedChannel ch = new EmbeddedChannel(responder(), sink);
        ch.writeInbound(Unpooled.wrappedBuffer(HEX.parseHex(NoiseVectors.FRAME1)));
        out(ch);
        // Flipping a ciphertext bit makes the AEAD tag fail: the payload, signature included, is authenticated.
        byte[] frame3 = HEX.parseHex(NoiseVectors.FRAME3);
        frame3[100] ^= 1;

        ch.writeInbound(Unpooled.wrappedBuffer(frame3));

        assertThat(sink.error).isInstanceOf(PeerFault.class);
        assertThat(sink.ready).isEmpty();
    }

    @Test
    void payloadWithASignatureOverAnotherStaticKeyIsRefused() {
        Identity id = Identity.fromSeed(new byte[32]);
        byte[] payload = HandshakePayloads.build(id, new byte[32], YAMUX);

        PeerFault fault = org.junit.jupiter.api.Assertions.assertThrows(
                PeerFault.class,
                () -> HandshakePayloads.verify(
                        payload, keys(NoiseVectors.INIT_STATIC).publicKey()));

        assertThat(fault.kind()).isEqualTo(FaultKind.BAD_SIGNATURE);
    }
}
