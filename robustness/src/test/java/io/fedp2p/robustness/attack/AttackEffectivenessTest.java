package io.fedp2p.robustness.attack;

import static org.assertj.core.api.Assertions.assertThat;

import io.fedp2p.robustness.TestVectors;
import io.fedp2p.robustness.aggregate.Krum;
import io.fedp2p.robustness.aggregate.TrimmedMean;
import io.fedp2p.robustness.aggregate.VectorSet;
import io.fedp2p.robustness.vector.Vectors;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * Every attack measurably moves an aggregate of a synthetic task away from the benign mean, compared with the same
 * nodes behaving honestly: n = 10 nodes of which f = 3 attack, d = 200, honest updates = common drift + noise. The
 * untargeted attacks are measured against the plain mean, as the bias they leave over 16 rounds of fresh data (honest
 * noise averages out, a poisoning bias does not); the Fang attacks against the rules they target.
 */
class AttackEffectivenessTest {
    static final int D = 200;
    static final int HONEST = 7;
    static final int F = 3;

    /** A round of the synthetic task with per-coordinate noise {@code noise} around a drift of 0.1. */
    static final class Task {
        final RandomGenerator rng;
        final float[] reference;
        final float[] drift;
        final double noise;
        final List<float[]> benign = new ArrayList<>();
        final List<float[]> attackersHonest = new ArrayList<>();

        Task(double noise) {
            this(21, noise);
        }

        Task(long seed, double noise) {
            this.rng = TestVectors.rng(seed);
            this.noise = noise;
            this.reference = TestVectors.gaussian(rng, D, 0, 1);
            this.drift = TestVectors.gaussian(TestVectors.rng(22), D, 0, 0.1);
            for (int k = 0; k < HONEST; k++) benign.add(honest());
            for (int k = 0; k < F; k++) attackersHonest.add(honest());
        }

        float[] honest() {
            return Vectors.addScaled(drift, 1, TestVectors.gaussian(rng, D, 0, noise));
        }

        List<float[]> benignModels() {
            return benign.stream().map(u -> Vectors.addScaled(reference, 1, u)).toList();
        }

        AttackContext context(int attacker, int step) {
            return AttackContext.builder(
                            5, step, reference, attackersHonest.get(attacker), TestVectors.rng(100 + attacker))
                    .received(benignModels(), benign)
                    .colluders(attackersHonest)
                    .counts(HONEST + F, F)
                    .copies(F)
                    .victimF(F)
                    .collusionSeed(7)
                    .build();
        }

        List<float[]> forged(Attack attack, int step) {
            List<float[]> out = new ArrayList<>();
            for (int a = 0; a < F; a++) out.add(attack.forge(context(a, step)).delta());
            return out;
        }

        /** The mean of (benign + attackers' deltas) minus the benign mean. */
        float[] meanShift(List<float[]> attack) {
            List<float[]> all = new ArrayList<>(benign);
            all.addAll(attack);
            return Vectors.subtract(Vectors.mean(all), Vectors.mean(benign));
        }
    }

    static final int ROUNDS = 16;

    /** ‖average over rounds of the plain mean's shift‖ when the attackers run {@code spec} at {@code step}. */
    static double bias(String spec, int step) {
        List<float[]> shifts = new ArrayList<>();
        for (int r = 0; r < ROUNDS; r++) {
            Task task = new Task(1000 + r, 0.05);
            Attack attack =
                    spec.equals("honest") ? null : AttackSpec.parse(spec).create();
            shifts.add(task.meanShift(attack == null ? task.attackersHonest : task.forged(attack, step)));
        }
        return Vectors.norm(Vectors.mean(shifts));
    }

    @Test
    void everyUntargetedAttackBeatsThePlainMean() {
        double baseline = bias("honest", 0);
        List<String> names = List.of(
                "sign-flip",
                "gaussian",
                "alie",
                "ipm",
                "min-max",
                "min-sum",
                "free-rider",
                "sybil-eclipse",
                "rank-reversal");
        for (String name : names) {
            assertThat(bias(name, 0)).as(name + " vs honest " + baseline).isGreaterThan(3 * baseline);
        }
        assertThat(bias("bait-and-switch", 1)).as("bait-and-switch at q = 1").isGreaterThan(3 * baseline);
        assertThat(bias("bait-and-switch", 0)).isEqualTo(baseline);
        assertThat(bias("none", 0)).isEqualTo(baseline);
    }

    @Test
    void dissensusHoldsTheTargetAwayFromItsNeighbours() {
        Task task = new Task(0.05);
        // target t with 4 honest neighbours (W = 0.15 each) and the 3 attackers (W = 0.1 each), W_tt = 0.1
        float[] target = task.benignModels().get(0);
        List<float[]> neighbours = task.benignModels().subList(1, 5);
        TargetView view = new TargetView(target, neighbours, new double[] {.15, .15, .15, .15}, 0.3);
        float[] forgedModel = new DissensusAttack(1.5)
                .forge(AttackContext.builder(0, 0, task.reference, task.attackersHonest.get(0), task.rng)
                        .target(view)
                        .build())
                .theta();
        List<float[]> honestMix = new ArrayList<>(List.of(target));
        List<float[]> attackedMix = new ArrayList<>(List.of(target));
        honestMix.addAll(neighbours);
        attackedMix.addAll(neighbours);
        for (int a = 0; a < F; a++) {
            honestMix.add(Vectors.addScaled(task.reference, 1, task.attackersHonest.get(a)));
            attackedMix.add(forgedModel);
        }
        double[] w = {.1, .15, .15, .15, .15, .1, .1, .1};
        float[] neighbourMean = Vectors.mean(neighbours);

        double honestGap = Vectors.distance(Vectors.weightedSum(honestMix, w), neighbourMean);
        double attackedGap = Vectors.distance(Vectors.weightedSum(attackedMix, w), neighbourMean);

        // with ε = 1.5 the target ends farther from its neighbours than it started
        assertThat(attackedGap).isGreaterThan(Vectors.distance(target, neighbourMean));
        assertThat(attackedGap).isGreaterThan(3 * honestGap);
    }

    @Test
    void fangAttacksBeatTheRulesTheyTarget() {
        // heterogeneous honest updates (noise above the drift), the setting Fang's attacks are built for
        Task task = new Task(0.2);
        List<float[]> models = new ArrayList<>(task.benignModels());
        for (float[] u : task.forged(AttackSpec.parse("fang-krum").create(), 0)) {
            models.add(Vectors.addScaled(task.reference, 1, u));
        }
        assertThat(new Krum(F).select(models)).isGreaterThanOrEqualTo(HONEST);

        List<float[]> honestAll = new ArrayList<>(task.benign);
        honestAll.addAll(task.attackersHonest);
        List<float[]> attacked = new ArrayList<>(task.benign);
        attacked.addAll(task.forged(AttackSpec.parse("fang-trimmed-mean").create(), 0));
        float[] benignMean = Vectors.mean(task.benign);
        TrimmedMean tm = new TrimmedMean(F);
        double honestGap =
                Vectors.distance(tm.aggregate(VectorSet.uniform(honestAll, -1)).vector(), benignMean);
        double attackedGap =
                Vectors.distance(tm.aggregate(VectorSet.uniform(attacked, -1)).vector(), benignMean);
        assertThat(attackedGap).isGreaterThan(2 * honestGap);
    }
}
