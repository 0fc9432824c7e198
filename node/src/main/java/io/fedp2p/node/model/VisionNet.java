package io.fedp2p.node.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import java.util.function.Function;

/**
 * The functional forward pass of a {@link VisionArch} on DJL: parameters come from a lookup, so the same code runs
 * the frozen backbone, a backbone whose dense weights are merged with an adapter ({@code W0 + s·ΔW}), or a model
 * whose every parameter is being trained (autograd flows into whatever arrays the lookup returns).
 */
public final class VisionNet {
    private VisionNet() {}

    /**
     * The prefix: normalised images ({@code n × 784}) through the convolutions (if any), flattened to {@code n ×
     * arch.prefixWidth()}.
     */
    public static NDArray prefix(VisionArch arch, NDArray images, Function<String, NDArray> params) {
        long n = images.getShape().get(0);
        if (!arch.hasConvolutions()) return images.reshape(n, arch.prefixWidth());
        NDArray x = images.reshape(n, 1, 28, 28);
        x = convBlock(x, params.apply("conv1.weight"), params.apply("conv1.bias"));
        x = convBlock(x, params.apply("conv2.weight"), params.apply("conv2.bias"));
        return x.reshape(n, arch.prefixWidth());
    }

    private static NDArray convBlock(NDArray x, NDArray w, NDArray b) {
        NDArray y = Conv2d.conv2d(x, w, b, new Shape(1, 1), new Shape(1, 1)).singletonOrThrow();
        y = Activation.relu(y);
        return Pool.maxPool2d(y, new Shape(2, 2), new Shape(2, 2), new Shape(0, 0), false);
    }

    /** Dense layers from index {@code from} to the head, starting at input {@code x}; returns the logits. */
    public static NDArray dense(VisionArch arch, int from, NDArray x, Function<String, NDArray> params) {
        var layers = arch.denseLayers();
        for (int i = from; i < layers.size(); i++) {
            VisionArch.Dense d = layers.get(i);
            x = Linear.linear(x, params.apply(d.weight()), params.apply(d.bias()))
                    .singletonOrThrow();
            if (i < layers.size() - 1) x = Activation.relu(x);
        }
        return x;
    }

    /** The whole network: logits {@code n × 10}. */
    public static NDArray logits(VisionArch arch, NDArray images, Function<String, NDArray> params) {
        return dense(arch, 0, prefix(arch, images, params), params);
    }
}
