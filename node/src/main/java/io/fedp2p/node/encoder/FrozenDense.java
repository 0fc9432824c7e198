package io.fedp2p.node.encoder;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;

/**
 * A frozen dense layer {@code y = x·Wᵀ + b} on the last axis of {@code x}, computed as a 1×1 convolution over a
 * channels-last view of the rows of {@code x} (no copy on either side).
 *
 * <p>fedp2p design: PyTorch runs {@code linear} through MKL's sgemm, which on non-Intel x86 processors takes a
 * generic code path without AVX-512; a float 1×1 convolution with a batch of at least 16 goes to oneDNN, which picks
 * its kernels by instruction set on any vendor (BENCHMARKS.md "fortunes-topic on all-MiniLM-L6-v2"). The rows are
 * viewed as B images of rows/B pixels, B the smallest divisor of the row count from {@value #MIN_IMAGES} up: PyTorch
 * hands a 1×1 convolution to oneDNN on one thread only from a batch of 16, and images of one pixel take a slower
 * oneDNN path. A row count without such a divisor (fewer than 32 rows, or a prime) uses {@code linear}. Both agree
 * to float rounding (a few 1e-6 on MiniLM), in value and in the gradient with respect to {@code x}.
 *
 * <p>The input is never written to, not even its {@link Shape}: DJL's {@code Shape.getShape()} returns the shape's
 * own array, which an {@code NDArray} caches, so writing the output width into it made the input report the wrong
 * shape from then on (the withdrawn first version of this class; a cached layer input reused by the next step then
 * failed to reshape).
 *
 * <p>Memory: the kernel is a view of {@code weight}, which may be memory DJL owns on the Java side (arrays created
 * from Java data); this object keeps {@code weight} reachable for as long as the kernel can be used.
 *
 * <p>Thread-safe: the arrays are only read.
 */
final class FrozenDense {
    private static final int MIN_IMAGES = 16;

    private final NDArray weight;
    private final NDArray kernel;
    private final NDArray bias;

    /**
     * @param weight {@code [out, in]}
     * @param bias {@code [out]}
     */
    FrozenDense(NDArray weight, NDArray bias) {
        this.weight = weight;
        this.kernel = weight.reshape(weight.getShape().get(0), weight.getShape().get(1), 1, 1);
        this.bias = bias;
    }

    /** {@code x·Wᵀ + b} for {@code x} of shape {@code [..., in]}: shape {@code [..., out]}. */
    NDArray apply(NDArray x) {
        Shape s = x.getShape();
        long in = s.getLastDimension();
        long rows = s.size() / in;
        long b = images(rows);
        if (b == 0) return Linear.linear(x, weight, bias).singletonOrThrow();
        NDArray images = x.reshape(b, 1, rows / b, in).transpose(0, 3, 1, 2);
        NDArray y = Conv2d.conv2d(images, kernel, bias).singletonOrThrow();
        // a new Shape (Shape.update copies): never write into s, which is x's own cached shape
        Shape out = Shape.update(s, s.dimension() - 1, weight.getShape().get(0));
        return y.transpose(0, 2, 3, 1).reshape(out);
    }

    /** The smallest divisor of {@code rows} in {@code [16, rows/2]}, or 0 when there is none. */
    static long images(long rows) {
        for (long b = MIN_IMAGES; 2 * b <= rows; b++) {
            if (rows % b == 0) return b;
        }
        return 0;
    }
}
