package io.fedp2p.gossip.yamux;

import io.fedp2p.gossip.host.StreamException;
import io.netty.buffer.ByteBuf;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;

/**
 * Writes of one stream waiting for yamux window or socket space, with the byte count that bounds them. Event-loop
 * confined, except {@link #queuedBytes()}, which any thread may read.
 */
final class SendQueue {
    private final ArrayDeque<ByteBuf> data = new ArrayDeque<>();
    private final ArrayDeque<CompletableFuture<Void>> futures = new ArrayDeque<>();
    private volatile long queuedBytes;

    /** A piece to send; {@code completes} is the write future finished by it, or null. */
    record Chunk(ByteBuf slice, CompletableFuture<Void> completes, boolean last) {}

    void add(ByteBuf buf, CompletableFuture<Void> future) {
        queuedBytes += buf.readableBytes();
        data.add(buf);
        futures.add(future);
    }

    boolean isEmpty() {
        return data.isEmpty();
    }

    long queuedBytes() {
        return queuedBytes;
    }

    /** Readable bytes of the oldest write. */
    int headBytes() {
        return data.peek().readableBytes();
    }

    /** Takes the next {@code n} bytes (at most the head's); {@code last} is true when nothing remains after it. */
    Chunk take(int n) {
        ByteBuf head = data.peek();
        ByteBuf slice = head.readRetainedSlice(n);
        queuedBytes -= n;
        if (head.isReadable()) {
            return new Chunk(slice, null, false);
        }
        data.poll().release();
        return new Chunk(slice, futures.poll(), data.isEmpty());
    }

    /** Drops every queued write, failing its future with {@code why}. */
    void failAll(String why) {
        while (!data.isEmpty()) {
            ByteBuf b = data.poll();
            queuedBytes -= b.readableBytes();
            b.release();
            futures.poll().completeExceptionally(new StreamException(why));
        }
    }
}
