package io.fedp2p.node.engine;

import java.util.function.Consumer;

/**
 * The engine's port to local training (ALGORITHMS.md §1.1, K SAM steps). The real node runs it on a worker thread
 * (never a Netty or Vert.x event loop) and hands the result back; a simulator may run it inline.
 */
@FunctionalInterface
public interface LocalCompute {
    /**
     * Trains round {@code round} from {@code start} (not modified) and calls {@code done} exactly once, from any thread
     * the engine's clock accepts tasks from (the engine moves the result onto its event thread). With a virtual clock
     * that is the simulation thread; calling {@code done} before returning is allowed.
     */
    void train(long round, float[] start, Consumer<TrainOutcome> done);

    /**
     * The result of local training: θ^{t,K} and the mean training loss, or the failure.
     *
     * @param theta the trained vector (owned by the engine from now on), null on failure
     * @param meanLoss mean minibatch loss of the K steps (NaN if unknown)
     * @param failure why training failed (e.g. divergence), null on success
     */
    record TrainOutcome(float[] theta, double meanLoss, Throwable failure) {
        public static TrainOutcome of(float[] theta, double meanLoss) {
            return new TrainOutcome(java.util.Objects.requireNonNull(theta, "theta"), meanLoss, null);
        }

        public static TrainOutcome failed(Throwable failure) {
            return new TrainOutcome(null, Double.NaN, java.util.Objects.requireNonNull(failure, "failure"));
        }
    }
}
