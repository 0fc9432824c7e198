package io.fedp2p.robustness.filter;

import static org.assertj.core.api.Assertions.assertThat;

import io.fedp2p.robustness.TestVectors;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** ALGORITHMS.md §2.2 and §2.8 #1–3. */
class BristlePrioritizerTest {
    static final PrioritizerConfig ALPHA = PrioritizerConfig.DEFAULTS;

    static double[] ascending(int n) {
        double[] d = new double[n];
        for (int k = 0; k < n; k++) d[k] = k + 1;
        return d;
    }

    @Test
    void quotasRoundHalfToEven() {
        // α = 0.4, N = 10: (0.6)²·10 = 3.6 -> 4, 2·0.4·0.6·10 = 4.8 -> 5, 0.4²·10 = 1.6 -> 2
        assertThat(BristlePrioritizer.quotas(ALPHA)).containsExactly(4, 5, 2);
        // α = 0.5: 2.5 -> 2 (half to even), 5, 2.5 -> 2
        assertThat(BristlePrioritizer.quotas(ALPHA.withAlpha(0.5))).containsExactly(2, 5, 2);
    }

    @Test
    void keptCountsMatchTheSpecification() {
        // §2.2 [derived]: |R| = 10…13 keeps 8, 9, 10, 10 and |R| ≥ 14 keeps 11; |R| < N keeps all
        int[] expected = {8, 9, 10, 10, 11, 11};
        for (int n = 10; n <= 15; n++) {
            assertThat(BristlePrioritizer.select(ascending(n), ALPHA, TestVectors.rng(n)))
                    .hasSize(expected[n - 10]);
        }
        assertThat(BristlePrioritizer.select(ascending(9), ALPHA, TestVectors.rng(1)))
                .hasSize(9);
    }

    @Test
    void samplesEachGroupWithinItsBoundaries() {
        // |R| = 14: near = first 4 (quota 4: all of them), mid = next 5 (quota 5: all), far = last 5 (quota 2)
        int[] kept = BristlePrioritizer.select(ascending(14), ALPHA, TestVectors.rng(3));

        assertThat(kept).startsWith(0, 1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(kept[9]).isBetween(9, 13);
        assertThat(kept[10]).isBetween(9, 13);
    }

    @Test
    void theRemainderGoesToFar() {
        // |R| = 13: near = ⌊13/3⌋ = 4, mid up to ⌊26/3⌋ = 8 (4 items), far = the other 5; quotas 4, 5, 2 -> 4 + 4 + 2
        Set<Integer> far = new HashSet<>();
        for (long seed = 0; seed < 200; seed++) {
            int[] kept = BristlePrioritizer.select(ascending(13), ALPHA, TestVectors.rng(seed));
            assertThat(kept).startsWith(0, 1, 2, 3, 4, 5, 6, 7).hasSize(10);
            far.add(kept[8]);
            far.add(kept[9]);
        }
        assertThat(far).containsExactlyInAnyOrder(8, 9, 10, 11, 12);
    }

    @Test
    void sameSeedSameSelectionAndTiesBreakByCandidateOrder() {
        double[] d = {5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5};

        assertThat(BristlePrioritizer.select(d, ALPHA, TestVectors.rng(9)))
                .containsExactly(BristlePrioritizer.select(d, ALPHA, TestVectors.rng(9)));
        // all tie: the near group is candidates 0..4 in order, and it is kept whole up to its quota of 4
        assertThat(BristlePrioritizer.select(d, ALPHA, TestVectors.rng(9))).hasSize(11);
    }

    @Test
    void ablationVariants() {
        PrioritizerConfig nearest = ALPHA.withVariant(PrioritizerConfig.Variant.NEAREST_RANDOM);
        PrioritizerConfig random = ALPHA.withVariant(PrioritizerConfig.Variant.RANDOM);

        assertThat(BristlePrioritizer.select(ascending(20), nearest, TestVectors.rng(1)))
                .hasSize(20);
        int[] kept = BristlePrioritizer.select(ascending(30), nearest, TestVectors.rng(1));
        assertThat(kept)
                .hasSize(25)
                .startsWith(java.util.stream.IntStream.range(0, 20).toArray());
        assertThat(BristlePrioritizer.select(ascending(30), random, TestVectors.rng(1)))
                .hasSize(10);
    }
}
