package io.fedp2p.robustness.attack;

import java.util.Arrays;

/**
 * Data-side label flipping (ALGORITHMS.md §6.1): the trainer of a Byzantine node relabels each training sample with
 * {@link #map(int)} and then trains honestly. Implementations are immutable.
 */
@FunctionalInterface
public interface LabelMapping {
    /** The label to train on for a sample whose true label is {@code label}. */
    int map(int label);

    /** No flipping. */
    static LabelMapping identity() {
        return label -> label;
    }

    /** y → C−1−y (default; ClippedGossip, CC, byzfl, blades). */
    static LabelMapping reverse(int classes) {
        requireClasses(classes);
        return label -> classes - 1 - checked(label, classes);
    }

    /** y → (y−1) mod C (Bristle's {@code LABEL_FLIP_ALL}: images of class y+1 labelled y). */
    static LabelMapping shift(int classes) {
        requireClasses(classes);
        return label -> Math.floorMod(checked(label, classes) - 1, classes);
    }

    /** Swaps the attacker's two lowest-id classes (Bristle's {@code LABEL_FLIP_2}); others unchanged. */
    static LabelMapping swapTwoLowest(int[] attackerClasses) {
        if (attackerClasses.length < 2) throw new IllegalArgumentException("needs at least two classes to swap");
        int[] s = attackerClasses.clone();
        Arrays.sort(s);
        int a = s[0];
        int b = s[1];
        return label -> label == a ? b : label == b ? a : label;
    }

    /** source → target (RFFL uses 1 → 7); others unchanged. */
    static LabelMapping sourceToTarget(int source, int target) {
        if (source < 0 || target < 0) throw new IllegalArgumentException("labels must be >= 0");
        return label -> label == source ? target : label;
    }

    private static void requireClasses(int classes) {
        if (classes < 2) throw new IllegalArgumentException("need at least 2 classes, got " + classes);
    }

    private static int checked(int label, int classes) {
        if (label < 0 || label >= classes) {
            throw new IllegalArgumentException("label " + label + " outside 0.." + (classes - 1));
        }
        return label;
    }
}
