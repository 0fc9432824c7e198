package io.fedp2p.node.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import io.fedp2p.node.train.EngineSetup;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The constant of each operation is still there for the backward pass after a garbage collection. */
class ScalarsTest {
    @BeforeAll
    static void engine() {
        EngineSetup.configure(1, 0);
    }

    /** ∂/∂x of sum(op(x)) with a full garbage collection between the forward and the backward pass. */
    private static float[] gradient(float[] x0, UnaryOperator<NDArray> op) {
        try (NDManager m = EngineSetup.engine().newBaseManager()) {
            NDArray x = m.create(x0, new Shape(x0.length));
            x.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray loss = op.apply(x).sum();
                DirectMemory.freeUnreachableBuffers();
                gc.backward(loss);
            }
            return x.getGradient().toFloatArray();
        }
    }

    @Test
    void mulDivAndMaximumKeepTheirConstantForBackward() {
        float[] x = {-2f, 0.5f, 3f};
        assertThat(gradient(x, a -> Scalars.mul(a, 2.5f))).containsExactly(2.5f, 2.5f, 2.5f);
        assertThat(gradient(x, a -> Scalars.div(a, 4f))).containsExactly(0.25f, 0.25f, 0.25f);
        assertThat(gradient(x, a -> Scalars.maximum(a, 1f))).containsExactly(0f, 0f, 1f);
        assertThat(gradient(x, a -> Scalars.mul(Scalars.div(Scalars.maximum(a, 0f), 2f), 3f)))
                .containsExactly(0f, 1.5f, 1.5f);
    }

    @Test
    void valuesEqualDjlsOwnScalarOperations() {
        try (NDManager m = EngineSetup.engine().newBaseManager()) {
            NDArray x = m.create(new float[] {-2f, 0.5f, 3f, 1e-7f}, new Shape(4));
            assertThat(Scalars.mul(x, 0.125f).toFloatArray())
                    .containsExactly(x.mul(0.125f).toFloatArray());
            assertThat(Scalars.div(x, 3f).toFloatArray())
                    .containsExactly(x.div(3f).toFloatArray());
            assertThat(Scalars.maximum(x, 1e-6f).toFloatArray())
                    .containsExactly(x.maximum(1e-6f).toFloatArray());
        }
    }
}
