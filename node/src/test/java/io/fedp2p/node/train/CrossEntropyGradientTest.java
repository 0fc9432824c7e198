package io.fedp2p.node.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.fedp2p.node.model.DirectMemory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The mean cross-entropy's gradient, {@code (softmax(z) − onehot)/n}, must not depend on a garbage collection between
 * the forward and the backward pass (a constant of the graph living in a freed direct buffer would scale it by
 * garbage).
 */
class CrossEntropyGradientTest {
    @BeforeAll
    static void engine() {
        EngineSetup.configure(1, 0);
    }

    @Test
    void gradientSurvivesAGarbageCollectionBeforeBackward() {
        float[] z = {0.5f, -1f, 2f, 0f, 1f, 3f};
        int[] labels = {2, 0};
        try (NDManager m = EngineSetup.engine().newBaseManager()) {
            NDArray logits = m.create(z, new Shape(2, 3));
            logits.setRequiresGradient(true);
            Autograd.backward(() -> {
                NDArray loss = ConfusionCounter.crossEntropy(logits, labels, 3);
                DirectMemory.freeUnreachableBuffers();
                return loss;
            });
            float[] g = logits.getGradient().toFloatArray();
            for (int i = 0; i < 2; i++) {
                double sum = 0;
                for (int c = 0; c < 3; c++) sum += Math.exp(z[i * 3 + c]);
                for (int c = 0; c < 3; c++) {
                    double want = (Math.exp(z[i * 3 + c]) / sum - (c == labels[i] ? 1 : 0)) / 2;
                    assertThat(g[i * 3 + c]).as("row %d class %d", i, c).isCloseTo((float) want, within(1e-6f));
                }
            }
        }
    }
}
