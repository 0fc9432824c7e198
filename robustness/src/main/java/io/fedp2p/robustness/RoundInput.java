package io.fedp2p.robustness;

import java.util.List;
import java.util.Objects;

/**
 * Everything a defence sees at gossip step 0 of round t (ALGORITHMS.md §8 steps 3–6): the node's own freshly trained
 * model θ_i = θ_i^{t,K} and own delta Δ_i = θ_i^{t,K} − θ_i^{t,0}, and the neighbours' messages.
 *
 * <p>Candidates are kept sorted by {@link PeerKey}; every per-candidate result lists them in that order. The weight
 * a candidate does not get (absent neighbours, rejected ones, the own weight W[i][i]) goes to the node itself, so
 * {@code W[i][i]} is implied as {@code 1 − Σ_j W[i][j]} over the candidates given; neighbours that stayed silent are
 * simply left out (ALGORITHMS.md §1.6 #2). Own vectors are borrowed, must have equal lengths and be finite.
 */
public final class RoundInput {
    private final long round;
    private final float[] ownTheta;
    private final float[] ownDelta;
    private final List<Candidate> candidates;

    public RoundInput(long round, float[] ownTheta, float[] ownDelta, List<Candidate> candidates) {
        if (round < 0) throw new IllegalArgumentException("negative round " + round);
        this.round = round;
        this.ownTheta = Objects.requireNonNull(ownTheta, "ownTheta");
        this.ownDelta = Objects.requireNonNull(ownDelta, "ownDelta");
        if (ownTheta.length != ownDelta.length) {
            throw new IllegalArgumentException(
                    "own theta has " + ownTheta.length + " values, own delta " + ownDelta.length);
        }
        if (ownTheta.length == 0) throw new IllegalArgumentException("empty model vector");
        Candidates.requireFinite(ownTheta, "own theta");
        Candidates.requireFinite(ownDelta, "own delta");
        this.candidates = Candidates.sortedChecked(candidates);
    }

    public long round() {
        return round;
    }

    /** θ_i (borrowed). */
    public float[] ownTheta() {
        return ownTheta;
    }

    /** Δ_i (borrowed). */
    public float[] ownDelta() {
        return ownDelta;
    }

    /** The model dimension d. */
    public int dimension() {
        return ownTheta.length;
    }

    /** Candidates sorted by key. */
    public List<Candidate> candidates() {
        return candidates;
    }

    /** The implied W[i][i] = 1 − Σ_j W[i][j] over the given candidates (never negative). */
    public double selfWeight() {
        double s = 0;
        for (Candidate c : candidates) s += c.weight();
        return Math.max(0, 1 - s);
    }
}
