package io.fedp2p.robustness.filter;

import io.fedp2p.robustness.Candidate;
import io.fedp2p.robustness.ClassScorer;
import io.fedp2p.robustness.Verdict;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * ALGORITHMS.md §8 step 5d: Bristle's performance-based score Ω_j (§2.3) for the candidates still accepted, from the
 * node's {@link ClassScorer} (|accepted| + 1 evaluations). Hard mode rejects Ω_j = 0 as {@link Verdict#BRISTLE_SCORE};
 * soft mode sets a_ij = min(1, Ω_j); integrate mode keeps everyone and leaves the scores for Bristle's own mixing
 * formulas. Both hard and soft modes depart from Bristle's code, which never rejects on Ω_j (§8 says so). Without a
 * scorer the stage is skipped with a note: no score is invented. Score: {@code omega} = Ω_j.
 */
public final class BristleScoreStage implements FilterStage {
    private final IntegratorConfig config;

    public BristleScoreStage(IntegratorConfig config) {
        this.config = java.util.Objects.requireNonNull(config, "config");
    }

    @Override
    public String name() {
        return "bristle-integrator";
    }

    @Override
    public Screening screen(ScreeningContext ctx, Screening current, RandomGenerator rng) {
        Optional<ClassScorer> scorer = ctx.evaluators().scorer();
        if (config.mode() == IntegratorConfig.Mode.OFF) return current;
        if (scorer.isEmpty()) return current.withNote("bristle integrator skipped: no per-class F1 scorer");
        int[] familiar = ctx.evaluators().familiarClasses();
        double[] ownF1 = scorer.get().perClassF1(ctx.input().ownTheta());
        List<Candidate> cs = ctx.input().candidates();
        double[] omega = new double[cs.size()];
        Arrays.fill(omega, Double.NaN);
        Screening s = current;
        for (int j : current.acceptedIndices()) {
            BristleScores score =
                    BristleScores.of(ownF1, scorer.get().perClassF1(cs.get(j).theta()), familiar, config.phi());
            omega[j] = score.peerWeight();
            s = s.withBristle(j, score);
            switch (config.mode()) {
                case HARD -> {
                    if (score.peerWeight() == 0) {
                        s = s.reject(j, Verdict.BRISTLE_SCORE, "Ω = 0 (certainty " + score.certainty() + ")");
                    }
                }
                case SOFT -> s = s.withAcceptance(j, Math.min(1, score.peerWeight()));
                default -> {}
            }
        }
        return s.withScore("omega", omega);
    }
}
