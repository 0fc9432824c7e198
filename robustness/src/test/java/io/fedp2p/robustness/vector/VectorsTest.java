package io.fedp2p.robustness.vector;

import static io.fedp2p.robustness.TestVectors.vec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fedp2p.robustness.TestVectors;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class VectorsTest {

    @Test
    void smallKnownAnswers() {
        float[] a = vec(1, 2, 2);
        float[] b = vec(0, 2, 4);

        assertThat(Vectors.dot(a, b)).isEqualTo(12.0);
        assertThat(Vectors.norm(a)).isEqualTo(3.0);
        assertThat(Vectors.squaredDistance(a, b)).isEqualTo(5.0);
        assertThat(Vectors.weightedSum(List.of(a, b), new double[] {0.25, 0.75}))
                .containsExactly(0.25f, 2f, 3.5f);
        assertThat(Vectors.cosine(a, b, 0)).isCloseTo(12.0 / (3 * Math.sqrt(20)), within(1e-12));
        assertThat(Vectors.clipFactor(4, 2)).isEqualTo(0.5);
        assertThat(Vectors.clipFactor(1, 2)).isEqualTo(1.0);
    }

    @Test
    void pairwiseDistancesAreSymmetricWithZeroDiagonal() {
        double[][] sq = Vectors.pairwiseSquaredDistances(List.of(vec(0, 0), vec(3, 4), vec(0, 1)));

        assertThat(sq[0][1]).isEqualTo(25.0);
        assertThat(sq[1][0]).isEqualTo(25.0);
        assertThat(sq[1][2]).isEqualTo(9.0 + 9.0);
        assertThat(sq[2][2]).isZero();
    }

    @Test
    void reductionsSumChunksInIndexOrderWhetherOrNotTheyRunInParallel() {
        // d above PARALLEL_MIN: the kernel forks; the reference loop below sums the same chunks serially, in order.
        RandomGenerator rng = TestVectors.rng(7);
        int d = Chunks.PARALLEL_MIN * 3 + 123;
        float[] a = TestVectors.gaussian(rng, d, 0, 1);
        float[] b = TestVectors.gaussian(rng, d, 0, 1);
        double expected = 0;
        for (int c = 0; c < Chunks.count(d); c++) {
            double s = 0;
            for (int e = c * Chunks.SIZE; e < Math.min(d, (c + 1) * Chunks.SIZE); e++) s += (double) a[e] * b[e];
            expected += s;
        }

        assertThat(Vectors.dot(a, b)).isEqualTo(expected);
        assertThat(Vectors.dot(a, b)).isEqualTo(Vectors.dot(a, b));
    }

    @Test
    void squaredNormIsNotFiniteExactlyWhenSomeComponentIsNot() {
        assertThat(Double.isFinite(Vectors.squaredNorm(vec(Float.MAX_VALUE, Float.MAX_VALUE))))
                .isTrue();
        assertThat(Double.isFinite(Vectors.squaredNorm(new float[] {1f, Float.NaN})))
                .isFalse();
        assertThat(Double.isFinite(Vectors.squaredNorm(new float[] {Float.NEGATIVE_INFINITY})))
                .isFalse();
    }
}
