package io.fedp2p.robustness.aggregate;

import static io.fedp2p.robustness.TestVectors.scalars;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** ALGORITHMS.md §5.6 known answers on 1-D inputs {0, 1, 10}. */
class CenteredClippingTest extends AggregatorContract {
    Aggregator create() {
        return new CenteredClipping(1, 1, CenteredClipping.Start.OWN);
    }

    static float run(double tau, int iterations, CenteredClipping.Start start, int own) {
        return new CenteredClipping(tau, iterations, start)
                .aggregate(VectorSet.uniform(scalars(0, 1, 10), own))
                .vector()[0];
    }

    @Test
    void knownAnswers() {
        // v0 = 0, τ = 1: clip(0) = 0, clip(1) = 1, clip(10) = 1 -> 2/3
        assertThat(run(1, 1, CenteredClipping.Start.ZERO, -1)).isCloseTo(0.6667f, within(1e-4f));
        // v0 = 1 (own = the vector 1): clip(−1) = −1, 0, clip(9) = 1 -> 1 + 0 = 1
        assertThat(run(1, 1, CenteredClipping.Start.OWN, 1)).isCloseTo(1.0f, within(1e-6f));
        assertThat(run(1, 5, CenteredClipping.Start.ZERO, -1)).isCloseTo(0.99588f, within(1e-5f));
        assertThat(run(100, 1, CenteredClipping.Start.ZERO, -1)).isCloseTo(3.6667f, within(1e-4f));
    }

    @Test
    void aGivenCentreWinsOverTheStartRule() {
        float v = new CenteredClipping(1, 1, CenteredClipping.Start.ZERO)
                .aggregate(VectorSet.uniform(scalars(0, 1, 10), -1), AggregationContext.of(0, new float[] {1f}, null))
                .vector()[0];

        assertThat(v).isCloseTo(1.0f, within(1e-6f));
    }
}
