package io.fedp2p.sim.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MixingSpectrumTest {
    private static final double EXACT = 1e-12;

    // Ring: every degree is 2, so W = 1/3 on both neighbours and on the diagonal, a circulant with eigenvalues
    // 1/3 + (2/3)·cos(2πk/n). λ₂ is k = 1; λ_n is k = n/2 (= −1/3) for even n and k = (n−1)/2 for odd n.
    @ParameterizedTest
    @ValueSource(ints = {3, 4, 5, 6, 7, 10, 11, 64, 101, 400})
    void ringMatchesTheCirculantClosedForm(int n) {
        double lambda2 = 1.0 / 3 + 2.0 / 3 * Math.cos(2 * Math.PI / n);
        double lambdaN = n % 2 == 0 ? -1.0 / 3 : 1.0 / 3 - 2.0 / 3 * Math.cos(Math.PI / n);
        double gap = 1 - Math.max(Math.abs(lambda2), Math.abs(lambdaN));

        SpectralGap dense = MixingSpectrum.dense(TopologyGenerators.ring(n));
        SpectralGap lanczos = MixingSpectrum.lanczos(TopologyGenerators.ring(n), new SplittableRandom(n));

        for (SpectralGap g : List.of(dense, lanczos)) {
            assertThat(g.gap()).as(g.method() + " gap").isCloseTo(gap, within(EXACT));
            assertThat(g.lambda2()).as(g.method() + " λ₂").isCloseTo(lambda2, within(EXACT));
            assertThat(g.lambdaN()).as(g.method() + " λ_n").isCloseTo(lambdaN, within(EXACT));
            assertThat(g.converged()).isTrue();
        }
    }

    @Test
    void evenRingOfSixHasGapOneThird() {
        // λ₂ = 1/3 + (2/3)·cos(60°) = 2/3, λ_n = −1/3, so λ = 2/3 and the gap is 1/3.
        assertThat(MixingSpectrum.dense(TopologyGenerators.ring(6)).gap()).isCloseTo(1.0 / 3, within(EXACT));
    }

    @Test
    void largeRingByLanczosKeepsRelativePrecisionOfATinyGap() {
        int n = 3000; // gap = (2/3)(1 − cos(2π/n)) ≈ 2.9e-6
        double gap = 2.0 / 3 * (1 - Math.cos(2 * Math.PI / n));

        SpectralGap g = MixingSpectrum.lanczos(TopologyGenerators.ring(n), new SplittableRandom(7));

        assertThat(g.method()).isEqualTo(SpectralGap.Method.LANCZOS);
        assertThat(g.gap()).isCloseTo(gap, within(gap * 1e-7));
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 10, 57})
    void completeGraphMixesInOneStep(int n) {
        // W = J/n: eigenvalues 1 and 0 (n−1 times), so λ = 0.
        assertThat(MixingSpectrum.dense(TopologyGenerators.complete(n)).gap()).isCloseTo(1.0, within(EXACT));
        if (n > 2) {
            assertThat(MixingSpectrum.lanczos(TopologyGenerators.complete(n), new SplittableRandom(1))
                            .gap())
                    .isCloseTo(1.0, within(EXACT));
        }
    }

    // Torus r×c: every degree is 4, W = (I + A)/5 and A = A_ring(r) ⊕ A_ring(c) (Kronecker sum), so the eigenvalues
    // are (1 + 2cos(2πa/r) + 2cos(2πb/c))/5 for all a < r, b < c.
    @ParameterizedTest
    @ValueSource(strings = {"3x3", "3x4", "4x4", "5x8", "6x6", "10x12"})
    void torusMatchesTheKroneckerSumOfTwoRings(String shape) {
        int rows = Integer.parseInt(shape.split("x")[0]);
        int cols = Integer.parseInt(shape.split("x")[1]);
        List<Double> eig = new ArrayList<>();
        for (int a = 0; a < rows; a++) {
            for (int b = 0; b < cols; b++) {
                eig.add((1 + 2 * Math.cos(2 * Math.PI * a / rows) + 2 * Math.cos(2 * Math.PI * b / cols)) / 5);
            }
        }
        eig.sort(null);
        double expected = 1 - Math.max(Math.abs(eig.get(eig.size() - 2)), Math.abs(eig.get(0)));
        Topology torus = TopologyGenerators.torus(rows, cols);

        assertThat(MixingSpectrum.dense(torus).gap()).isCloseTo(expected, within(EXACT));
        assertThat(MixingSpectrum.lanczos(torus, new SplittableRandom(3)).gap()).isCloseTo(expected, within(EXACT));
    }

    // Path 0-1-…-(n−1): the ends have degree 1 and their neighbours degree 2, so every edge weight is 1/3 and
    // W = I − L/3 with L the path's combinatorial Laplacian (eigenvalues 2 − 2cos(πk/n)). Hence
    // λ_k(W) = 1/3 + (2/3)cos(πk/n) and gap = (2/3)(1 − cos(π/n)); for n = 3 that is 1/3.
    @ParameterizedTest
    @ValueSource(ints = {3, 4, 9, 50})
    void pathMatchesItsLaplacianClosedForm(int n) {
        Topology.Builder b = Topology.builder(n);
        for (int i = 0; i + 1 < n; i++) b.addEdge(i, i + 1);
        Topology path = b.build();
        double gap = 2.0 / 3 * (1 - Math.cos(Math.PI / n));

        assertThat(MixingSpectrum.dense(path).gap()).isCloseTo(gap, within(EXACT));
        assertThat(MixingSpectrum.lanczos(path, new SplittableRandom(5)).gap()).isCloseTo(gap, within(EXACT));
    }

    // Star with k leaves: W[centre][leaf] = 1/(1+k), W[leaf][leaf] = k/(1+k). Leaf vectors summing to zero are
    // eigenvectors for k/(1+k) (k−1 times); the rest is 1 and 0. So gap = 1 − k/(k+1) = 1/(k+1).
    @ParameterizedTest
    @ValueSource(ints = {2, 3, 8, 30})
    void starHasGapOneOverLeavesPlusOne(int k) {
        Topology.Builder b = Topology.builder(k + 1);
        for (int leaf = 1; leaf <= k; leaf++) b.addEdge(0, leaf);
        Topology star = b.build();

        assertThat(MixingSpectrum.dense(star).gap()).isCloseTo(1.0 / (k + 1), within(EXACT));
        assertThat(MixingSpectrum.lanczos(star, new SplittableRandom(9)).gap()).isCloseTo(1.0 / (k + 1), within(EXACT));
    }

    @Test
    void disconnectedGraphHasGapZero() {
        Topology twoTriangles = Topology.builder(6)
                .addEdge(0, 1)
                .addEdge(1, 2)
                .addEdge(2, 0)
                .addEdge(3, 4)
                .addEdge(4, 5)
                .addEdge(5, 3)
                .build();

        assertThat(MixingSpectrum.dense(twoTriangles).gap()).isZero();
        assertThat(MixingSpectrum.lanczos(twoTriangles, new SplittableRandom(1)).gap())
                .isZero();
        assertThat(MixingSpectrum.dense(twoTriangles).lambda2()).isEqualTo(1.0);
    }

    @Test
    void singleVertexIsTrivialWithGapOne() {
        SpectralGap g = MixingSpectrum.of(Topology.builder(1).build(), new SplittableRandom(1));

        assertThat(g.method()).isEqualTo(SpectralGap.Method.TRIVIAL);
        assertThat(g.gap()).isEqualTo(1.0);
    }

    @Test
    void autoUsesDenseUpToTheLimitAndLanczosAbove() {
        assertThat(MixingSpectrum.of(TopologyGenerators.ring(MixingSpectrum.DENSE_LIMIT), new SplittableRandom(1))
                        .method())
                .isEqualTo(SpectralGap.Method.DENSE);
        assertThat(MixingSpectrum.of(TopologyGenerators.ring(MixingSpectrum.DENSE_LIMIT + 1), new SplittableRandom(1))
                        .method())
                .isEqualTo(SpectralGap.Method.LANCZOS);
    }

    @Test
    void lanczosReportsNonConvergenceAtItsStepLimit() {
        SpectralGap g = MixingSpectrum.lanczos(TopologyGenerators.ring(2000), new SplittableRandom(1), 1e-14, 20);

        assertThat(g.converged()).isFalse();
        assertThat(g.iterations()).isEqualTo(20);
        assertThat(g.errorBound()).isGreaterThan(1e-14);
    }

    @Test
    void lanczosIsDeterministicGivenTheSeed() {
        Topology t = TopologyGenerators.randomRegular(300, 3, new SplittableRandom(4));

        SpectralGap a = MixingSpectrum.lanczos(t, new SplittableRandom(11));
        SpectralGap b = MixingSpectrum.lanczos(t, new SplittableRandom(11));

        assertThat(a).isEqualTo(b);
    }
}
