package io.fedp2p.gossip.yamux;

import io.netty.buffer.ByteBuf;

/** Joins two buffers without copying when the second continues the first in memory (slices of one heap buffer). */
final class ContiguousBytes {
    private ContiguousBytes() {}

    /**
     * A buffer of the readable bytes of {@code a} then {@code b}, when both are slices of the same heap buffer and
     * {@code b} starts where {@code a} ends; both are then released (the result holds its own reference). Otherwise
     * null, and both are left untouched.
     */
    static ByteBuf join(ByteBuf a, ByteBuf b) {
        if (!a.hasArray() || !b.hasArray() || a.array() != b.array()) {
            return null;
        }
        if (a.arrayOffset() + a.writerIndex() != b.arrayOffset() + b.readerIndex()) {
            return null;
        }
        ByteBuf root = a.unwrap();
        if (root == null || root != b.unwrap() || !root.hasArray() || root.array() != a.array()) {
            return null;
        }
        int index = a.arrayOffset() + a.readerIndex() - root.arrayOffset();
        int length = a.readableBytes() + b.readableBytes();
        if (index < 0 || index + length > root.capacity()) {
            return null;
        }
        ByteBuf joined = root.retainedSlice(index, length);
        a.release();
        b.release();
        return joined;
    }
}
