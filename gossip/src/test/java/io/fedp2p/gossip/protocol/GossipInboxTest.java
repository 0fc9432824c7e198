package io.fedp2p.gossip.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.fedp2p.gossip.fault.FaultKind;
import io.fedp2p.gossip.fault.PeerFault;
import io.fedp2p.gossip.identity.Identity;
import org.junit.jupiter.api.Test;

class GossipInboxTest {
    private final Identity alice = Fixtures.identity(1);
    private final Identity bob = Fixtures.identity(2);
    private final Identity carol = Fixtures.identity(3);
    private final GossipInbox bobInbox = new GossipInbox(bob.peerId(), Fixtures.config(4));

    private static FaultKind kindOf(Throwable t) {
        return ((PeerFault) t).kind();
    }

    @Test
    void admitsAValidMessageAndDecodesItsContent() {
        ModelMessage m = ModelMessage.withDelta(3, 0, 2, Fixtures.vector(4, 1), Fixtures.vector(4, -1), 0.5);
        byte[] content = ContentCodec.encode(m, PayloadEncoding.FLOAT32);
        SignedHeader h = SignedHeader.sign(
                alice,
                new GossipInbox(alice.peerId(), Fixtures.config(4))
                        .header(
                                bob.peerId(),
                                m,
                                ByteString.copyFrom(GossipConfig.sha256Bytes(content)),
                                content.length));

        HeaderLedger.Result r = bobInbox.onHeader(alice.peerId(), h, true);
        ModelMessage got = bobInbox.onContent(h, content);

        assertThat(r.admission()).isEqualTo(HeaderLedger.Admission.ADMIT);
        assertThat(got).isEqualTo(m);
        assertThat(got.residual()).hasValue(0.5);
        assertThat(got.degree()).isEqualTo(2);
    }

    @Test
    void refusesAWrongSignature() {
        SignedHeader good = Fixtures.signed(alice, bob, 1, 0, new byte[10]);
        byte[] sig = good.signature().toByteArray();
        sig[0] ^= 1;
        SignedHeader forged = new SignedHeader(good.bytes(), ByteString.copyFrom(sig), good.header());

        assertThatThrownBy(() -> bobInbox.onHeader(alice.peerId(), forged, true))
                .isInstanceOf(PeerFault.class)
                .satisfies(e -> assertThat(kindOf(e)).isEqualTo(FaultKind.BAD_SIGNATURE));
    }

    @Test
    void refusesAnUnsignedHeaderOnTheWire() {
        SignedHeader good = Fixtures.signed(alice, bob, 1, 0, new byte[10]);

        assertThatThrownBy(() -> SignedHeader.parse(good.bytes(), ByteString.EMPTY))
                .satisfies(e -> assertThat(kindOf(e)).isEqualTo(FaultKind.BAD_SIGNATURE));
    }

    @Test
    void refusesAHeaderSignedByAnotherPeerThanTheConnection() {
        SignedHeader byCarol = Fixtures.signed(carol, bob, 1, 0, new byte[10]);

        assertThatThrownBy(() -> bobInbox.onHeader(alice.peerId(), byCarol, true))
                .satisfies(e -> assertThat(kindOf(e)).isEqualTo(FaultKind.WRONG_PEER_ID));
    }

    @Test
    void refusesAMessageAddressedToSomeoneElse() {
        SignedHeader toCarol = Fixtures.signed(alice, carol, 1, 0, new byte[10]);

        assertThatThrownBy(() -> bobInbox.onHeader(alice.peerId(), toCarol, true))
                .satisfies(e -> assertThat(kindOf(e)).isEqualTo(FaultKind.WRONG_PEER_ID))
                .hasMessageContaining("addressed to");
    }

    @Test
    void refusesContentAboveTheCapBeforeReadingIt() {
        GossipInbox small = new GossipInbox(bob.peerId(), Fixtures.config(4).withMaxContentBytes(100));
        SignedHeader big = Fixtures.signed(alice, bob, 1, 0, new byte[101]);

        assertThatThrownBy(() -> small.onHeader(alice.peerId(), big, true))
                .satisfies(e -> assertThat(kindOf(e)).isEqualTo(FaultKind.FRAME_TOO_LARGE));
    }

    @Test
    void refusesOtherNetworks() {
        GossipInbox other = new GossipInbox(
                bob.peerId(), GossipConfig.defaults("other-net", Fixtures.ADAPTER, Fixtures.BACKBONE, 4));

        assertThatThrownBy(() -> other.onHeader(alice.peerId(), Fixtures.signed(alice, bob, 1, 0, new byte[1]), true))
                .satisfies(e -> assertThat(kindOf(e)).isEqualTo(FaultKind.PROTOCOL_VIOLATION));
    }

    @Test
    void refusesOtherAdapterSetupsWithAReasonThatNamesThem() {
        GossipInbox other = new GossipInbox(
                bob.peerId(),
                GossipConfig.defaults("test-net", GossipConfig.sha256("fed-sb r=8|fedsb=other"), Fixtures.BACKBONE, 4));

        assertThatThrownBy(() -> other.onHeader(alice.peerId(), Fixtures.signed(alice, bob, 1, 0, new byte[1]), true))
                .satisfies(e -> assertThat(kindOf(e)).isEqualTo(FaultKind.PROTOCOL_VIOLATION))
                .hasMessageContaining("another adapter setup")
                .hasMessageContaining("Fed-SB factors");
    }

    @Test
    void refusesContentThatDoesNotMatchTheSignedHash() {
        SignedHeader h = Fixtures.signed(alice, bob, 1, 0, new byte[10]);
        bobInbox.onHeader(alice.peerId(), h, true);

        assertThatThrownBy(() -> bobInbox.onContent(h, new byte[] {1, 0, 0, 0, 0, 0, 0, 0, 0, 0}))
                .satisfies(e -> assertThat(kindOf(e)).isEqualTo(FaultKind.BAD_PAYLOAD));
    }

    @Test
    void dropsDuplicatesAndStaleSlotsAndMovesOnlyForward() {
        SignedHeader r1s1 = Fixtures.signed(alice, bob, 1, 1, new byte[] {1});
        SignedHeader r1s0 = Fixtures.signed(alice, bob, 1, 0, new byte[] {2});
        SignedHeader r2s0 = Fixtures.signed(alice, bob, 2, 0, new byte[] {3});

        assertThat(bobInbox.onHeader(alice.peerId(), r1s1, true).admission()).isEqualTo(HeaderLedger.Admission.ADMIT);
        assertThat(bobInbox.onHeader(alice.peerId(), r1s1, true).admission())
                .isEqualTo(HeaderLedger.Admission.DUPLICATE);
        assertThat(bobInbox.onHeader(alice.peerId(), r1s0, true).admission()).isEqualTo(HeaderLedger.Admission.STALE);
        assertThat(bobInbox.onHeader(alice.peerId(), r2s0, true).admission()).isEqualTo(HeaderLedger.Admission.ADMIT);
    }

    @Test
    void provesEquivocationOnTwoContentsForOneSlot() {
        SignedHeader first = Fixtures.signed(alice, bob, 5, 2, new byte[] {1});
        SignedHeader second = Fixtures.signed(alice, bob, 5, 2, new byte[] {2});
        bobInbox.onHeader(alice.peerId(), first, true);

        HeaderLedger.Result r = bobInbox.onHeader(alice.peerId(), second, true);

        assertThat(r.admission()).isEqualTo(HeaderLedger.Admission.EQUIVOCATION);
        assertThat(r.proof()).hasValueSatisfying(p -> {
            assertThat(p.offender()).isEqualTo(alice.peerId());
            assertThat(p.verifies()).isTrue();
        });
        assertThat(bobInbox.ledger().hasEquivocated(alice.peerId())).isTrue();
    }

    @Test
    void relayedHeadersAddressedToOthersProveEquivocationAcrossRecipients() {
        // alice sends content 1 to bob and content 2 to carol for the same slot; carol relays hers to bob
        SignedHeader toBob = Fixtures.signed(alice, bob, 7, 0, new byte[] {1});
        SignedHeader toCarol = Fixtures.signed(alice, carol, 7, 0, new byte[] {2});
        bobInbox.onHeader(alice.peerId(), toBob, true);

        var proof = bobInbox.onEvidence(carol.peerId(), toCarol, true);

        assertThat(proof).hasValueSatisfying(p -> assertThat(p.verifies()).isTrue());
    }

    @Test
    void sameContentToDifferentRecipientsIsNotEquivocation() {
        SignedHeader toBob = Fixtures.signed(alice, bob, 7, 0, new byte[] {1});
        SignedHeader toCarol = Fixtures.signed(alice, carol, 7, 0, new byte[] {1});
        bobInbox.onHeader(alice.peerId(), toBob, true);

        assertThat(bobInbox.onEvidence(carol.peerId(), toCarol, true)).isEmpty();
    }

    @Test
    void blamesTheRelayerForForgedEvidence() {
        SignedHeader good = Fixtures.signed(alice, carol, 7, 0, new byte[] {1});
        byte[] sig = good.signature().toByteArray();
        sig[10] ^= 4;

        assertThatThrownBy(() -> bobInbox.onEvidence(
                        carol.peerId(), new SignedHeader(good.bytes(), ByteString.copyFrom(sig), good.header()), true))
                .satisfies(e -> assertThat(kindOf(e)).isEqualTo(FaultKind.BAD_SIGNATURE));
    }

    @Test
    void signatureIsDomainSeparated() {
        SignedHeader h = Fixtures.signed(alice, bob, 1, 0, new byte[1]);

        // a plain signature over the header bytes (no domain prefix) must not verify
        byte[] plain = alice.sign(h.bytes().toByteArray());

        assertThat(new SignedHeader(h.bytes(), ByteString.copyFrom(plain), h.header()).verifies())
                .isFalse();
        assertThat(h.verifies()).isTrue();
    }
}
