package io.fedp2p.node.train;

/**
 * One minibatch of a node's own training data, drawn with the node's RNG (for Mozi's loss check, ALGORITHMS.md
 * §5.7: every candidate is scored on the same batch). Holds sample indices into the training table; immutable.
 */
public final class LocalBatch {
    private final int[] indices;

    public LocalBatch(int[] indices) {
        if (indices.length == 0) throw new IllegalArgumentException("empty batch");
        this.indices = indices.clone();
    }

    public int size() {
        return indices.length;
    }

    /** A copy of the sample indices (into {@link EvalSet.Source#TRAIN}). */
    public int[] indices() {
        return indices.clone();
    }
}
