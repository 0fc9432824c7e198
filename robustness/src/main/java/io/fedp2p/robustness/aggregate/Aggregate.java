package io.fedp2p.robustness.aggregate;

import io.fedp2p.robustness.Verdict;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The result of an {@link Aggregator}: the aggregate vector, a verdict per input vector, the rule's per-vector score
 * (named by {@link #scoreName()}: a Krum score, a distance, ...), the effective linear weight of each vector where the
 * rule is a weighted average ({@code NaN} otherwise), per-vector remarks and notes about the call. Arrays returned by
 * the accessors are copies except {@link #vector()}, which the caller owns.
 */
public final class Aggregate {
    private final float[] vector;
    private final Verdict[] verdicts;
    private final double[] scores;
    private final String scoreName;
    private final double[] weights;
    private final String[] details;
    private final List<String> notes;

    Aggregate(
            float[] vector,
            Verdict[] verdicts,
            double[] scores,
            String scoreName,
            double[] weights,
            String[] details,
            List<String> notes) {
        this.vector = vector;
        this.verdicts = verdicts;
        this.scores = scores;
        this.scoreName = scoreName;
        this.weights = weights;
        this.details = details;
        this.notes = List.copyOf(notes);
    }

    /** Every vector accepted, no weights, blank details. */
    static Aggregate allAccepted(float[] vector, double[] scores, String scoreName, List<String> notes) {
        int m = scores.length;
        Verdict[] v = new Verdict[m];
        Arrays.fill(v, Verdict.ACCEPTED);
        double[] w = new double[m];
        Arrays.fill(w, Double.NaN);
        String[] det = new String[m];
        Arrays.fill(det, "");
        return new Aggregate(vector, v, scores, scoreName, w, det, notes);
    }

    /**
     * The own vector unchanged, every other vector rejected with {@code reason}: what a rule returns when the input is
     * too small for it (e.g. Krum with m &lt; 3).
     */
    public static Aggregate keepOwn(VectorSet set, Verdict reason, String detail) {
        int m = set.size();
        int own = set.ownIndex();
        AggregateBuilder out = new AggregateBuilder(m);
        double[] w = new double[m];
        w[own] = 1;
        for (int k = 0; k < m; k++) if (k != own) out.reject(k, reason, detail);
        return out.weights(w).note(detail).build(set.own().clone());
    }

    /** The aggregate (owned by the caller). */
    public float[] vector() {
        return vector;
    }

    public Verdict verdict(int k) {
        return verdicts[k];
    }

    /** Indices of accepted vectors, ascending. */
    public int[] accepted() {
        List<Integer> a = new ArrayList<>();
        for (int k = 0; k < verdicts.length; k++) if (verdicts[k].accepted()) a.add(k);
        return a.stream().mapToInt(Integer::intValue).toArray();
    }

    public double[] scores() {
        return scores.clone();
    }

    /** What {@link #scores()} measures. */
    public String scoreName() {
        return scoreName;
    }

    /** Effective weight of each vector in a linear rule; NaN for non-linear rules. */
    public double[] weights() {
        return weights.clone();
    }

    public String detail(int k) {
        return details[k];
    }

    public List<String> notes() {
        return notes;
    }

    public int size() {
        return verdicts.length;
    }
}
