package io.fedp2p.node.encoder;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.core.Linear;

/**
 * A frozen dense layer {@code y = x·Wᵀ + b} on the last axis of {@code x} (q, k and v stacked into one weight).
 *
 * <p>fedp2p design: it runs as PyTorch's {@code linear} (MKL's sgemm). Running it as a 1×1 convolution over a
 * channels-last view (oneDNN, about 1.7× faster forward on an AMD machine where MKL takes its generic path) was tried
 * and withdrawn: inside training, a later layer's input then reported the stacked q/k/v width instead of its own
 * (TopicTaskTest, TopicNodeTest), which is tensor metadata going wrong, not rounding. BENCHMARKS.md "fortunes-topic on
 * all-MiniLM-L6-v2" keeps the figures.
 *
 * <p>Thread-safe: the arrays are only read.
 */
final class FrozenDense {
    private final NDArray weight;
    private final NDArray bias;

    /**
     * @param weight {@code [out, in]}
     * @param bias {@code [out]}
     */
    FrozenDense(NDArray weight, NDArray bias) {
        this.weight = weight;
        this.bias = bias;
    }

    /** The {@code [out, in]} weight. */
    NDArray weight() {
        return weight;
    }

    /** {@code x·Wᵀ + b} for {@code x} of shape {@code [..., in]}: shape {@code [..., out]}. */
    NDArray apply(NDArray x) {
        return Linear.linear(x, weight, bias).singletonOrThrow();
    }
}
