package io.fedp2p.robustness.reputation;

import static io.fedp2p.robustness.TestVectors.vec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** ALGORITHMS.md §4.6.4: ψ_ij = cos(Δ_j, Δ_i + Σ_{k∈A_i, k≠j} r_ik Δ_k). */
class ContributionsTest {

    @Test
    void leaveOneOutKnownAnswers() {
        // Δ_i = (1,0); A = {(0,1) r .5, (1,1) r .5}; scored: both and a non-accepted (−1,0)
        // (0,1): u = (1,0) + .5(1,1) = (1.5,.5) -> .5/√2.5; (1,1): u = (1,.5) -> 1.5/(√2·√1.25);
        // (−1,0): u = (1.5,1) -> −1.5/√3.25
        double[] psi = Contributions.leaveOneOut(
                vec(1, 0),
                List.of(vec(0, 1), vec(1, 1)),
                new double[] {.5, .5},
                List.of(vec(0, 1), vec(1, 1), vec(-1, 0)),
                new int[] {0, 1, -1});

        assertThat(psi[0]).isCloseTo(0.5 / Math.sqrt(2.5), within(1e-9));
        assertThat(psi[1]).isCloseTo(1.5 / (Math.sqrt(2) * Math.sqrt(1.25)), within(1e-9));
        assertThat(psi[2]).isCloseTo(-1.5 / Math.sqrt(3.25), within(1e-9));
    }

    @Test
    void aZeroUpdateScoresZero() {
        double[] psi =
                Contributions.leaveOneOut(vec(1, 0), List.of(), new double[0], List.of(vec(0, 0)), new int[] {-1});

        assertThat(psi[0]).isZero();
    }
}
