package io.fedp2p.gossip.protocols;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fedp2p.gossip.fault.FaultKind;
import io.fedp2p.gossip.fault.PeerFault;
import io.fedp2p.gossip.host.IdentifyInfo;
import io.fedp2p.gossip.identity.Identity;
import io.fedp2p.gossip.multiaddr.Multiaddr;
import io.fedp2p.gossip.proto.IdentifyProtos;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdentifyTest {
    private final Identity peer = Identity.fromSeed(new byte[32]);

    @Test
    void roundTripsOurMessage() {
        IdentifyProtos.Identify msg = Identify.message(
                peer.publicKey(),
                List.of(Multiaddr.parse("/ip4/127.0.0.1/tcp/4001")),
                List.of("/ipfs/ping/1.0.0"),
                Multiaddr.parse("/ip4/10.0.0.1/tcp/5555"),
                "fedp2p/test");

        IdentifyInfo info = Identify.validate(msg, peer.peerId());

        assertThat(info.listenAddrs()).containsExactly(Multiaddr.parse("/ip4/127.0.0.1/tcp/4001"));
        assertThat(info.observedAddr()).contains(Multiaddr.parse("/ip4/10.0.0.1/tcp/5555"));
        assertThat(info.protocols()).containsExactly("/ipfs/ping/1.0.0");
        assertThat(info.protocolVersion()).isEqualTo("ipfs/0.1.0");
    }

    @Test
    void mergesSeveralMessagesLikeJs() {
        IdentifyProtos.Identify a = IdentifyProtos.Identify.newBuilder()
                .setPublicKey(
                        com.google.protobuf.ByteString.copyFrom(peer.publicKey().toProtobuf()))
                .addProtocols("/a")
                .setAgentVersion("old")
                .build();
        IdentifyProtos.Identify b = IdentifyProtos.Identify.newBuilder()
                .addProtocols("/b")
                .setAgentVersion("new")
                .build();
        List<ByteBuf> messages =
                List.of(Unpooled.wrappedBuffer(a.toByteArray()), Unpooled.wrappedBuffer(b.toByteArray()));

        IdentifyInfo info = Identify.merge(messages, peer.peerId());

        assertThat(info.protocols()).containsExactly("/a", "/b");
        assertThat(info.agentVersion()).isEqualTo("new");
    }

    @Test
    void aKeyOfAnotherPeerIsAWrongPeerIdFault() {
        IdentifyProtos.Identify msg = Identify.message(peer.publicKey(), List.of(), List.of(), null, "x");
        Identity other = Identity.fromSeed(new byte[] {
            1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1
        });

        assertThatThrownBy(() -> Identify.validate(msg, other.peerId()))
                .isInstanceOf(PeerFault.class)
                .extracting(e -> ((PeerFault) e).kind())
                .isEqualTo(FaultKind.WRONG_PEER_ID);
    }

    @Test
    void missingKeyAndGarbageAreBadPayload() {
        assertThatThrownBy(() -> Identify.validate(IdentifyProtos.Identify.getDefaultInstance(), peer.peerId()))
                .isInstanceOf(PeerFault.class);
        assertThatThrownBy(
                        () -> Identify.merge(List.of(Unpooled.wrappedBuffer(new byte[] {(byte) 0xff})), peer.peerId()))
                .isInstanceOf(PeerFault.class);
    }

    @Test
    void skipsListenAddressesItCannotParse() {
        IdentifyProtos.Identify msg = Identify.message(peer.publicKey(), List.of(), List.of(), null, "x").toBuilder()
                .addListenAddrs(com.google.protobuf.ByteString.copyFrom(new byte[] {(byte) 0xbf, 0x03}))
                .build();

        assertThat(Identify.validate(msg, peer.peerId()).listenAddrs()).isEmpty();
    }
}
