package io.fedp2p.robustness.defence;

import io.fedp2p.robustness.PeerKey;
import io.fedp2p.robustness.filter.BristleScores;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/** Bristle-integrate mode's step-0 scores per accepted neighbour and the node's familiar classes, kept for the round. */
final class IntegrationPlan {
    private final SortedMap<PeerKey, BristleScores> scores;
    private final int[] familiar;

    IntegrationPlan(SortedMap<PeerKey, BristleScores> scores, int[] familiar) {
        this.scores = Collections.unmodifiableSortedMap(new TreeMap<>(scores));
        this.familiar = familiar.clone();
    }

    SortedMap<PeerKey, BristleScores> scores() {
        return scores;
    }

    int[] familiar() {
        return familiar.clone();
    }
}
