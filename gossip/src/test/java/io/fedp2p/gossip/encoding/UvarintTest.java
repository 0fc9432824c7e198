package io.fedp2p.gossip.encoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fedp2p.gossip.fault.FaultKind;
import io.fedp2p.gossip.fault.PeerFault;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UvarintTest {
    private static final HexFormat HEX = HexFormat.of();

    @ParameterizedTest
    @CsvSource({
        "0,00",
        "1,01",
        "127,7f",
        "128,8001",
        "255,ff01",
        "300,ac02",
        "16384,808001",
        "9223372036854775807,ffffffffffffffff7f"
    })
    void encodesAndDecodesTheSpecExamples(long value, String hex) {
        assertThat(HEX.formatHex(Uvarint.encode(value))).isEqualTo(hex);
        assertThat(Uvarint.encodedLength(value)).isEqualTo(hex.length() / 2);
        ByteBuf in = Unpooled.wrappedBuffer(HEX.parseHex(hex));
        assertThat(Uvarint.read(in)).isEqualTo(value);
        assertThat(in.isReadable()).isFalse();
    }

    @Test
    void rejectsNonMinimalEncoding() {
        assertThatThrownBy(() -> Uvarint.read(Unpooled.wrappedBuffer(HEX.parseHex("8100"))))
                .isInstanceOf(PeerFault.class)
                .extracting(e -> ((PeerFault) e).kind())
                .isEqualTo(FaultKind.MALFORMED_FRAME);
    }

    @Test
    void rejectsMoreThanNineBytes() {
        assertThatThrownBy(() -> Uvarint.read(Unpooled.wrappedBuffer(HEX.parseHex("ffffffffffffffffff01"))))
                .isInstanceOf(PeerFault.class);
    }

    @Test
    void tryReadAsksForMoreWhenTruncatedAndLeavesTheReaderIndex() {
        ByteBuf in = Unpooled.wrappedBuffer(HEX.parseHex("8080"));

        assertThat(Uvarint.tryRead(in, 9)).isEqualTo(-1);
        assertThat(in.readerIndex()).isZero();
    }

    @Test
    void tryReadHonoursASmallerCap() {
        assertThatThrownBy(() -> Uvarint.tryRead(Unpooled.wrappedBuffer(HEX.parseHex("808001")), 2))
                .isInstanceOf(PeerFault.class);
    }
}
