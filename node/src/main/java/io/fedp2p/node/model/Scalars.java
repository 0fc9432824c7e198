package io.fedp2p.node.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Arithmetic of an array with a constant that is safe inside an autograd graph. Use these instead of DJL's
 * {@code NDArray.mul(Number)}, {@code div(Number)} and {@code maximum(Number)} wherever gradients flow.
 *
 * <p>Why: on the PyTorch engine (DJL 0.36) those methods wrap the constant in a 0-dimensional tensor over a direct
 * {@link java.nio.ByteBuffer} without copying it (PyTorch's {@code from_blob}) and close that tensor as soon as the
 * operation returns. Autograd keeps the tensor for the backward pass (the derivative of {@code x·c} is {@code c}), but
 * nothing keeps the buffer: once a garbage collection has run the buffer's cleaner, backward reads freed memory, where
 * the C allocator has written its free-list pointer. Every gradient below the operation is then scaled by garbage,
 * usually silently (about 1e-9), sometimes to infinity or NaN. The constants made here come from
 * {@code NDManager.full}, whose memory PyTorch allocates and reference-counts, so the graph keeps them alive.
 */
public final class Scalars {
    private Scalars() {}

    /** {@code x·c}. */
    public static NDArray mul(NDArray x, float c) {
        try (NDArray k = constant(x, c)) {
            return x.mul(k);
        }
    }

    /** {@code x/c}. */
    public static NDArray div(NDArray x, float c) {
        try (NDArray k = constant(x, c)) {
            return x.div(k);
        }
    }

    /** {@code max(x, c)} elementwise. */
    public static NDArray maximum(NDArray x, float c) {
        try (NDArray k = constant(x, c)) {
            return x.maximum(k);
        }
    }

    /** A 0-dimensional array of x's type in x's manager, in memory PyTorch owns. */
    private static NDArray constant(NDArray x, float c) {
        return x.getManager().full(new Shape(), c, x.getDataType());
    }
}
