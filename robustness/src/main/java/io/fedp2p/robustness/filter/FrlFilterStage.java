package io.fedp2p.robustness.filter;

import io.fedp2p.robustness.Candidate;
import io.fedp2p.robustness.Verdict;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * ALGORITHMS.md §8 step 5c: {@link FrlRankFilter} on the deltas of the candidates still accepted, with the own vote
 * weighted W[i][i] = 1 − Σ_j W[i][j] over all candidates given. Rank outliers are rejected as
 * {@link Verdict#FRL_RANK_OUTLIER}. Score: {@code frl} = D_j. With the consensus mask on, the mask goes into the
 * screening for the mix.
 */
public final class FrlFilterStage implements FilterStage {
    private final FrlFilterConfig config;

    public FrlFilterStage(FrlFilterConfig config) {
        this.config = java.util.Objects.requireNonNull(config, "config");
    }

    @Override
    public String name() {
        return "frl-filter";
    }

    @Override
    public Screening screen(ScreeningContext ctx, Screening current, RandomGenerator rng) {
        List<Candidate> cs = ctx.input().candidates();
        int[] alive = current.acceptedIndices();
        List<float[]> deltas = new ArrayList<>();
        double[] weights = new double[alive.length];
        for (int r = 0; r < alive.length; r++) {
            deltas.add(cs.get(alive[r]).delta());
            weights[r] = cs.get(alive[r]).weight();
        }
        FrlRankFilter.Result result =
                FrlRankFilter.filter(ctx.input().ownDelta(), ctx.input().selfWeight(), deltas, weights, config);
        double[] score = new double[cs.size()];
        Arrays.fill(score, Double.NaN);
        double[] d = result.footrule();
        boolean[] outlier = result.outlier();
        Screening s = current;
        for (int r = 0; r < alive.length; r++) {
            score[alive[r]] = d[r];
            if (outlier[r]) {
                s = s.reject(
                        alive[r],
                        Verdict.FRL_RANK_OUTLIER,
                        "footrule " + d[r] + " > " + result.threshold() + " (median " + result.median() + ")");
            }
        }
        s = s.withScore("frl", score);
        for (String note : result.notes()) s = s.withNote(note);
        if (result.agreedItems() != null) s = s.withMask(result.agreedItems(), result.blockSize());
        return s;
    }
}
