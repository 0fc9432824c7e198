package io.fedp2p.robustness.filter;

/**
 * Where the classification head M ∈ ℝ^{h×C} sits in the flattened trainable vector, for Bristle's per-class
 * integration (ALGORITHMS.md §2.1, §2.8 #8). Column c holds class c's weights.
 *
 * @param offset index of the head's first value
 * @param hidden h
 * @param classes C
 * @param classMajor true when class c's h weights are contiguous (a (C, h) weight tensor, as DJL's Linear stores it);
 *     false for a row-major (h, C) matrix
 */
public record HeadLayout(int offset, int hidden, int classes, boolean classMajor) {
    public HeadLayout {
        if (offset < 0 || hidden < 1 || classes < 1) {
            throw new IllegalArgumentException(
                    "bad head layout: offset " + offset + ", h " + hidden + ", C " + classes);
        }
    }

    /** Index of M[r][c]. */
    public int index(int r, int c) {
        return classMajor ? offset + c * hidden + r : offset + r * classes + c;
    }

    /** One past the head's last index. */
    public int end() {
        return offset + hidden * classes;
    }
}
