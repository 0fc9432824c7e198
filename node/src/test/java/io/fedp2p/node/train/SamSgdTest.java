package io.fedp2p.node.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ALGORITHMS.md §1.1 local step on a quadratic F(θ) = ½ Σ c_i θ_i², ∇F = c ⊙ θ, where every value is known. */
class SamSgdTest {
    private static final float[] C = {1f, 2f, 4f};

    private static float quadratic(float[] t, float[] g) {
        float f = 0;
        for (int i = 0; i < t.length; i++) {
            g[i] = C[i] * t[i];
            f += 0.5f * C[i] * t[i] * t[i];
        }
        return f;
    }

    @Test
    void rhoZeroIsOnePlainSgdStep() {
        float[] theta = {1f, -1f, 0.5f};
        // SGD: θ − η·c⊙θ with η = 0.1: (1 − 0.1, −1 + 0.2, 0.5 − 0.2) = (0.9, −0.8, 0.3)
        float loss = new SamSgd(3).step(theta, SamSgdTest::quadratic, RoundPlan.sgd(0, 1, 1, 0.1f), "t");
        assertThat(loss).isCloseTo(0.5f * (1 + 2 + 1), within(1e-6f));
        assertThat(theta).containsExactly(0.9f, -0.8f, 0.3f);
    }

    @Test
    void rhoZeroCallsTheGradientOnce() {
        int[] calls = {0};
        new SamSgd(3)
                .step(
                        new float[] {1, 1, 1},
                        (t, g) -> {
                            calls[0]++;
                            return quadratic(t, g);
                        },
                        RoundPlan.sgd(0, 1, 1, 0.1f),
                        "t");
        assertThat(calls[0]).isEqualTo(1);
    }

    @Test
    void perturbationHasNormRho() {
        float[] g = {3f, -4f, 12f}; // ‖g‖ = 13
        float[] e = SamSgd.perturbation(g, 0.05f);
        assertThat(SamSgd.norm(e)).isCloseTo(0.05, within(1e-7));
        assertThat(e[0] / g[0]).isCloseTo(e[2] / g[2], within(1e-9f)); // same direction
    }

    @Test
    void samEvaluatesTheSecondGradientAtTheAscentPointAndStepsFromTheOriginalPoint() {
        float[] theta = {1f, 0f, 0f};
        List<float[]> points = new ArrayList<>();
        SamSgd.GradientFn f = (t, g) -> {
            points.add(t.clone());
            return quadratic(t, g);
        };
        new SamSgd(3).step(theta, f, RoundPlan.sgd(0, 1, 1, 0.1f).withRho(0.5f), "t");
        // g = (1,0,0), ‖g‖ = 1 → ε = (0.5,0,0); second point (1.5,0,0), its gradient (1.5,0,0)
        // update from the original point: θ = 1 − 0.1·1.5 = 0.85
        assertThat(points).hasSize(2);
        assertThat(points.get(1)[0]).isCloseTo(1.5f, within(1e-6f));
        assertThat(SamSgd.norm(new float[] {points.get(1)[0] - points.get(0)[0]}))
                .isCloseTo(0.5, within(1e-6));
        assertThat(theta[0]).isCloseTo(0.85f, within(1e-6f));
    }

    @Test
    void momentumAccumulatesAndResets() {
        SamSgd opt = new SamSgd(1);
        float[] theta = {1f};
        RoundPlan plan = RoundPlan.sgd(0, 1, 1, 0.1f).withMomentum(0.5f);
        SamSgd.GradientFn constant = (t, g) -> {
            g[0] = 1f;
            return 0f;
        };
        opt.step(theta, constant, plan, "t"); // v = 1, θ = 0.9
        opt.step(theta, constant, plan, "t"); // v = 1.5, θ = 0.75
        assertThat(theta[0]).isCloseTo(0.75f, within(1e-6f));
        opt.resetMomentum();
        opt.step(theta, constant, plan, "t"); // v = 1, θ = 0.65
        assertThat(theta[0]).isCloseTo(0.65f, within(1e-6f));
    }

    @Test
    void clippingBoundsTheStep() {
        float[] theta = {0f, 0f};
        new SamSgd(2)
                .step(
                        theta,
                        (t, g) -> {
                            g[0] = 30f;
                            g[1] = 40f; // norm 50, clipped to 5 → (3, 4)
                            return 0f;
                        },
                        RoundPlan.sgd(0, 1, 1, 1f).withClipNorm(5f),
                        "t");
        assertThat(theta).containsExactly(-3f, -4f);
    }

    @Test
    void nonFiniteLossStopsBeforeTouchingTheVector() {
        float[] theta = {1f, 2f};
        assertThatThrownBy(() -> new SamSgd(2).step(theta, (t, g) -> Float.NaN, RoundPlan.sgd(0, 1, 1, 0.1f), "node 3"))
                .isInstanceOf(TrainingDivergedException.class)
                .hasMessageContaining("NaN")
                .hasMessageContaining("node 3");
        assertThat(theta).containsExactly(1f, 2f);
    }

    @Test
    void infiniteGradientAtThePerturbedPointAlsoStops() {
        float[] theta = {1f};
        int[] calls = {0};
        assertThatThrownBy(() -> new SamSgd(1)
                        .step(
                                theta,
                                (t, g) -> {
                                    g[0] = ++calls[0] == 1 ? 1f : Float.POSITIVE_INFINITY;
                                    return 0f;
                                },
                                RoundPlan.sgd(0, 1, 1, 0.1f).withRho(0.1f),
                                "t"))
                .isInstanceOf(TrainingDivergedException.class)
                .hasMessageContaining("perturbed");
        assertThat(theta).containsExactly(1f);
    }
}
