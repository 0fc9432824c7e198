package io.fedp2p.gossip.mss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fedp2p.gossip.fault.FaultKind;
import io.fedp2p.gossip.fault.PeerFault;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Byte vectors from LIBP2P.md §5.1 and §5.3. */
class MssLinesTest {
    private static final HexFormat HEX = HexFormat.of();

    @ParameterizedTest
    @CsvSource({
        "na,036e610a",
        "/multistream/1.0.0,132f6d756c746973747265616d2f312e302e300a",
        "/noise,072f6e6f6973650a",
        "/yamux/1.0.0,0d2f79616d75782f312e302e300a",
        "/ipfs/id/1.0.0,0f2f697066732f69642f312e302e300a",
        "/ipfs/ping/1.0.0,112f697066732f70696e672f312e302e300a",
        "/fedp2p/echo/1.0.0,132f6665647032702f6563686f2f312e302e300a"
    })
    void encodesAndReadsTheSpecLines(String line, String hex) {
        assertThat(HEX.formatHex(MssLines.encode(line))).isEqualTo(hex);
        assertThat(MssLines.tryRead(Unpooled.wrappedBuffer(HEX.parseHex(hex)), 1024))
                .isEqualTo(line);
    }

    @Test
    void encodesTheLsReply() {
        assertThat(HEX.formatHex(MssLines.encodeLs(List.of("/ipfs/id/1.0.0", "/ipfs/ping/1.0.0"))))
                .isEqualTo("230f2f697066732f69642f312e302e300a112f697066732f70696e672f312e302e300a0a");
    }

    @Test
    void waitsForAWholeLine() {
        ByteBuf in = Unpooled.wrappedBuffer(HEX.parseHex("072f6e6f69"));

        assertThat(MssLines.tryRead(in, 1024)).isNull();
        assertThat(in.readerIndex()).isZero();
    }

    @Test
    void refusesOverlongLinesBeforeReadingThem() {
        ByteBuf in = Unpooled.wrappedBuffer(HEX.parseHex("8108"));

        assertThatThrownBy(() -> MssLines.tryRead(in, 1024))
                .isInstanceOf(PeerFault.class)
                .extracting(e -> ((PeerFault) e).kind())
                .isEqualTo(FaultKind.FRAME_TOO_LARGE);
    }

    @Test
    void refusesMissingNewlineEmptyLinesAndLongVarints() {
        assertThatThrownBy(() -> MssLines.tryRead(Unpooled.wrappedBuffer(HEX.parseHex("026e61")), 1024))
                .hasMessageContaining("newline");
        assertThatThrownBy(() -> MssLines.tryRead(Unpooled.wrappedBuffer(HEX.parseHex("00")), 1024))
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> MssLines.tryRead(Unpooled.wrappedBuffer(HEX.parseHex("808001")), 1024))
                .isInstanceOf(PeerFault.class);
    }
}
