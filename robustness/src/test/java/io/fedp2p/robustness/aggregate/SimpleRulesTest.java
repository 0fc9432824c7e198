package io.fedp2p.robustness.aggregate;

import static io.fedp2p.robustness.TestVectors.scalars;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Known answers of the coordinate-wise rules and the mean (ALGORITHMS.md §5.4, §5.5). */
class SimpleRulesTest {

    @Nested
    class MeanTest extends AggregatorContract {
        Aggregator create() {
            return new WeightedMean();
        }

        @Test
        void weightsAreNormalised() {
            // (1·1 + 3·2) / 4 = 1.75
            Aggregate out = new WeightedMean().aggregate(VectorSet.of(scalars(1, 2), new double[] {1, 3}, -1));

            assertThat(out.vector()[0]).isEqualTo(1.75f);
            assertThat(out.weights()).containsExactly(0.25, 0.75);
        }
    }

    @Nested
    class MedianTest extends AggregatorContract {
        Aggregator create() {
            return new CoordinateMedian();
        }

        @Test
        void evenCountTakesTheMeanOfTheTwoMiddleValues() {
            // §5.4: {1, 2, 3, 10} -> 2.5 (not the lower 2 nor the upper 3)
            assertThat(new CoordinateMedian()
                            .aggregate(VectorSet.uniform(scalars(1, 2, 3, 10), -1))
                            .vector())
                    .containsExactly(2.5f);
        }

        @Test
        void oddCountTakesTheMiddleValuePerCoordinate() {
            Aggregate out = new CoordinateMedian()
                    .aggregate(VectorSet.uniform(
                            java.util.List.of(
                                    io.fedp2p.robustness.TestVectors.vec(5, -1),
                                    io.fedp2p.robustness.TestVectors.vec(1, 100),
                                    io.fedp2p.robustness.TestVectors.vec(3, 0)),
                            -1));

            assertThat(out.vector()).containsExactly(3f, 0f);
        }
    }

    @Nested
    class TrimmedMeanTest extends AggregatorContract {
        Aggregator create() {
            return new TrimmedMean(1);
        }

        @Test
        void trimsBFromEachEnd() {
            // §5.5: {−50, 1, 2, 3, 10}, b = 1 -> mean(1, 2, 3) = 2
            assertThat(new TrimmedMean(1)
                            .aggregate(VectorSet.uniform(scalars(-50, 1, 2, 3, 10), -1))
                            .vector())
                    .containsExactly(2f);
        }

        @Test
        void fallsBackToTheMedianWhenNothingWouldRemain() {
            // §5.5: {1, 2, 3, 10}, b = 2 -> b_eff = ⌊3/2⌋ = 1 -> mean(2, 3) = 2.5
            Aggregate out = new TrimmedMean(2).aggregate(VectorSet.uniform(scalars(1, 2, 3, 10), -1));

            assertThat(out.vector()).containsExactly(2.5f);
            assertThat(out.notes()).anyMatch(n -> n.contains("b_eff = 1"));
        }

        @Test
        void zeroTrimIsThePlainMean() {
            assertThat(new TrimmedMean(0)
                            .aggregate(VectorSet.uniform(scalars(1, 2, 6), -1))
                            .vector()[0])
                    .isCloseTo(3f, within(1e-6f));
        }
    }
}
