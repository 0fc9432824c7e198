package io.fedp2p.node.train;

import java.util.Arrays;
import java.util.Objects;

/**
 * A set of samples to evaluate on: a source (the training file or the test file of the task's dataset) and sample
 * indices into it. Immutable; {@link #indices()} returns a copy.
 */
public final class EvalSet {
    /** Which sample table the indices refer to. */
    public enum Source {
        /** The task's training table (for Fashion-MNIST the 60,000-image training file). */
        TRAIN,
        /** The task's evaluation table (the official 10,000 test images; held-out text tails). */
        TEST
    }

    private final String name;
    private final Source source;
    private final int[] indices;

    public EvalSet(String name, Source source, int[] indices) {
        this.name = Objects.requireNonNull(name, "name");
        this.source = Objects.requireNonNull(source, "source");
        this.indices = indices.clone();
        if (this.indices.length == 0) throw new IllegalArgumentException("empty evaluation set " + name);
    }

    /** All {@code n} samples of a source. */
    public static EvalSet all(String name, Source source, int n) {
        int[] idx = new int[n];
        Arrays.setAll(idx, i -> i);
        return new EvalSet(name, source, idx);
    }

    public String name() {
        return name;
    }

    public Source source() {
        return source;
    }

    public int size() {
        return indices.length;
    }

    public int[] indices() {
        return indices.clone();
    }

    /** Index i without copying the array. */
    public int index(int i) {
        return indices[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EvalSet e && source == e.source && name.equals(e.name) && Arrays.equals(indices, e.indices);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, source) * 31 + Arrays.hashCode(indices);
    }

    @Override
    public String toString() {
        return "EvalSet[" + name + ", " + source + ", " + indices.length + " samples]";
    }
}
