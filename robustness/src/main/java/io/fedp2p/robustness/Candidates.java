package io.fedp2p.robustness;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Shared checks for the candidate lists of {@link RoundInput} and {@link StepInput}. */
final class Candidates {
    /** Rows of W may lose this much to rounding and still count as stochastic. */
    static final double WEIGHT_SLACK = 1e-6;

    private Candidates() {}

    /** A copy sorted by key; rejects duplicate keys and weight rows summing above one. */
    static List<Candidate> sortedChecked(List<Candidate> candidates) {
        List<Candidate> sorted = new ArrayList<>(candidates);
        sorted.sort(Comparator.comparing(Candidate::key));
        double sum = 0;
        for (int k = 0; k < sorted.size(); k++) {
            if (k > 0 && sorted.get(k).key().equals(sorted.get(k - 1).key())) {
                throw new IllegalArgumentException(
                        "duplicate candidate " + sorted.get(k).key());
            }
            sum += sorted.get(k).weight();
        }
        if (sum > 1 + WEIGHT_SLACK) {
            throw new IllegalArgumentException("candidate weights sum to " + sum + " > 1: W rows must be stochastic");
        }
        return List.copyOf(sorted);
    }

    /** Throws unless {@code v} is finite; for the node's own vectors, which are our invariant, not peer input. */
    static void requireFinite(float[] v, String what) {
        for (int e = 0; e < v.length; e++) {
            if (!Float.isFinite(v[e])) throw new IllegalArgumentException(what + " has a non-finite value at " + e);
        }
    }
}
