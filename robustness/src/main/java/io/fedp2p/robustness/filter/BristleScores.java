package io.fedp2p.robustness.filter;

import java.util.Arrays;

/**
 * Bristle's performance-based scores for one peer (ALGORITHMS.md §2.3), from per-class F1 scores of the own model
 * (F_i) and the peer's (F_j) on the node's local test set:
 *
 * <pre>
 * S_j  = the min(φ, |L_i|) familiar classes with the highest F_j(c), ties by smaller class id (S_j = L_i when φ ≥ |L_i|, §2.8 #4)
 * Δ_jc = 10·|F_j(c) − F_i(c)|
 * s_jc = Δ_jc^(3+F_i(c)) if F_j(c) &gt; F_i(c), else −Δ_jc^(4+F_i(c))
 * u_j  = max(0, mean_S F_j − std_S F_j)           (population std)
 * g(s) = max(0, 10·σ(s/100) − 4)
 * ω_jc = u_j·g(max(−100, s_jc)),   Ω_j = u_j·g(Σ_c s_jc)
 * </pre>
 *
 * Worked values: F1 better by 0.1 gives s = 1, g = 1.025; own 0.5 and peer better by 0.5 gives s = 5^3.5 ≈ 279.5, g ≈
 * 5.42; own 0.8 and peer worse by 0.3 gives s ≈ −195, bounded to −100, g = 0.
 *
 * <p>Immutable; array accessors return copies.
 */
public final class BristleScores {
    private final int[] classes;
    private final double[] s;
    private final double certainty;
    private final double[] omega;
    private final double peerWeight;

    private BristleScores(int[] classes, double[] s, double certainty, double[] omega, double peerWeight) {
        this.classes = classes;
        this.s = s;
        this.certainty = certainty;
        this.omega = omega;
        this.peerWeight = peerWeight;
    }

    /** S_j, in selection order. */
    public int[] classes() {
        return classes.clone();
    }

    /** s_jc per class of S_j. */
    public double[] s() {
        return s.clone();
    }

    /** u_j. */
    public double certainty() {
        return certainty;
    }

    /** ω_jc per class of S_j. */
    public double[] omega() {
        return omega.clone();
    }

    /** Ω_j. */
    public double peerWeight() {
        return peerWeight;
    }

    /** Scores for a peer. {@code familiar} is L_i; F1 arrays are indexed by class id. */
    public static BristleScores of(double[] ownF1, double[] peerF1, int[] familiar, int phi) {
        int[] selected = selectClasses(peerF1, familiar, phi);
        int k = selected.length;
        double[] s = new double[k];
        double[] f = new double[k];
        double sum = 0;
        for (int r = 0; r < k; r++) {
            int c = selected[r];
            double fi = f1(ownF1, c);
            double fj = f1(peerF1, c);
            double delta = 10 * Math.abs(fj - fi);
            s[r] = fj > fi ? Math.pow(delta, 3 + fi) : -Math.pow(delta, 4 + fi);
            f[r] = fj;
            sum += s[r];
        }
        double mean = Arrays.stream(f).average().orElse(0);
        double var = 0;
        for (double x : f) var += (x - mean) * (x - mean);
        double u = Math.max(0, mean - Math.sqrt(var / k));
        double[] omega = new double[k];
        for (int r = 0; r < k; r++) omega[r] = u * weightCurve(Math.max(-100, s[r]));
        return new BristleScores(selected, s, u, omega, u * weightCurve(sum));
    }

    /** g(s) = max(0, 10·σ(s/100) − 4): g(0) = 1, g ≤ 6, g = 0 for s ≤ 100·ln(2/3). */
    public static double weightCurve(double s) {
        return Math.max(0, 10 / (1 + Math.exp(-s / 100)) - 4);
    }

    /** ω_jc for class c, or 0 when c ∉ S_j. */
    public double omegaFor(int c) {
        for (int r = 0; r < classes.length; r++) if (classes[r] == c) return omega[r];
        return 0;
    }

    static int[] selectClasses(double[] peerF1, int[] familiar, int phi) {
        int[] sorted = familiar.clone();
        Arrays.sort(sorted);
        if (phi >= sorted.length) return sorted;
        Integer[] order = new Integer[sorted.length];
        for (int r = 0; r < sorted.length; r++) order[r] = sorted[r];
        Arrays.sort(
                order,
                (a, b) -> f1(peerF1, a) != f1(peerF1, b)
                        ? Double.compare(f1(peerF1, b), f1(peerF1, a))
                        : Integer.compare(a, b));
        int[] out = new int[phi];
        for (int r = 0; r < phi; r++) out[r] = order[r];
        return out;
    }

    private static double f1(double[] scores, int c) {
        if (c >= scores.length) {
            throw new IllegalArgumentException("F1 scores cover " + scores.length + " classes, class " + c + " needed");
        }
        double v = scores[c];
        if (!(v >= 0 && v <= 1)) throw new IllegalArgumentException("F1 of class " + c + " outside [0, 1]: " + v);
        return v;
    }
}
