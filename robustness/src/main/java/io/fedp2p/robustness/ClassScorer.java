package io.fedp2p.robustness;

/**
 * The model evaluation Bristle's integrator needs (ALGORITHMS.md §2.3): load a candidate vector into the node's
 * network, run its local validation set, and return per-class F1 scores. Implemented by the node (it owns the model
 * and the data); called from the calling thread, a few times per round.
 */
@FunctionalInterface
public interface ClassScorer {
    /**
     * Per-class F1 of {@code theta} on the local validation set: an array of length C (all classes, values in
     * [0, 1]); F1 is 0 for a class with no true positive (§2.8 #5). Only the entries of the familiar classes L_i are
     * read. Must not modify {@code theta}.
     */
    double[] perClassF1(float[] theta);
}
