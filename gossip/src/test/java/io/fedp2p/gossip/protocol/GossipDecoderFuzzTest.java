package io.fedp2p.gossip.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.google.protobuf.ByteString;
import io.fedp2p.gossip.fault.PeerFault;
import io.fedp2p.gossip.identity.Identity;

/**
 * Peer-facing decoders of /fedp2p/gossip/1.0.0 on arbitrary input: they either return a valid value or throw {@link
 * PeerFault}, never anything else. Runs the stored inputs in regression mode; {@code JAZZER_FUZZ=1} fuzzes.
 */
class GossipDecoderFuzzTest {
    private static final Identity ALICE = Fixtures.identity(1);
    private static final Identity BOB = Fixtures.identity(2);
    private static final GossipInbox INBOX = new GossipInbox(BOB.peerId(), Fixtures.config(0));

    @FuzzTest(maxDuration = "20s")
    void headersAndContentDecodeOrFault(FuzzedDataProvider data) {
        byte[] header = data.consumeBytes(600);
        byte[] signature = data.consumeBytes(64);
        byte[] content = data.consumeRemainingAsBytes();
        try {
            SignedHeader h = SignedHeader.parse(ByteString.copyFrom(header), ByteString.copyFrom(signature));
            assertThat(h.header().contentHash().size()).isEqualTo(32);
            INBOX.onHeader(ALICE.peerId(), h, true);
        } catch (PeerFault expected) {
            // refused input is the normal outcome
        }
        try {
            MessageHeader h = Fixtures.signed(ALICE, BOB, 1, 0, content).header();
            ModelMessage m = ContentCodec.decode(h, content, 0);
            for (float v : m.theta()) assertThat(Float.isFinite(v)).isTrue();
        } catch (PeerFault expected) {
            // refused input is the normal outcome
        }
    }
}
