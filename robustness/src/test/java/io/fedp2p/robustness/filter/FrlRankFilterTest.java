package io.fedp2p.robustness.filter;

import static io.fedp2p.robustness.TestVectors.vec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fedp2p.robustness.TestVectors;
import io.fedp2p.robustness.vector.Vectors;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** ALGORITHMS.md §3.9b. */
class FrlRankFilterTest {
    static final FrlFilterConfig CONFIG = FrlFilterConfig.DEFAULTS;

    @Test
    void footruleKnownAnswerAndOutlierRejection() {
        // own (.1,.2,.3) and A (1,2,3), C (0,5,9) rank (0,1,2); B (3,2,1) ranks (2,1,0).
        // V = 0.4·(0,1,2) + 0.2·(0,1,2) + 0.2·(2,1,0) + 0.2·(0,1,2) = (0.4, 1.0, 1.6) -> consensus (0,1,2).
        // D_B = (2 + 0 + 2) / (3²/2) = 0.8889; D_A = D_C = 0. median 0, MAD 0 -> floor 0.01:
        // threshold = 0 + 3·1.4826·0.01 = 0.0445 -> B rejected.
        FrlRankFilter.Result r = FrlRankFilter.filter(
                vec(.1, .2, .3),
                0.4,
                List.of(vec(1, 2, 3), vec(3, 2, 1), vec(0, 5, 9)),
                new double[] {.2, .2, .2},
                CONFIG);

        assertThat(r.footrule()).containsExactly(new double[] {0, 4 / 4.5, 0}, within(1e-12));
        assertThat(r.threshold()).isCloseTo(3 * 1.4826 * 0.01, within(1e-12));
        assertThat(r.outlier()).containsExactly(false, true, false);
    }

    @Test
    void theMadFloorSparesNearIdenticalHonestUpdates() {
        // four copies of the own update and one with a single adjacent swap: D = 2 / (100²/2) = 0.0004
        float[] own = new float[100];
        for (int e = 0; e < 100; e++) own[e] = e;
        float[] swapped = own.clone();
        swapped[10] = 11;
        swapped[11] = 10;
        List<float[]> cands = List.of(own.clone(), own.clone(), own.clone(), own.clone(), swapped);
        double[] w = {.15, .15, .15, .15, .15};

        assertThat(FrlRankFilter.filter(own, .25, cands, w, CONFIG).outlier()).containsOnly(false);
        FrlFilterConfig noFloor = new FrlFilterConfig(true, 3, 0, 3, 100_000, 1 << 16, false, 0.1);
        assertThat(FrlRankFilter.filter(own, .25, cands, w, noFloor).outlier()[4])
                .isTrue();
    }

    @Test
    void neverRejectsWithFewerThanThreeCandidates() {
        FrlRankFilter.Result r = FrlRankFilter.filter(
                vec(1, 2, 3), .5, List.of(vec(1, 2, 3), vec(3, 2, 1)), new double[] {.25, .25}, CONFIG);

        assertThat(r.outlier()).containsOnly(false);
        assertThat(r.notes()).anyMatch(n -> n.contains("nothing rejected"));
    }

    @Test
    void isScaleInvariant() {
        RandomGenerator rng = TestVectors.rng(5);
        float[] own = TestVectors.gaussian(rng, 50, 0, 1);
        List<float[]> cands = TestVectors.around(rng, own, 4, 0.3);
        List<float[]> scaled = new ArrayList<>(cands);
        scaled.set(2, Vectors.scale(cands.get(2), 100));
        double[] w = {.2, .2, .2, .2};

        assertThat(FrlRankFilter.filter(own, .2, scaled, w, CONFIG).footrule())
                .containsExactly(FrlRankFilter.filter(own, .2, cands, w, CONFIG).footrule());
    }

    @Test
    void largeVectorsAreRankedInBlocks() {
        assertThat(CONFIG.blockSize(99_999)).isEqualTo(1);
        assertThat(CONFIG.blockSize(100_000)).isEqualTo(2);
        assertThat(CONFIG.blockSize(200_000)).isEqualTo(4);
        assertThat(CONFIG.blockSize(1_000_000)).isEqualTo(16);

        // a reversed update among honest ones is still caught at d = 200,000 (50,000 blocks of 4)
        RandomGenerator rng = TestVectors.rng(8);
        float[] own = TestVectors.gaussian(rng, 200_000, 0, 1);
        List<float[]> cands = TestVectors.around(rng, own, 5, 0.5);
        cands.set(3, Vectors.scale(cands.get(3), -1));
        FrlRankFilter.Result r = FrlRankFilter.filter(own, .25, cands, new double[] {.15, .15, .15, .15, .15}, CONFIG);

        assertThat(r.blockSize()).isEqualTo(4);
        assertThat(r.outlier()).containsExactly(false, false, false, true, false);
    }

    @Test
    void consensusMaskKeepsTheTopAndBottomItems() {
        // consensus positions of 10 items; k = 0.1 -> the 1 lowest and 1 highest are agreed
        boolean[] agreed = FrlRankFilter.agreedItems(new int[] {3, 0, 9, 1, 2, 4, 5, 6, 7, 8}, 0.1);

        assertThat(agreed).containsExactly(false, true, true, false, false, false, false, false, false, false);
    }
}
