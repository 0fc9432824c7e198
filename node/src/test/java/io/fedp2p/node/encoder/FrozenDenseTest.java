package io.fedp2p.node.encoder;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import io.fedp2p.node.model.DirectMemory;
import io.fedp2p.node.train.EngineSetup;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
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
                NDArray w = fromJava(m, 40, 24);
                NDArray b = fromJava(m, 40);
                NDArray x = fromJava(m, shape);
                FrozenDense dense = new FrozenDense(w, b);
                NDArray[] conv = valueAndGradient(x, dense::apply);
                NDArray[] linear =
                        valueAndGradient(x, y -> Linear.linear(y, w, b).singletonOrThrow());
                assertThat(conv[0].getShape()).isEqualTo(new Shape(shape[0], shape[1], 40));
                assertThat(conv[0].sub(linear[0]).abs().max().getFloat()).isLessThan(1e-4f);
                assertThat(conv[1].sub(linear[1]).abs().max().getFloat()).isLessThan(1e-4f);
            }
        }
    }

    @Test
    void theInputKeepsItsShape() {
        // the first version wrote the output width into the input's cached Shape: x then reported [4, 16, 40]
        try (NDManager m = EngineSetup.engine().newBaseManager()) {
            NDArray x = fromJava(m, 4, 16, 24);
            FrozenDense dense = new FrozenDense(fromJava(m, 40, 24), fromJava(m, 40));
            NDArray first = dense.apply(x);
            assertThat(x.getShape()).isEqualTo(new Shape(4, 16, 24));
            assertThat(dense.apply(x).sub(first).abs().max().getFloat()).isZero();
        }
    }

    @Test
    void anInputReusedAcrossStepsGivesTheSameGradientWithCollectionsInBetween() {
        // the encoder's cached layer input is used by every step: two autograd steps on one input, a garbage
        // collection between each forward and backward pass, against linear on a fresh copy
        try (NDManager m = EngineSetup.engine().newBaseManager()) {
            NDArray x = fromJava(m, 2, 16, 24);
            NDArray w = fromJava(m, 40, 24);
            NDArray b = fromJava(m, 40);
            FrozenDense dense = new FrozenDense(w, b);
            NDArray expected = adapterGradient(
                    m, x.duplicate(), y -> Linear.linear(y, w, b).singletonOrThrow());
            for (int step = 0; step < 2; step++) {
                NDArray g = adapterGradient(m, x, dense::apply);
                assertThat(g.sub(expected).abs().max().getFloat())
                        .as("step %d", step)
                        .isLessThan(1e-4f);
            }
        }
    }

    /** ∂ sum((f(x) + x·A)²) / ∂A, an adapter-like term beside the frozen layer, collecting between the passes. */
    private static NDArray adapterGradient(NDManager m, NDArray x, UnaryOperator<NDArray> f) {
        NDArray a = fromJava(m, 24, 40);
        a.setRequiresGradient(true);
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray y = f.apply(x).add(x.matMul(a));
            NDArray loss = y.square().sum();
            DirectMemory.freeUnreachableBuffers();
            gc.backward(loss);
            return a.getGradient().duplicate();
        }
    }

    /** A seeded array made from Java data (memory DJL holds on the Java side, as the imported weights are). */
    private static NDArray fromJava(NDManager m, long... shape) {
        SplittableRandom rng = new SplittableRandom(31L * shape.length + shape[shape.length - 1]);
        float[] v = new float[Math.toIntExact(new Shape(shape).size())];
        for (int i = 0; i < v.length; i++) v[i] = (float) (rng.nextDouble() - 0.5);
        return m.create(v, new Shape(shape));
    }

    /** f(x) and ∂ sum(f(x)²) / ∂x. */
    private static NDArray[] valueAndGradient(NDArray x, UnaryOperator<NDArray> f) {
        NDArray in = x.duplicate();
        in.setRequiresGradient(true);
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray y = f.apply(in);
            gc.backward(y.square().sum());
            return new NDArray[] {y.stopGradient(), in.getGradient().duplicate()};
        }
    }
}
