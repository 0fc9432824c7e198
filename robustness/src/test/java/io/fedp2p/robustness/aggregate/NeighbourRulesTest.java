package io.fedp2p.robustness.aggregate;

import static io.fedp2p.robustness.TestVectors.scalars;
import static io.fedp2p.robustness.TestVectors.vec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fedp2p.robustness.Verdict;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Rules around the own vector: ClippedGossip (§5.1), BALANCE (§5.2), Mozi (§5.7). */
class NeighbourRulesTest {

    @Nested
    class ClippedGossipTest extends AggregatorContract {
        Aggregator create() {
            return new ClippedGossip(new ClippingRadius.TrimmedOracle(0.25));
        }

        @Test
        void clipsAroundTheOwnVector() {
            // own 0, neighbours 1 and 10 with W = 0.25 each, τ = 2: 0 + 0.25·1 + 0.25·2 = 0.75
            VectorSet set = VectorSet.of(scalars(0, 1, 10), new double[] {0.5, 0.25, 0.25}, 0);

            Aggregate out = new ClippedGossip(new ClippingRadius.Fixed(2)).aggregate(set);

            assertThat(out.vector()[0]).isEqualTo(0.75f);
            assertThat(out.weights()).containsExactly(0.7, 0.25, 0.05);
            assertThat(out.detail(2)).contains("clipped");
        }

        @Test
        void trimmedOracleDropsTheFarthestWeightUpToDelta() {
            // distances 1, 2, 100 with weights 0.2, 0.2, 0.2 and δ = 0.25: drop 100 (0.2 ≤ 0.25), then 2 would
            // make 0.4 > 0.25 -> keep {1, 2}: τ = sqrt((0.2·1 + 0.2·4) / 0.25) = 2
            double tau =
                    new ClippingRadius.TrimmedOracle(0.25).radius(new double[] {1, 100, 2}, new double[] {.2, .2, .2});

            assertThat(tau).isCloseTo(2.0, within(1e-12));
        }

        @Test
        void trimmedOracleKeepsTheNearestNeighbourAndDeltaZeroMeansNoClipping() {
            double tau = new ClippingRadius.TrimmedOracle(0.5).radius(new double[] {3}, new double[] {0.4});

            assertThat(tau).isCloseTo(Math.sqrt(0.4 * 9 / 0.5), within(1e-12));
            assertThat(new ClippingRadius.TrimmedOracle(0).radius(new double[] {3}, new double[] {0.4}))
                    .isInfinite();
        }

        @Test
        void secondLargestHeuristicAndTheTheoryOracle() {
            assertThat(new ClippingRadius.SecondLargest().radius(new double[] {5, 1, 3}, new double[3]))
                    .isEqualTo(3);
            // oracle: Byzantine weight 0.25, good: 0.25·1² + 0.5·2² = 2.25 -> τ = sqrt(2.25/0.25) = 3
            double tau = ClippingRadius.oracle(
                    new double[] {1, 2, 50}, new double[] {0.25, 0.5, 0.25}, new boolean[] {false, false, true});
            assertThat(tau).isCloseTo(3.0, within(1e-12));
        }
    }

    @Nested
    class BalanceTest extends AggregatorContract {
        Aggregator create() {
            return new Balance(0.3, 1, 0.5, 0);
        }

        @Test
        void acceptsNeighboursWithinTheDecayingRadius() {
            // own (10, 0): ‖x_i‖ = 10; t = 1, T = 2: radius 0.3·e^{−0.5}·10 = 1.8196
            // (11, 0) at 1 accepted; (12, 0) at 2 rejected -> 0.5·10 + 0.5·11 = 10.5
            List<float[]> xs = List.of(vec(10, 0), vec(11, 0), vec(12, 0));

            Aggregate out = new Balance(0.3, 1, 0.5, 2)
                    .aggregate(VectorSet.uniform(xs, 0), AggregationContext.of(1, null, null));

            assertThat(out.vector()).containsExactly(10.5f, 0f);
            assertThat(out.verdict(2)).isEqualTo(Verdict.BALANCE_DISTANCE);
        }

        @Test
        void keepsTheOwnVectorWhenNothingIsAccepted() {
            Aggregate out = new Balance(0.3, 1, 0.5, 0).aggregate(VectorSet.uniform(scalars(1, 5, -5), 0));

            assertThat(out.vector()).containsExactly(1f);
        }
    }

    @Nested
    class MoziTest extends AggregatorContract {
        Aggregator create() {
            return new Mozi(0.4, 0.5);
        }

        @Test
        void ceilingKeepsTwoOfFourNeighbours() {
            // §5.7: deg 4, ρ = 0.4 -> ⌈1.6⌉ = 2 (ClippedGossip's floor would keep 1)
            assertThat(new Mozi(0.4, 0.5).nearestCount(4)).isEqualTo(2);
            assertThat(new Mozi(0.1, 0.5).nearestCount(4)).isEqualTo(1);

            Aggregate out = new Mozi(0.4, 0.5).aggregate(VectorSet.uniform(scalars(0, 1, -2, 3, 10), 0));

            // nearest two: 1 and −2 -> 0.5·0 + 0.5·mean(1, −2) = −0.25; stage 2 skipped
            assertThat(out.vector()).containsExactly(-0.25f);
            assertThat(out.notes()).anyMatch(n -> n.contains("stage 2 skipped"));
            assertThat(out.verdict(3)).isEqualTo(Verdict.MOZI_DISTANCE);
        }

        @Test
        void stageTwoKeepsLossesNoWorseThanTheOwnAndFallsBackToTheNearest() {
            VectorSet set = VectorSet.uniform(scalars(0, 1, -2, 3, 10), 0);
            // loss = |x − 0.9|: own 0.9; 1 -> 0.1 kept; −2 -> 2.9 rejected
            Aggregate out =
                    new Mozi(0.4, 0.5).aggregate(set, AggregationContext.of(0, null, x -> Math.abs(x[0] - 0.9)));

            assertThat(out.vector()).containsExactly(0.5f);
            assertThat(out.verdict(2)).isEqualTo(Verdict.MOZI_LOSS);

            // every candidate's loss worse than the own one:
            Aggregate none = new Mozi(0.4, 0.5).aggregate(set, AggregationContext.of(0, null, x -> x[0] == 0 ? 0 : 5));

            // nobody beats the own loss -> the single nearest neighbour (1) is kept: 0.5·0 + 0.5·1
            assertThat(none.vector()).containsExactly(0.5f);
            assertThat(none.verdict(1)).isEqualTo(Verdict.ACCEPTED);
            assertThat(none.verdict(2)).isEqualTo(Verdict.MOZI_LOSS);
        }
    }
}
