package io.fedp2p.node.train;

/**
 * One node's local trainer (ALGORITHMS.md §1.1 local step): K SAM/SGD steps on the node's own data from a given
 * trainable vector θ (adapter + head, in the {@link Task#layout()} order), plus the evaluations the robustness
 * layers need.
 *
 * <p>Per-node state is small: the node's sample indices, its RNG (data order), its momentum buffer and a few native
 * scratch arrays; the frozen backbone and feature caches belong to the {@link Task} and are shared.
 *
 * <p><b>Threads:</b> not thread-safe; confine each trainer to one thread at a time. Different trainers of one task
 * may run on different threads concurrently. Never call it on a Netty/Vert.x event loop.
 *
 * <p><b>Determinism:</b> the same task, node, RNG seed, call sequence and intra-op thread count give bit-identical
 * vectors. All randomness comes from the RNG given at creation, never from DJL's global generator.
 *
 * <p><b>Ownership:</b> {@link #close()} frees the trainer's native memory; the task stays open.
 */
public interface LocalTrainer extends AutoCloseable {
    /** The node index this trainer was created for (its part of the partition). */
    int nodeIndex();

    /** Number of training samples of this node (after removing nothing: validation comes from elsewhere). */
    int trainSize();

    /** The node's familiar classes L_i, ascending (ALGORITHMS.md §2.3). */
    int[] familiarClasses();

    /** κ = 10 samples per familiar class for Bristle's per-class F1 (ALGORITHMS.md §2.3). */
    EvalSet localValidation();

    /**
     * Runs {@code plan.localSteps()} SAM steps from {@code start} and returns the end vector. {@code start} is not
     * modified. With {@code plan.rho() == 0} each step is a plain SGD step (one forward/backward).
     *
     * @throws TrainingDivergedException when a loss or gradient becomes NaN or infinite; nothing is changed
     * @throws IllegalArgumentException when {@code start} does not fit the task's layout or is not finite
     */
    TrainReport train(float[] start, RoundPlan plan);

    /** Evaluates θ on a set of the task's samples (full forward pass with this θ's adapter and head). */
    Evaluation evaluate(float[] theta, EvalSet set);

    /** Draws one minibatch of the node's own training data with the node's RNG. */
    LocalBatch drawBatch(int batchSize);

    /** Mean loss of θ on a batch (labels after this node's label mapping, as in training). */
    float minibatchLoss(float[] theta, LocalBatch batch);

    /** Frees native memory held by this trainer. Idempotent. */
    @Override
    void close();
}
