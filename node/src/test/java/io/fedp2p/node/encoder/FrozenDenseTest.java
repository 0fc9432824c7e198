package io.fedp2p.node.encoder;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import io.fedp2p.node.train.EngineSetup;
import org.junit.jupiter.api.Test;

class FrozenDenseTest {
    @Test
    void imagesAreTheSmallestDivisorFromSixteenWithAtLeastTwoPixels() {
        assertThat(FrozenDense.images(2048)).isEqualTo(16);
        assertThat(FrozenDense.images(24 * 37)).isEqualTo(24);
        assertThat(FrozenDense.images(2 * 17)).isEqualTo(17);
        assertThat(FrozenDense.images(31)).isZero();
        assertThat(FrozenDense.images(16)).isZero();
        assertThat(FrozenDense.images(1009)).isZero();
    }

    @Test
    void convolutionPathEqualsLinearInValueAndInputGradient() {
        // 4 × 16 rows (16 images of 4 pixels), 3 × 37 rows (37 images of 3), 1 × 31 rows (linear fallback)
        for (long[] shape : new long[][] {{4, 16, 24}, {3, 37, 24}, {1, 31, 24}}) {
            try (NDManager m = EngineSetup.engine().newBaseManager()) {
                NDArray w = m.randomNormal(new Shape(40, 24));
                NDArray b = m.randomNormal(new Shape(40));
                NDArray x = m.randomNormal(new Shape(shape));
                NDArray[] dense = valueAndGradient(x, y -> new FrozenDense(w, b).apply(y));
                NDArray[] linear =
                        valueAndGradient(x, y -> Linear.linear(y, w, b).singletonOrThrow());
                assertThat(dense[0].getShape()).isEqualTo(new Shape(shape[0], shape[1], 40));
                assertThat(dense[0].sub(linear[0]).abs().max().getFloat()).isLessThan(1e-4f);
                assertThat(dense[1].sub(linear[1]).abs().max().getFloat()).isLessThan(1e-4f);
            }
        }
    }

    /** f(x) and ∂ sum(f(x)²) / ∂x. */
    private static NDArray[] valueAndGradient(NDArray x, java.util.function.UnaryOperator<NDArray> f) {
        NDArray in = x.duplicate();
        in.setRequiresGradient(true);
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray y = f.apply(in);
            gc.backward(y.square().sum());
            return new NDArray[] {y.stopGradient(), in.getGradient().duplicate()};
        }
    }
}
