package io.fedp2p.node.encoder;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;

/**
 * A frozen dense layer {@code y = x·Wᵀ + b} on the last axis of {@code x}, computed as a 1×1 convolution over a
 * channels-last view of the rows of {@code x} (views on either side, no copies, for a contiguous {@code x}).
 *
 * <p>Why: PyTorch runs {@code linear} through MKL's sgemm, which on AMD processors takes MKL's generic code path (no
 * AVX-512 kernels on the reference machine); a float 1×1 convolution with a batch of at least 16 goes to oneDNN,
 * which picks its kernels by instruction set on any vendor (1.5–2.7× faster on the AMD reference machine, see
 * BENCHMARKS.md "fortunes-topic on all-MiniLM-L6-v2"). The rows are viewed as B images of rows/B pixels, B the
 * smallest divisor of the row count from {@value #MIN_IMAGES} up: PyTorch hands a 1×1 convolution to oneDNN on one
 * thread only from a batch of 16, and images of one pixel take a slower oneDNN path. A row count without such a
 * divisor (e.g. fewer than 32 rows, or a prime count) uses {@code linear}. Both agree to float rounding (a few
 * 1e-6 on MiniLM).
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

    /** The {@code [out, in]} weight. */
    NDArray weight() {
        return weight;
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
        long[] out = s.getShape();
        out[out.length - 1] = weight.getShape().get(0);
        return y.transpose(0, 2, 3, 1).reshape(new Shape(out));
    }

    /** The smallest divisor of {@code rows} in {@code [16, rows/2]}, or 0 when there is none. */
    static long images(long rows) {
        for (long b = MIN_IMAGES; 2 * b <= rows; b++) {
            if (rows % b == 0) return b;
        }
        return 0;
    }
}
