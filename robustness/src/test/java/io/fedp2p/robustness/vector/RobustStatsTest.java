package io.fedp2p.robustness.vector;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RobustStatsTest {

    @Test
    void medianMadAndRounding() {
        assertThat(RobustStats.median(new double[] {1, 2, 3, 10})).isEqualTo(2.5);
        assertThat(RobustStats.median(new double[] {5, 1, 3})).isEqualTo(3);
        // |x − 2.5| = 1.5, 0.5, 0.5, 7.5 -> median 1.0
        assertThat(RobustStats.mad(new double[] {1, 2, 3, 10})).isEqualTo(1.0);
        assertThat(RobustStats.roundHalfEven(2.5)).isEqualTo(2);
        assertThat(RobustStats.roundHalfEven(3.5)).isEqualTo(4);
        assertThat(RobustStats.roundHalfEven(1.6000000000000003)).isEqualTo(2);
        assertThat(RobustStats.populationStd(new double[] {1, 3})).isEqualTo(1.0);
    }
}
