package io.fedp2p.robustness.aggregate;

import static io.fedp2p.robustness.TestVectors.vec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** ALGORITHMS.md §5.8: points (0,0), (1,0), (0,1), (10,10); the true geometric median is (0.5, 0.5). */
class GeometricMedianTest extends AggregatorContract {
    static final List<float[]> POINTS = List.of(vec(0, 0), vec(1, 0), vec(0, 1), vec(10, 10));

    Aggregator create() {
        return GeometricMedian.DEFAULT;
    }

    @Test
    void clippedGossipSettingsThreeIterations() {
        float[] z = new GeometricMedian(GeometricMedian.Start.ZERO, 0.1, 3, 0)
                .aggregate(VectorSet.uniform(POINTS, -1))
                .vector();

        assertThat(z[0]).isCloseTo(0.369f, within(5e-4f));
        assertThat(z[1]).isEqualTo(z[0]);
    }

    @Test
    void clippedGossipSettingsEightIterations() {
        float[] z = new GeometricMedian(GeometricMedian.Start.ZERO, 0.1, 8, 0)
                .aggregate(VectorSet.uniform(POINTS, -1))
                .vector();

        assertThat(z[0]).isCloseTo(0.499f, within(5e-4f));
    }

    @Test
    void rfaSettingsStopEarly() {
        Aggregate out =
                new GeometricMedian(GeometricMedian.Start.MEAN, 1e-5, 4, 1e-6).aggregate(VectorSet.uniform(POINTS, -1));

        assertThat(out.vector()[0]).isCloseTo(0.522f, within(5e-4f));
    }

    @Test
    void fedp2pDefaultIsCloseToTheTrueMedian() {
        float[] z =
                GeometricMedian.DEFAULT.aggregate(VectorSet.uniform(POINTS, -1)).vector();

        assertThat(z[0]).isCloseTo(0.5f, within(2e-3f));
        assertThat(z[1]).isCloseTo(0.5f, within(2e-3f));
    }
}
