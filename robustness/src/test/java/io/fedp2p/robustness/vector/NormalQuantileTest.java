package io.fedp2p.robustness.vector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class NormalQuantileTest {

    @Test
    void knownQuantiles() {
        assertThat(NormalQuantile.inverse(0.5)).isCloseTo(0, within(1e-12));
        assertThat(NormalQuantile.inverse(0.7)).isCloseTo(0.5244005127, within(1e-9));
        assertThat(NormalQuantile.inverse(0.975)).isCloseTo(1.9599639845, within(1e-9));
        assertThat(NormalQuantile.inverse(0.025)).isCloseTo(-1.9599639845, within(1e-9));
        assertThat(NormalQuantile.inverse(1e-10)).isCloseTo(-6.3613409, within(1e-6));
    }

    @Test
    void cdfKnownValuesAndRoundTrip() {
        assertThat(NormalQuantile.cdf(0)).isEqualTo(0.5);
        assertThat(NormalQuantile.cdf(1)).isCloseTo(0.8413447461, within(1e-10));
        assertThat(NormalQuantile.cdf(-4)).isCloseTo(3.167124183e-5, within(1e-14));
        for (double p = 0.01; p < 1; p += 0.07) {
            assertThat(NormalQuantile.cdf(NormalQuantile.inverse(p))).isCloseTo(p, within(1e-12));
        }
    }
}
