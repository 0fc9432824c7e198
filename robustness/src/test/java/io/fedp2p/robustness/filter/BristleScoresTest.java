package io.fedp2p.robustness.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** ALGORITHMS.md §2.3 worked values and §2.8 #4. */
class BristleScoresTest {

    @Test
    void weightCurveWorkedValues() {
        assertThat(BristleScores.weightCurve(0)).isCloseTo(1.0, within(1e-12));
        assertThat(BristleScores.weightCurve(1)).isCloseTo(1.025, within(1e-4));
        assertThat(BristleScores.weightCurve(Math.pow(5, 3.5))).isCloseTo(5.42, within(0.005));
        assertThat(BristleScores.weightCurve(-100)).isZero();
        assertThat(BristleScores.weightCurve(100 * Math.log(2.0 / 3.0) + 1e-9)).isCloseTo(0, within(1e-9));
        assertThat(BristleScores.weightCurve(1e6)).isCloseTo(6, within(1e-9));
    }

    @Test
    void betterByATenthGivesScoreOne() {
        // one familiar class, own 0.5, peer 0.6: Δ = 1, s = 1^3.5 = 1, u = 0.6 − 0 = 0.6, ω = Ω = 0.6·1.025
        BristleScores s = BristleScores.of(new double[] {0.5}, new double[] {0.6}, new int[] {0}, 3);

        assertThat(s.s()[0]).isCloseTo(1.0, within(1e-9));
        assertThat(s.certainty()).isCloseTo(0.6, within(1e-12));
        assertThat(s.peerWeight()).isCloseTo(0.6 * BristleScores.weightCurve(1), within(1e-12));
    }

    @Test
    void regressionIsPunishedHarderAndBoundedPerClass() {
        // own 0.8, peer 0.5 on class 0: Δ = 3, s = −3^4.8 ≈ −195; per class bounded to −100 -> ω = 0
        BristleScores s = BristleScores.of(new double[] {0.8}, new double[] {0.5}, new int[] {0}, 3);

        assertThat(s.s()[0]).isCloseTo(-Math.pow(3, 4.8), within(1e-9));
        assertThat(s.omega()[0]).isZero();
        assertThat(s.peerWeight()).isZero();
    }

    @Test
    void perClassAndPerPeerWeightsAreIndependent() {
        // §2.3: s = (5, −195) gives ω = 1.125·u on the first class and Ω = 0.
        // class 0: own 0, s = Δ^3 = 5 -> Δ = 5^(1/3); class 1: own 0.8, s = −Δ^4.8 = −195 -> Δ = 195^(1/4.8)
        double up = Math.cbrt(5) / 10; // F_j − F_i on class 0
        double own1 = 0.8;
        double peer1 = own1 - Math.pow(195, 1 / 4.8) / 10; // s = −195 on class 1
        BristleScores s = BristleScores.of(new double[] {0, own1}, new double[] {up, peer1}, new int[] {0, 1}, 3);

        double u = s.certainty();
        assertThat(s.s()).containsExactly(new double[] {5, -195}, within(1e-9));
        assertThat(s.omegaFor(0)).isCloseTo(1.125 * u, within(1e-3 * u));
        assertThat(s.omegaFor(1)).isZero();
        assertThat(s.peerWeight()).isZero();
    }

    @Test
    void selectsThePhiBestFamiliarClassesTiesBySmallerId() {
        // L_i = {1, 3, 4, 7}, φ = 2; peer F1: 1 -> 0.9, 3 -> 0.5, 4 -> 0.9, 7 -> 0.95 -> S = {7, 1}
        double[] peer = new double[8];
        peer[1] = 0.9;
        peer[3] = 0.5;
        peer[4] = 0.9;
        peer[7] = 0.95;

        assertThat(BristleScores.selectClasses(peer, new int[] {1, 3, 4, 7}, 2)).containsExactly(7, 1);
        // φ ≥ |L_i|: S_j = L_i itself (fixing the Kotlin index bug, §2.8 #4)
        assertThat(BristleScores.selectClasses(peer, new int[] {4, 1}, 2)).containsExactly(1, 4);
    }
}
