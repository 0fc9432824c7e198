package io.fedp2p.node.engine;

import io.fedp2p.robustness.Evaluators;

/**
 * The model callbacks a defence may use at one step (Bristle's per-class F1 on the local validation slice, Mozi's
 * minibatch loss). Called on the engine's thread, once per defence call; a source that draws a minibatch draws a new
 * one per call, so that every candidate of the call is scored on the same batch.
 */
@FunctionalInterface
public interface EvaluatorSource {
    /** No callbacks: stages that need them are skipped and say so. */
    EvaluatorSource NONE = (round, step) -> Evaluators.none();

    Evaluators evaluators(long round, int step);
}
