package io.fedp2p.robustness.filter;

import io.fedp2p.robustness.Verdict;
import java.util.random.RandomGenerator;

/**
 * ALGORITHMS.md §8 step 5b: {@link BristlePrioritizer} over the candidates still accepted, on their distances
 * ‖θ_j − θ_i‖ from validation; the others are rejected as {@link Verdict#BRISTLE_PRIORITIZER}.
 */
public final class BristlePrioritizerStage implements FilterStage {
    private final PrioritizerConfig config;

    public BristlePrioritizerStage(PrioritizerConfig config) {
        this.config = java.util.Objects.requireNonNull(config, "config");
    }

    @Override
    public String name() {
        return "bristle-prioritizer";
    }

    @Override
    public Screening screen(ScreeningContext ctx, Screening current, RandomGenerator rng) {
        double[] distance = current.score("distance")
                .orElseThrow(() -> new IllegalStateException("the prioritizer runs after validation"));
        int[] alive = current.acceptedIndices();
        double[] d = new double[alive.length];
        for (int r = 0; r < alive.length; r++) d[r] = distance[alive[r]];
        int[] keep = BristlePrioritizer.select(d, config, rng);
        boolean[] kept = new boolean[alive.length];
        for (int r : keep) kept[r] = true;
        Screening s = current;
        for (int r = 0; r < alive.length; r++) {
            if (!kept[r]) {
                s = s.reject(
                        alive[r],
                        Verdict.BRISTLE_PRIORITIZER,
                        "not sampled (" + keep.length + " of " + alive.length + " kept)");
            }
        }
        return s;
    }
}
