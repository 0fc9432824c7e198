package io.fedp2p.robustness;

/**
 * Minibatch loss of a model, for Mozi/UBAR's second stage (ALGORITHMS.md §5.7). Within one robustness call every
 * invocation must use the same local training minibatch, so that losses are comparable. Must not modify the vector.
 */
@FunctionalInterface
public interface LossEvaluator {
    /** The loss of {@code theta} on this call's minibatch; a finite number. */
    double loss(float[] theta);
}
