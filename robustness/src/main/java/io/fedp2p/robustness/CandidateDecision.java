package io.fedp2p.robustness;

import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The outcome for one candidate at one gossip step.
 *
 * @param key the neighbour
 * @param verdict {@link Verdict#ACCEPTED} or the reason for rejection
 * @param weight the weight w̃_ij its vector got in a linear mix (0 when rejected); {@code NaN} for non-linear rules
 *     (median, trimmed mean, geometric median, clipping) where no single weight exists
 * @param detail a short human-readable explanation (empty when accepted without remark)
 * @param scores the per-stage scores computed for it, by name ({@code distance}, {@code frl}, {@code omega},
 *     {@code krum}, ...), in name order
 */
public record CandidateDecision(
        PeerKey key, Verdict verdict, double weight, String detail, SortedMap<String, Double> scores) {
    public CandidateDecision {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(detail, "detail");
        scores = Collections.unmodifiableSortedMap(new TreeMap<>(scores));
    }

    public boolean accepted() {
        return verdict.accepted();
    }
}
