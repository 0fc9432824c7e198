package io.fedp2p.node.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class EvaluationTest {
    @Test
    void perClassMetricsFromConfusionCounts() {
        // actual 0: 8 right, 2 as 1; actual 1: 5 right, 5 as 0; actual 2: never predicted (tp = 0)
        long[][] c = {{8, 2, 0}, {5, 5, 0}, {3, 1, 0}};
        Evaluation e = new Evaluation(c, 0.7);
        assertThat(e.count()).isEqualTo(24);
        assertThat(e.accuracy()).isCloseTo(13.0 / 24, within(1e-12));
        assertThat(e.precision(0)).isCloseTo(8.0 / 16, within(1e-12));
        assertThat(e.recall(0)).isCloseTo(0.8, within(1e-12));
        assertThat(e.f1(0)).isCloseTo(2 * 0.5 * 0.8 / 1.3, within(1e-12));
        assertThat(e.f1(2)).isZero();
        assertThat(e.perClassAccuracy()).containsExactly(0.8, 0.5, 0.0);
        assertThat(e.perplexity()).isCloseTo(Math.exp(0.7), within(1e-12));
    }
}
