package io.fedp2p.node.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.training.GradientCollector;
import java.util.function.Supplier;

/**
 * DJL's PyTorch engine allows one {@link GradientCollector} per process at a time, so every autograd pass in fedp2p
 * (pretraining, the uncached reference path, the text model) runs under this lock. The cached vision path computes
 * its gradients by hand and never takes it, so nodes can train in parallel.
 */
final class Autograd {
    private static final Object LOCK = new Object();

    private Autograd() {}

    /** Runs {@code forward} with gradients recorded and back-propagates the scalar it returns. */
    static float backward(Supplier<NDArray> forward) {
        synchronized (LOCK) {
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray loss = forward.get();
                gc.backward(loss);
                return loss.getFloat();
            }
        }
    }
}
