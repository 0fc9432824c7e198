package io.fedp2p.gossip.mss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fedp2p.gossip.fault.PeerFault;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class MssNegotiationTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void initiatorSendsHeaderAndProposalTogether() {
        MssNegotiation n = MssNegotiation.initiator(List.of("/noise"));

        // LIBP2P.md §5.2: the TCP upgrade's first flight
        assertThat(HEX.formatHex(n.start())).isEqualTo("132f6d756c746973747265616d2f312e302e300a072f6e6f6973650a");
        assertThat(n.onLine(MssLines.HEADER).selected()).isNull();
        assertThat(n.onLine("/noise").selected()).isEqualTo("/noise");
    }

    @Test
    void initiatorTriesTheNextProposalAfterNaAndReportsRefusalAtTheEnd() {
        MssNegotiation n = MssNegotiation.initiator(List.of("/a", "/b"));
        n.start();
        n.onLine(MssLines.HEADER);

        MssNegotiation.Step afterFirstNa = n.onLine(MssLines.NA);
        MssNegotiation.Step afterSecondNa = n.onLine(MssLines.NA);

        assertThat(afterFirstNa.reply()).isEqualTo(MssLines.encode("/b"));
        assertThat(afterSecondNa.refused()).isTrue();
    }

    @Test
    void responderAnswersHeaderSupportedUnsupportedAndLs() {
        MssNegotiation n = MssNegotiation.responder("/yes"::equals, () -> List.of("/yes"));

        assertThat(n.start()).isEmpty();
        assertThat(n.onLine(MssLines.HEADER).reply()).isEqualTo(MssLines.encode(MssLines.HEADER));
        assertThat(n.onLine("/no").reply()).isEqualTo(MssLines.encode(MssLines.NA));
        assertThat(n.onLine(MssLines.LS).reply()).isEqualTo(MssLines.encodeLs(List.of("/yes")));
        MssNegotiation.Step yes = n.onLine("/yes");
        assertThat(yes.selected()).isEqualTo("/yes");
        assertThat(yes.reply()).isEqualTo(MssLines.encode("/yes"));
    }

    @Test
    void firstLineMustBeTheHeader() {
        assertThatThrownBy(() -> MssNegotiation.responder(p -> true, List::of).onLine("/noise"))
                .isInstanceOf(PeerFault.class)
                .hasMessageContaining("expected multistream header");
    }

    @Test
    void initiatorRefusesAnswersItDidNotAskFor() {
        MssNegotiation n = MssNegotiation.initiator(List.of("/noise"));
        n.onLine(MssLines.HEADER);

        assertThatThrownBy(() -> n.onLine("/tls/1.0.0")).isInstanceOf(PeerFault.class);
    }

    @Test
    void responderStopsAPeerThatKeepsProposing() {
        MssNegotiation n = MssNegotiation.responder(p -> false, List::of);
        n.onLine(MssLines.HEADER);
        for (int i = 0; i < MssNegotiation.MAX_REFUSALS; i++) {
            n.onLine("/x" + i);
        }

        assertThatThrownBy(() -> n.onLine("/again")).isInstanceOf(PeerFault.class);
    }
}
