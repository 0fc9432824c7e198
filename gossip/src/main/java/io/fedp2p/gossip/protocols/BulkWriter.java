package io.fedp2p.gossip.protocols;

import io.fedp2p.gossip.host.Stream;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.concurrent.CompletableFuture;

/**
 * Sends a number of zero bytes on a stream with bounded memory: at most {@link #IN_FLIGHT} bytes are queued at
 * once, and each completed write releases the next. All chunks are views of one shared zero buffer. A write completes
 * only once it is in the socket, whose buffer holds megabytes on loopback, so the queue is twice the largest yamux
 * window (WireLimits.DEFAULTS) to keep the window full while the socket drains.
 */
final class BulkWriter {
    static final int CHUNK = 256 * 1024;
    static final int IN_FLIGHT = 32 * CHUNK;
    private static final ByteBuf ZEROS = Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(new byte[CHUNK]));

    private final Stream stream;
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private long remaining;
    private long inFlight;

    private BulkWriter(Stream stream, long bytes) {
        this.stream = stream;
        this.remaining = bytes;
    }

    /**
     * Writes {@code bytes} zero bytes, optionally preceded by {@code header} in the same first write; completes when
     * every byte has been written to the socket. Runs on the stream's event loop.
     */
    static CompletableFuture<Void> send(Stream stream, ByteBuf header, long bytes) {
        BulkWriter w = new BulkWriter(stream, bytes);
        stream.executor().execute(() -> w.start(header));
        return w.done;
    }

    private void start(ByteBuf header) {
        if (header != null) {
            int first = (int) Math.min(remaining, CHUNK - header.readableBytes());
            remaining -= first;
            write(Unpooled.wrappedBuffer(header, ZEROS.duplicate().slice(0, first)));
        }
        pump();
    }

    private void pump() {
        while (remaining > 0 && inFlight < IN_FLIGHT && !done.isDone()) {
            int n = (int) Math.min(remaining, CHUNK);
            remaining -= n;
            write(ZEROS.duplicate().slice(0, n));
        }
        if (remaining == 0 && inFlight == 0) {
            done.complete(null);
        }
    }

    private void write(ByteBuf chunk) {
        int n = chunk.readableBytes();
        inFlight += n;
        stream.write(chunk).whenComplete((v, e) -> {
            inFlight -= n;
            if (e != null) {
                done.completeExceptionally(e);
            } else {
                pump();
            }
        });
    }
}
