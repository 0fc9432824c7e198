package io.fedp2p.robustness.filter;

import static io.fedp2p.robustness.TestVectors.vec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** ALGORITHMS.md §2.3 integration formulas and §2.8 #6, #8. */
class BristleIntegrationTest {

    @Test
    void adapterCoordinatesUsePerPeerWeights() {
        // own 0, peer 3 with Ω = 2: (0 + 2·3) / (1 + 2) = 2; no head, so no centring
        BristleScores s = scoresWithWeights(2.0);
        float[] out = BristleIntegration.integrate(
                vec(0, 0), List.of(vec(3, 6)), List.of(s), new int[] {0}, Optional.empty(), true);

        assertThat(out[0]).isCloseTo(2f, within(1e-6f));
        assertThat(out[1]).isCloseTo(4f, within(1e-6f));
    }

    @Test
    void familiarHeadColumnsUsePerClassWeightsThenColumnsAreCentred() {
        // head h = 2, C = 2, class-major at offset 1: column c = indices 1 + 2c, 2 + 2c; index 0 is an adapter value.
        // L_i = {0}; the peer is better on class 0 by 0.1 (ω_0 = u·g(1)), Ω from the same single class.
        HeadLayout head = new HeadLayout(1, 2, 2, true);
        BristleScores s = BristleScores.of(new double[] {0.5, 0}, new double[] {0.6, 0}, new int[] {0}, 3);
        double w = s.omegaFor(0);
        double big = s.peerWeight();
        float[] own = vec(0, 0, 2, 0, 0);
        float[] peer = vec(1, 4, 4, 10, 20);

        float[] out =
                BristleIntegration.integrate(own, List.of(peer), List.of(s), new int[] {0}, Optional.of(head), true);

        // class 0 column (indices 1, 2): (own + ω peer)/(1 + ω) = (4ω/(1+ω), (2 + 4ω)/(1+ω)), then minus its mean
        double c0r0 = 4 * w / (1 + w);
        double c0r1 = (2 + 4 * w) / (1 + w);
        double m0 = (c0r0 + c0r1) / 2;
        assertThat(out[1]).isCloseTo((float) (c0r0 - m0), within(1e-5f));
        assertThat(out[2]).isCloseTo((float) (c0r1 - m0), within(1e-5f));
        // class 1 (foreign, indices 3, 4): Ω rule, then centred
        double c1r0 = 10 * big / (1 + big);
        double c1r1 = 20 * big / (1 + big);
        assertThat(out[3]).isCloseTo((float) (c1r0 - (c1r0 + c1r1) / 2), within(1e-5f));
        // adapter value: Ω rule, never centred
        assertThat(out[0]).isCloseTo((float) (big / (1 + big)), within(1e-6f));
    }

    @Test
    void noPeersNoCentring() {
        HeadLayout head = new HeadLayout(0, 2, 1, true);

        float[] out =
                BristleIntegration.integrate(vec(1, 3), List.of(), List.of(), new int[] {0}, Optional.of(head), true);

        assertThat(out).containsExactly(1f, 3f);
    }

    @Test
    void headIndexLayouts() {
        assertThat(new HeadLayout(10, 3, 4, true).index(2, 1)).isEqualTo(10 + 3 + 2);
        assertThat(new HeadLayout(10, 3, 4, false).index(2, 1)).isEqualTo(10 + 8 + 1);
    }

    private static BristleScores scoresWithWeights(double target) {
        // find a peer F1 on one class whose Ω equals target: u = F_j (std 0), s = (10 (F_j − F_i))^3 with F_i = 0
        double lo = 0, hi = 1;
        for (int i = 0; i < 200; i++) {
            double mid = (lo + hi) / 2;
            double omega = BristleScores.of(new double[] {0}, new double[] {mid}, new int[] {0}, 1)
                    .peerWeight();
            if (omega < target) lo = mid;
            else hi = mid;
        }
        return BristleScores.of(new double[] {0}, new double[] {lo}, new int[] {0}, 1);
    }
}
