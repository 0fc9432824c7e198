package io.fedp2p.robustness;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One neighbour's message as received at a gossip step: its model vector θ_j (or z_j^{(q)} at MGS steps q ≥ 1), at
 * step 0 its own round delta Δ_j, the mixing weight W[i][j] the receiver gives it, and optionally the mixing residual
 * ρ_j it reported for the plausibility check of ALGORITHMS.md §4.6.4.
 *
 * <p>The arrays are borrowed, not copied: the caller must not modify them while any robustness call that received
 * them is running. Their contents are peer input and are not trusted: wrong lengths and non-finite values are
 * rejected by the validation stage, not here.
 */
public final class Candidate {
    private final PeerKey key;
    private final float[] theta;
    private final float[] delta;
    private final double weight;
    private final double reportedResidual;

    private Candidate(PeerKey key, float[] theta, float[] delta, double weight, double reportedResidual) {
        this.key = Objects.requireNonNull(key, "key");
        this.theta = Objects.requireNonNull(theta, "theta");
        this.delta = delta;
        if (!(weight >= 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("mixing weight of " + key + " must be finite and >= 0, got " + weight);
        }
        this.weight = weight;
        this.reportedResidual = reportedResidual;
    }

    /** A message carrying only a model (MGS steps q ≥ 1, or rules that need no delta). */
    public static Candidate of(PeerKey key, float[] theta, double weight) {
        return new Candidate(key, theta, null, weight, Double.NaN);
    }

    /** A step-0 message carrying the model and the sender's own round delta. */
    public static Candidate withDelta(PeerKey key, float[] theta, float[] delta, double weight) {
        return new Candidate(key, theta, Objects.requireNonNull(delta, "delta"), weight, Double.NaN);
    }

    /** A copy that also carries the sender's reported mixing residual ρ_j (ALGORITHMS.md §4.6.4). */
    public Candidate withReportedResidual(double residual) {
        return new Candidate(key, theta, delta, weight, residual);
    }

    public PeerKey key() {
        return key;
    }

    /** θ_j (borrowed). */
    public float[] theta() {
        return theta;
    }

    public boolean hasDelta() {
        return delta != null;
    }

    /** Δ_j (borrowed); throws when the message carried none. */
    public float[] delta() {
        if (delta == null) throw new IllegalStateException("candidate " + key + " carries no delta");
        return delta;
    }

    /** W[i][j]. */
    public double weight() {
        return weight;
    }

    /** ρ_j as reported, when present and a finite non-negative number. */
    public OptionalDouble reportedResidual() {
        return reportedResidual >= 0 && Double.isFinite(reportedResidual)
                ? OptionalDouble.of(reportedResidual)
                : OptionalDouble.empty();
    }

    @Override
    public String toString() {
        return "Candidate[" + key + ", d=" + theta.length + ", w=" + weight + "]";
    }
}
