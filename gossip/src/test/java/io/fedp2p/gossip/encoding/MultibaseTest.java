package io.fedp2p.gossip.encoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Vectors from multiformats/multibase tests/basic.csv and leading_zero.csv (LIBP2P.md §3.3). */
class MultibaseTest {
    private static final byte[] YES_MANI = "yes mani !".getBytes(StandardCharsets.US_ASCII);

    @Test
    void encodesTheBasicVectors() {
        assertThat(Multibase.encodeBase58(YES_MANI)).isEqualTo("z7paNL19xttacUY");
        assertThat(Multibase.encodeBase32(YES_MANI)).isEqualTo("bpfsxgidnmfxgsibb");
    }

    @Test
    void keepsLeadingZeroBytes() {
        byte[] withZero = new byte[YES_MANI.length + 1];
        System.arraycopy(YES_MANI, 0, withZero, 1, YES_MANI.length);

        assertThat(Multibase.encodeBase58(withZero)).isEqualTo("z17paNL19xttacUY");
        assertThat(Multibase.encodeBase32(withZero)).isEqualTo("bab4wk4zanvqw42jaee");
        assertThat(Multibase.decode("z17paNL19xttacUY")).isEqualTo(withZero);
        assertThat(Multibase.decode("bab4wk4zanvqw42jaee")).isEqualTo(withZero);
    }

    @Test
    void roundTripsEmptyAndZeroOnlyInput() {
        assertThat(Base58.decode(Base58.encode(new byte[0]))).isEmpty();
        assertThat(Base58.encode(new byte[3])).isEqualTo("111");
        assertThat(Base58.decode("111")).isEqualTo(new byte[3]);
        assertThat(Base32.decode(Base32.encode(new byte[] {1, 2, 3, 4, 5}))).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void refusesCharactersOutsideTheAlphabetsAndUnknownPrefixes() {
        assertThatThrownBy(() -> Base58.decode("0OIl")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Base32.decode("abc1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Multibase.decode("mAAAA")).hasMessageContaining("prefix");
    }
}
