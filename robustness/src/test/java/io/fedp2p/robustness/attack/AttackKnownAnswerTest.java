package io.fedp2p.robustness.attack;

import static io.fedp2p.robustness.TestVectors.vec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.fedp2p.robustness.TestVectors;
import io.fedp2p.robustness.vector.Vectors;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Known answers of the attacks of ALGORITHMS.md §6. */
class AttackKnownAnswerTest {
    static final List<float[]> BENIGN = List.of(vec(1, 0), vec(0, 1), vec(1, 1), vec(0.5, 0.2));

    static AttackContext.Builder ctx(float[] ref, float[] own) {
        return AttackContext.builder(3, 0, ref, own, TestVectors.rng(1));
    }

    @Test
    void signFlipVariants() {
        // §6.2: θ_ref − s·Δ_own = (1,1) − 2·(0.5,−1) = (0, 3)
        ForgedMessage m = new SignFlipAttack(2, SignFlipAttack.Variant.OWN)
                .forge(ctx(vec(1, 1), vec(0.5, -1)).build());
        assertThat(m.theta()).containsExactly(0f, 3f);
        assertThat(m.delta()).containsExactly(-1f, 2f);

        ForgedMessage mean = new SignFlipAttack(1, SignFlipAttack.Variant.MEAN)
                .forge(ctx(vec(1, 1), vec(0, 0))
                        .received(List.of(), List.of(vec(1, 0), vec(0, 1)))
                        .build());
        assertThat(mean.theta()).containsExactly(0.5f, 0.5f);

        ForgedMessage model = new SignFlipAttack(1, SignFlipAttack.Variant.MODEL)
                .forge(ctx(vec(1, 1), vec(0.5, -1)).build());
        assertThat(model.theta()).containsExactly(-1.5f, -0f);
    }

    @Test
    void gaussianNoiseIsSeededWithTheRequestedSpread() {
        AttackContext c = AttackContext.builder(0, 0, new float[100_000], new float[100_000], TestVectors.rng(5))
                .build();
        float[] a = new GaussianAttack(1, 0).forge(c).delta();
        float[] b = new GaussianAttack(1, 0)
                .forge(AttackContext.builder(0, 0, new float[100_000], new float[100_000], TestVectors.rng(5))
                        .build())
                .delta();

        assertThat(b).containsExactly(a);
        double mean = 0;
        for (float x : a) mean += x;
        mean /= a.length;
        assertThat(mean).isCloseTo(0, within(0.01));
        assertThat(Vectors.norm(a) / Math.sqrt(a.length)).isCloseTo(1, within(0.01));
    }

    @Test
    void alieZFormulasAndFallback() {
        List<String> notes = new ArrayList<>();
        AlieAttack original = new AlieAttack(1.5, AlieAttack.ZMode.FORMULA_ORIGINAL, Knowledge.LOCAL, 1);
        AlieAttack cg = new AlieAttack(1.5, AlieAttack.ZMode.FORMULA_CG, Knowledge.LOCAL, 1);

        assertThat(original.zFor(10, 3, notes)).isCloseTo(0.5244, within(1e-4));
        assertThat(cg.zFor(10, 3, notes)).isCloseTo(0.1800, within(1e-4));
        assertThat(original.zFor(25, 5, notes)).isCloseTo(0.4677, within(1e-4));
        assertThat(cg.zFor(25, 5, notes)).isCloseTo(0.2533, within(1e-4));
        assertThat(notes).isEmpty();
        // n = 10, f = 1: the original's argument is 0.5 -> explicit z; ClippedGossip's n = 15, f = 10 -> > 1
        assertThat(original.zFor(10, 1, notes)).isEqualTo(1.5);
        assertThat(cg.zFor(15, 10, notes)).isEqualTo(1.5);
        assertThat(notes).hasSize(2);
    }

    @Test
    void alieSendsMeanMinusZStd() {
        // x: 1, 0, 1, 0.5 -> μ = .625, var (ddof 1) = .6875/3; y: 0, 1, 1, .2 -> μ = .55, var = .6900/3 ... per
        // coordinate
        ForgedMessage m = new AlieAttack(1.5, AlieAttack.ZMode.EXPLICIT, Knowledge.LOCAL, 1)
                .forge(ctx(vec(10, 10), vec(0, 0)).received(List.of(), BENIGN).build());

        double sx = Math.sqrt(0.6875 / 3);
        double sy = Math.sqrt((0.3025 + 0.2025 + 0.2025 + 0.1225) / 3);
        assertThat(m.delta()[0]).isCloseTo((float) (0.625 - 1.5 * sx), within(1e-6f));
        assertThat(m.delta()[1]).isCloseTo((float) (0.55 - 1.5 * sy), within(1e-6f));
        assertThat(m.theta()[0]).isCloseTo(10 + m.delta()[0], within(1e-5f));

        ForgedMessage alone = new AlieAttack(1.5, AlieAttack.ZMode.EXPLICIT, Knowledge.LOCAL, 1)
                .forge(ctx(vec(0, 0), vec(3, 4))
                        .received(List.of(), List.of(vec(1, 1)))
                        .build());
        assertThat(alone.delta()).containsExactly(3f, 4f);
        assertThat(alone.notes()).anyMatch(n -> n.contains("honest"));
    }

    @Test
    void ipmScalesTheNegatedBenignMean() {
        ForgedMessage m = new IpmAttack(0.1)
                .forge(ctx(vec(0, 0), vec(9, 9)).received(List.of(), BENIGN).build());

        assertThat(m.delta()[0]).isCloseTo(-0.0625f, within(1e-7f));
        assertThat(m.delta()[1]).isCloseTo(-0.055f, within(1e-7f));
    }

    @Test
    void minMaxAndMinSumKnownGammas() {
        // §6.6 known answers for benign (1,0), (0,1), (1,1), (0.5,0.2)
        float[] mu = UpdateStatistics.mean(BENIGN);
        double[][] expected = {{1.165276, 0.832539, 0.586796}, {0.522537, 0.371647, 0.262794}};
        MinMaxAttack.Criterion[] criteria = MinMaxAttack.Criterion.values();
        MinMaxAttack.Direction[] dirs = {
            MinMaxAttack.Direction.STD, MinMaxAttack.Direction.UNIT, MinMaxAttack.Direction.SIGN
        };
        for (int c = 0; c < 2; c++) {
            for (int p = 0; p < 3; p++) {
                float[] dir =
                        switch (dirs[p]) {
                            case STD -> UpdateStatistics.std(BENIGN, mu, 1);
                            case UNIT -> Vectors.scale(mu, 1 / Vectors.norm(mu));
                            case SIGN -> UpdateStatistics.sign(mu);
                        };
                double gamma = new MinMaxAttack(criteria[c], dirs[p]).gamma(BENIGN, mu, dir);
                assertThat(gamma).as(criteria[c] + " " + dirs[p]).isCloseTo(expected[c][p], within(2e-5));
            }
        }
        ForgedMessage m = new MinMaxAttack(MinMaxAttack.Criterion.MIN_MAX, MinMaxAttack.Direction.SIGN)
                .forge(ctx(vec(0, 0), vec(0, 0)).received(List.of(), BENIGN).build());
        assertThat(m.delta()[0]).isCloseTo((float) (0.625 - 0.586796), within(2e-5f));
    }

    @Test
    void dissensusCancelsTheTargetsPull() {
        // x_t = 0; good neighbours 1 and 3 with W .25 each; Byzantine weight .5; ε = 1:
        // 0 − 1·(.25·1 + .25·3)/.5 = −2, and the target's mix .25·1 + .25·3 + .5·(−2) = 0 stays at x_t
        TargetView view = new TargetView(vec(0), List.of(vec(1), vec(3)), new double[] {.25, .25}, .5);
        ForgedMessage m =
                new DissensusAttack(1).forge(ctx(vec(7), vec(0)).target(view).build());

        assertThat(m.theta()).containsExactly(-2f);
        assertThatThrownBy(
                        () -> new DissensusAttack(1).forge(ctx(vec(7), vec(0)).build()))
                .hasMessageContaining("simulation only");
    }

    @Test
    void freeRiderVariants() {
        assertThat(new FreeRiderAttack(FreeRiderAttack.Variant.PLAIN, 1e-3)
                        .forge(ctx(vec(2, 3), vec(5, 5)).build())
                        .theta())
                .containsExactly(2f, 3f);
        FreeRiderAttack disguised = new FreeRiderAttack(FreeRiderAttack.Variant.DISGUISED, 1e-3);
        assertThat(disguised.sigma(0)).isEqualTo(1e-3);
        assertThat(disguised.sigma(9)).isCloseTo(1e-4, within(1e-18));
        float[] u = new FreeRiderAttack(FreeRiderAttack.Variant.UNIFORM, 0)
                .forge(AttackContext.builder(0, 0, new float[1000], new float[1000], TestVectors.rng(2))
                        .build())
                .delta();
        for (float x : u) assertThat(x).isBetween(-1f, 1f);
    }

    @Test
    void rankReversalKeepsTheValuesAndReversesTheColludersOrder() {
        // colluders rank (1, 2, 3) ascending [0, 1, 2]; the own update's values go back reversed: (3, 2, 1)
        ForgedMessage m =
                new RankReversalAttack().forge(ctx(vec(0, 0, 0), vec(1, 2, 3)).build());
        assertThat(m.delta()).containsExactly(3f, 2f, 1f);

        ForgedMessage two = new RankReversalAttack()
                .forge(ctx(vec(0, 0, 0), vec(10, 20, 30))
                        .colluders(List.of(vec(3, 1, 2), vec(3, 2, 1)))
                        .build());
        // Borda: positions (2,0,1) + (2,1,0) = (4,1,1) -> consensus [1, 2, 0]; reversed values 30, 20, 10
        assertThat(two.delta()).containsExactly(10f, 30f, 20f);
    }

    @Test
    void fangTrimmedMeanDrawsBeyondTheBenignRange() {
        // benign x in {1, 0, 1, .5} (mean > 0 -> s = +1): w_min = 0 -> U[2·0, 0] = 0;
        // y in {0, 1, 1, .2}: s = +1, w_min = 0 -> 0. Flip the sign with negative updates:
        List<float[]> negative = List.of(vec(-1, 2), vec(-2, 3), vec(-3, 4));
        ForgedMessage m = new FangTrimmedMeanAttack(2, Knowledge.LOCAL)
                .forge(ctx(vec(0, 0), vec(0, 0)).received(List.of(), negative).build());

        // x: s = −1, w_max = −1 < 0 -> U[−1, −0.5]; y: s = +1, w_min = 2 > 0 -> U[1, 2]
        assertThat(m.delta()[0]).isBetween(-1f, -0.5f);
        assertThat(m.delta()[1]).isBetween(1f, 2f);
    }

    @Test
    void fangKrumGetsItsCopiesSelected() {
        var rng = TestVectors.rng(4);
        float[] ref = new float[20];
        List<float[]> models = new ArrayList<>();
        List<float[]> updates = new ArrayList<>();
        float[] g = TestVectors.gaussian(rng, 20, 0, 1);
        for (int k = 0; k < 7; k++) {
            // heterogeneous honest updates: a small common drift under a larger spread, Fang's setting
            float[] u = Vectors.addScaled(Vectors.scale(g, 0.2), 1, TestVectors.gaussian(rng, 20, 0, 1));
            updates.add(u);
            models.add(Vectors.addScaled(ref, 1, u));
        }
        AttackContext c = ctx(ref, updates.get(0))
                .received(models, updates)
                .copies(3)
                .victimF(3)
                .build();

        ForgedMessage m = new FangKrumAttack(Knowledge.LOCAL).forge(c);

        List<float[]> all = new ArrayList<>(models);
        for (int k = 0; k < 3; k++) all.add(m.theta());
        assertThat(new io.fedp2p.robustness.aggregate.Krum(3).select(all)).isGreaterThanOrEqualTo(7);
        // pushed against the honest direction
        assertThat(Vectors.dot(m.delta(), UpdateStatistics.mean(updates))).isNegative();
    }

    @Test
    void labelMappings() {
        assertThat(LabelMapping.reverse(10).map(0)).isEqualTo(9);
        assertThat(LabelMapping.reverse(10).map(7)).isEqualTo(2);
        assertThat(LabelMapping.shift(10).map(0)).isEqualTo(9);
        assertThat(LabelMapping.shift(10).map(5)).isEqualTo(4);
        assertThat(LabelMapping.swapTwoLowest(new int[] {7, 3, 5}).map(3)).isEqualTo(5);
        assertThat(LabelMapping.swapTwoLowest(new int[] {7, 3, 5}).map(7)).isEqualTo(7);
        assertThat(LabelMapping.sourceToTarget(1, 7).map(1)).isEqualTo(7);
        assertThatThrownBy(() -> LabelMapping.reverse(10).map(10)).hasMessageContaining("outside");
    }
}
