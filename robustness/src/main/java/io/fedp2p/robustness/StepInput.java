package io.fedp2p.robustness;

import java.util.List;
import java.util.Objects;

/**
 * What a defence sees at an MGS gossip step q ≥ 1 (ALGORITHMS.md §8 step 7): the node's own current iterate z_i^{(q)}
 * and the neighbours' z_j^{(q)} (as {@link Candidate}s without deltas). The pipeline mixes with the weights it fixed at
 * step 0 and ignores the candidates' weights; the baseline rules use them. Vectors are borrowed.
 */
public final class StepInput {
    private final int step;
    private final float[] ownModel;
    private final List<Candidate> candidates;

    public StepInput(int step, float[] ownModel, List<Candidate> candidates) {
        if (step < 1) throw new IllegalArgumentException("MGS steps after the first start at q = 1, got " + step);
        this.step = step;
        this.ownModel = Objects.requireNonNull(ownModel, "ownModel");
        Candidates.requireFinite(ownModel, "own model");
        this.candidates = Candidates.sortedChecked(candidates);
    }

    /** q. */
    public int step() {
        return step;
    }

    /** z_i^{(q)} (borrowed). */
    public float[] ownModel() {
        return ownModel;
    }

    /** Candidates sorted by key. */
    public List<Candidate> candidates() {
        return candidates;
    }

    /** The implied weight of the own model, 1 − Σ_j W[i][j]. */
    public double selfWeight() {
        double s = 0;
        for (Candidate c : candidates) s += c.weight();
        return Math.max(0, 1 - s);
    }
}
