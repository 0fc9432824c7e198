package io.fedp2p.robustness.filter;

import io.fedp2p.robustness.Verdict;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The state of a step-0 screening, indexed like the round's candidate list: a verdict and an acceptance weight a_ij ∈
 * [0, 1] per candidate, named per-candidate scores (NaN where a stage did not score a candidate), this round's
 * plausibility failures, the FRL consensus mask and the Bristle scores when those stages produce them, and notes.
 * Immutable: every change returns a copy (n is small, so copies are cheap).
 */
public final class Screening {
    private final Verdict[] verdicts;
    private final String[] details;
    private final double[] acceptance;
    private final SortedMap<String, double[]> scores;
    private final boolean[] plausibilityFailed;
    private final boolean[] agreedItems;
    private final int maskBlockSize;
    private final BristleScores[] bristle;
    private final List<String> notes;

    private Screening(
            Verdict[] verdicts,
            String[] details,
            double[] acceptance,
            SortedMap<String, double[]> scores,
            boolean[] plausibilityFailed,
            boolean[] agreedItems,
            int maskBlockSize,
            BristleScores[] bristle,
            List<String> notes) {
        this.verdicts = verdicts;
        this.details = details;
        this.acceptance = acceptance;
        this.scores = scores;
        this.plausibilityFailed = plausibilityFailed;
        this.agreedItems = agreedItems;
        this.maskBlockSize = maskBlockSize;
        this.bristle = bristle;
        this.notes = notes;
    }

    /** Every one of {@code n} candidates accepted with a_ij = 1. */
    public static Screening start(int n) {
        Verdict[] v = new Verdict[n];
        Arrays.fill(v, Verdict.ACCEPTED);
        String[] det = new String[n];
        Arrays.fill(det, "");
        double[] a = new double[n];
        Arrays.fill(a, 1.0);
        return new Screening(v, det, a, new TreeMap<>(), new boolean[n], null, 1, new BristleScores[n], List.of());
    }

    private Screening copy() {
        TreeMap<String, double[]> s = new TreeMap<>();
        scores.forEach((k, v) -> s.put(k, v.clone()));
        return new Screening(
                verdicts.clone(),
                details.clone(),
                acceptance.clone(),
                s,
                plausibilityFailed.clone(),
                agreedItems,
                maskBlockSize,
                bristle.clone(),
                notes);
    }

    public int size() {
        return verdicts.length;
    }

    public Verdict verdict(int j) {
        return verdicts[j];
    }

    public boolean accepted(int j) {
        return verdicts[j].accepted();
    }

    /** Indices still accepted, ascending. */
    public int[] acceptedIndices() {
        int[] out = new int[verdicts.length];
        int n = 0;
        for (int j = 0; j < verdicts.length; j++) if (verdicts[j].accepted()) out[n++] = j;
        return Arrays.copyOf(out, n);
    }

    public String detail(int j) {
        return details[j];
    }

    /** a_ij (0 once rejected). */
    public double acceptance(int j) {
        return verdicts[j].accepted() ? acceptance[j] : 0;
    }

    /** A named score array (copy), if some stage produced it. */
    public Optional<double[]> score(String name) {
        double[] s = scores.get(name);
        return s == null ? Optional.empty() : Optional.of(s.clone());
    }

    /** Score names present, in order. */
    public List<String> scoreNames() {
        return List.copyOf(scores.keySet());
    }

    public boolean plausibilityFailed(int j) {
        return plausibilityFailed[j];
    }

    /** The FRL consensus mask over ranked items, if the stage produced one. */
    public Optional<boolean[]> agreedItems() {
        return Optional.ofNullable(agreedItems).map(boolean[]::clone);
    }

    /** Coordinates per item of {@link #agreedItems()}. */
    public int maskBlockSize() {
        return maskBlockSize;
    }

    /** Bristle scores of candidate j, if the integrator scored it. */
    public Optional<BristleScores> bristle(int j) {
        return Optional.ofNullable(bristle[j]);
    }

    public List<String> notes() {
        return notes;
    }

    /** Rejects an accepted candidate; a second rejection keeps the first reason. */
    public Screening reject(int j, Verdict v, String detail) {
        if (v.accepted()) throw new IllegalArgumentException("reject needs a rejection verdict");
        if (!verdicts[j].accepted()) return this;
        Screening c = copy();
        c.verdicts[j] = v;
        c.details[j] = detail;
        return c;
    }

    /** Lowers a_ij to {@code a} (never raises it). */
    public Screening withAcceptance(int j, double a) {
        if (!(a >= 0 && a <= 1)) throw new IllegalArgumentException("acceptance must be in [0, 1], got " + a);
        Screening c = copy();
        c.acceptance[j] = Math.min(c.acceptance[j], a);
        return c;
    }

    public Screening withScore(String name, double[] values) {
        if (values.length != verdicts.length) throw new IllegalArgumentException("score array of wrong length");
        Screening c = copy();
        c.scores.put(name, values.clone());
        return c;
    }

    public Screening withPlausibilityFailed(int j) {
        Screening c = copy();
        c.plausibilityFailed[j] = true;
        return c;
    }

    public Screening withMask(boolean[] agreed, int blockSize) {
        return new Screening(
                verdicts, details, acceptance, scores, plausibilityFailed, agreed.clone(), blockSize, bristle, notes);
    }

    public Screening withBristle(int j, BristleScores s) {
        Screening c = copy();
        c.bristle[j] = s;
        return c;
    }

    public Screening withNote(String note) {
        List<String> n = new ArrayList<>(notes);
        n.add(note);
        return new Screening(
                verdicts,
                details,
                acceptance,
                scores,
                plausibilityFailed,
                agreedItems,
                maskBlockSize,
                bristle,
                Collections.unmodifiableList(n));
    }
}
