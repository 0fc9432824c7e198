package io.fedp2p.gossip.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.fedp2p.gossip.clock.VirtualClock;
import io.fedp2p.gossip.encoding.Uvarint;
import io.fedp2p.gossip.fault.FaultKind;
import io.fedp2p.gossip.fault.PeerFault;
import io.fedp2p.gossip.host.Host;
import io.fedp2p.gossip.host.HostConfig;
import io.fedp2p.gossip.identity.Identity;
import io.fedp2p.gossip.identity.PeerId;
import io.fedp2p.gossip.proto.GossipProtos;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Drives the inbound side of /fedp2p/gossip/1.0.0 frame by frame, one test per fault it raises. */
class InboundGossipStreamTest {
    private static Host host;
    private final Identity alice = Fixtures.identity(1);
    private final VirtualClock clock = new VirtualClock();
    private final List<ModelMessage> received = new ArrayList<>();
    private final List<EquivocationProof> proofs = new ArrayList<>();

    @BeforeAll
    static void startHost() {
        host = Host.create(HostConfig.of(Fixtures.identity(2)).withIoThreads(1));
    }

    @AfterAll
    static void stopHost() {
        host.close();
    }

    private GossipService service(GossipConfig config) {
        return new GossipService(host, new GossipInbox(host.peerId(), config), clock, new GossipService.Listener() {
            @Override
            public void onMessage(PeerId from, ModelMessage message, SignedHeader header) {
                received.add(message);
            }

            @Override
            public void onEquivocation(EquivocationProof proof) {
                proofs.add(proof);
            }
        });
    }

    private static ByteBuf frame(GossipProtos.Frame f) {
        byte[] body = f.toByteArray();
        ByteBuf out = Unpooled.buffer();
        Uvarint.write(out, body.length);
        out.writeBytes(body);
        return out;
    }

    private static GossipProtos.Frame chunk(byte[] content, int from, int to) {
        return GossipProtos.Frame.newBuilder()
                .setChunk(GossipProtos.Chunk.newBuilder().setData(ByteString.copyFrom(content, from, to - from)))
                .build();
    }

    private SignedHeader header(ModelMessage m, byte[] content) {
        return SignedHeader.sign(
                alice,
                new GossipInbox(alice.peerId(), Fixtures.config(8))
                        .header(
                                host.peerId(),
                                m,
                                ByteString.copyFrom(GossipConfig.sha256Bytes(content)),
                                content.length));
    }

    private static GossipProtos.Frame announce(SignedHeader h) {
        return GossipProtos.Frame.newBuilder().setAnnounce(h.toAnnounce()).build();
    }

    private FakeStream open(GossipService s) {
        FakeStream stream = new FakeStream(alice.peerId());
        s.onStream(stream);
        return stream;
    }

    @Test
    void deliversAMessageSentInSeveralChunks() {
        GossipService s = service(Fixtures.config(8));
        ModelMessage m = ModelMessage.withDelta(2, 0, 3, Fixtures.vector(8, 1), Fixtures.vector(8, 0), 0.25);
        byte[] content = ContentCodec.encode(m, PayloadEncoding.FLOAT32);
        FakeStream stream = open(s);

        stream.push(frame(announce(header(m, content))));
        stream.push(frame(chunk(content, 0, 10)));
        stream.push(frame(chunk(content, 10, content.length)));
        stream.reader.onRemoteClose(stream);

        assertThat(received).containsExactly(m);
        assertThat(stream.closedWrite).isTrue();
        assertThat(s.pendingBytes()).isZero();
    }

    @Test
    void refusesAFrameAboveTheLimitBeforeBufferingIt() {
        FakeStream stream = open(service(Fixtures.config(8)));
        ByteBuf huge = Unpooled.buffer();
        Uvarint.write(huge, 10L << 20);

        assertThatThrownBy(() -> stream.push(huge))
                .isInstanceOf(PeerFault.class)
                .satisfies(e -> assertThat(((PeerFault) e).kind()).isEqualTo(FaultKind.FRAME_TOO_LARGE));
    }

    @Test
    void refusesMalformedFrames() {
        FakeStream stream = open(service(Fixtures.config(8)));
        ByteBuf junk = Unpooled.buffer();
        Uvarint.write(junk, 3);
        junk.writeBytes(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff});

        assertThatThrownBy(() -> stream.push(junk))
                .satisfies(e -> assertThat(((PeerFault) e).kind()).isEqualTo(FaultKind.MALFORMED_FRAME));
    }

    @Test
    void refusesChunksBeforeTheHeader() {
        FakeStream stream = open(service(Fixtures.config(8)));

        assertThatThrownBy(() -> stream.push(frame(chunk(new byte[4], 0, 4))))
                .satisfies(e -> assertThat(((PeerFault) e).kind()).isEqualTo(FaultKind.PROTOCOL_VIOLATION));
    }

    @Test
    void refusesMoreContentThanAnnounced() {
        GossipService s = service(Fixtures.config(8));
        ModelMessage m = ModelMessage.of(1, 1, 2, Fixtures.vector(8, 1));
        byte[] content = ContentCodec.encode(m, PayloadEncoding.FLOAT32);
        FakeStream stream = open(s);
        stream.push(frame(announce(header(m, content))));

        byte[] longer = java.util.Arrays.copyOf(content, content.length + 1);
        assertThatThrownBy(() -> stream.push(frame(chunk(longer, 0, longer.length))))
                .satisfies(e -> assertThat(((PeerFault) e).kind()).isEqualTo(FaultKind.PROTOCOL_VIOLATION));
    }

    @Test
    void refusesAStreamThatEndsBeforeTheContentAndFreesItsReservation() {
        GossipService s = service(Fixtures.config(8));
        ModelMessage m = ModelMessage.of(1, 1, 2, Fixtures.vector(8, 1));
        byte[] content = ContentCodec.encode(m, PayloadEncoding.FLOAT32);
        FakeStream stream = open(s);
        stream.push(frame(announce(header(m, content))));
        assertThat(s.pendingBytes()).isEqualTo(content.length);

        assertThatThrownBy(() -> stream.reader.onRemoteClose(stream))
                .satisfies(e -> assertThat(((PeerFault) e).kind()).isEqualTo(FaultKind.PROTOCOL_VIOLATION));
        assertThat(s.pendingBytes()).isZero();
        assertThat(received).isEmpty();
    }

    @Test
    void resetsDuplicatesWithoutAFault() {
        GossipService s = service(Fixtures.config(8));
        ModelMessage m = ModelMessage.of(4, 1, 2, Fixtures.vector(8, 1));
        byte[] content = ContentCodec.encode(m, PayloadEncoding.FLOAT32);
        SignedHeader h = header(m, content);
        FakeStream first = open(s);
        first.push(frame(announce(h)));
        first.push(frame(chunk(content, 0, content.length)));

        FakeStream again = open(s);
        again.push(frame(announce(h)));

        assertThat(again.wasReset).isTrue();
        assertThat(received).hasSize(1);
    }

    @Test
    void reportsEquivocationAndResetsTheSecondStream() {
        GossipService s = service(Fixtures.config(8));
        ModelMessage m1 = ModelMessage.of(4, 1, 2, Fixtures.vector(8, 1));
        ModelMessage m2 = ModelMessage.of(4, 1, 2, Fixtures.vector(8, 2));
        open(s).push(frame(announce(header(m1, ContentCodec.encode(m1, PayloadEncoding.FLOAT32)))));

        FakeStream second = open(s);
        second.push(frame(announce(header(m2, ContentCodec.encode(m2, PayloadEncoding.FLOAT32)))));

        assertThat(second.wasReset).isTrue();
        assertThat(proofs).singleElement().satisfies(p -> assertThat(p.verifies())
                .isTrue());
    }

    @Test
    void refusesABadSignature() {
        ModelMessage m = ModelMessage.of(1, 0, 2, Fixtures.vector(8, 1));
        byte[] content = ContentCodec.encode(m, PayloadEncoding.FLOAT32);
        SignedHeader h = header(m, content);
        byte[] sig = h.signature().toByteArray();
        sig[63] ^= 0x10;
        GossipProtos.Frame bad = GossipProtos.Frame.newBuilder()
                .setAnnounce(
                        GossipProtos.Announce.newBuilder().setHeader(h.bytes()).setSignature(ByteString.copyFrom(sig)))
                .build();
        FakeStream stream = open(service(Fixtures.config(8)));

        assertThatThrownBy(() -> stream.push(frame(bad)))
                .satisfies(e -> assertThat(((PeerFault) e).kind()).isEqualTo(FaultKind.BAD_SIGNATURE));
    }

    @Test
    void refusesTooManyConcurrentStreamsFromOnePeer() {
        GossipService s = service(Fixtures.config(8));
        for (int i = 0; i < Fixtures.config(8).maxInboundStreamsPerPeer(); i++) open(s);

        assertThatThrownBy(() -> open(s))
                .satisfies(e -> assertThat(((PeerFault) e).kind()).isEqualTo(FaultKind.RATE_LIMIT));
    }

    @Test
    void refusesContentWhenThePendingBytesCapIsReached() {
        GossipConfig small = new GossipConfig(
                "test-net",
                Fixtures.ADAPTER,
                Fixtures.BACKBONE,
                8,
                PayloadEncoding.FLOAT32,
                60,
                16,
                1024,
                8,
                60,
                java.time.Duration.ofSeconds(5),
                3,
                true,
                8);
        GossipService s = service(small);
        ModelMessage m1 = ModelMessage.of(1, 0, 2, Fixtures.vector(8, 1));
        ModelMessage m2 = ModelMessage.of(1, 1, 2, Fixtures.vector(8, 1));
        open(s).push(frame(announce(header(m1, ContentCodec.encode(m1, PayloadEncoding.FLOAT32)))));

        FakeStream second = open(s);
        assertThatThrownBy(() ->
                        second.push(frame(announce(header(m2, ContentCodec.encode(m2, PayloadEncoding.FLOAT32))))))
                .satisfies(e -> assertThat(((PeerFault) e).kind()).isEqualTo(FaultKind.RATE_LIMIT));
    }

    @Test
    void resetsAStalledMessageAtItsDeadline() {
        GossipService s = service(Fixtures.config(8));
        ModelMessage m = ModelMessage.of(1, 0, 2, Fixtures.vector(8, 1));
        byte[] content = ContentCodec.encode(m, PayloadEncoding.FLOAT32);
        FakeStream stream = open(s);
        stream.push(frame(announce(header(m, content))));

        clock.runUntil(Fixtures.config(8).streamTimeout().toNanos() + 1);

        assertThat(stream.wasReset).isTrue();
        assertThat(s.pendingBytes()).isZero();
    }
}
