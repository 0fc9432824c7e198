package io.fedp2p.gossip.testing;

import io.fedp2p.gossip.host.Stream;
import io.fedp2p.gossip.host.StreamException;
import io.fedp2p.gossip.host.StreamReader;
import io.netty.buffer.ByteBuf;
import java.io.ByteArrayOutputStream;
import java.util.concurrent.CompletableFuture;

/** Reads a stream to its end into a byte array (for tests). */
public final class StreamCollector implements StreamReader {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> done = new CompletableFuture<>();

    public static CompletableFuture<byte[]> collect(Stream stream) {
        StreamCollector c = new StreamCollector();
        stream.setReader(c);
        return c.done;
    }

    @Override
    public void onData(Stream stream, ByteBuf data) {
        try {
            data.readBytes(bytes, data.readableBytes());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } finally {
            data.release();
        }
    }

    @Override
    public void onRemoteClose(Stream stream) {
        done.complete(bytes.toByteArray());
    }

    @Override
    public void onReset(Stream stream) {
        done.completeExceptionally(new StreamException("stream reset"));
    }
}
