package io.fedp2p.gossip.protocols;

import io.fedp2p.gossip.fault.FaultKind;
import io.fedp2p.gossip.fault.PeerFault;
import io.fedp2p.gossip.host.Connection;
import io.fedp2p.gossip.host.Stream;
import io.fedp2p.gossip.host.StreamException;
import io.fedp2p.gossip.host.StreamHandler;
import io.fedp2p.gossip.host.StreamReader;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.concurrent.CompletableFuture;

/**
 * {@code /perf/1.0.0} (LIBP2P.md §10a; libp2p/specs perf/perf.md). Client: big-endian uint64 of the bytes wanted
 * back, then the upload, then FIN; reads until FIN. Server: reads the size (reassembled across frames), counts the
 * upload until FIN, then sends the asked bytes and FIN. Both directions are capped per stream.
 */
public final class Perf {
    public static final String ID = "/perf/1.0.0";

    private Perf() {}

    /** Result of one client run; times in nanoseconds from stream open. */
    public record Result(long uploadBytes, long downloadBytes, long totalNanos, long uploadNanos, long downloadNanos) {}

    /** The server; {@code maxBytes} caps both the upload it accepts and the download it sends per stream. */
    public static StreamHandler responder(long maxBytes) {
        return stream -> stream.setReader(new Server(maxBytes));
    }

    private static final class Server implements StreamReader {
        private final long maxBytes;
        private final ByteBuf size = Unpooled.buffer(8, 8);
        private long received;

        Server(long maxBytes) {
            this.maxBytes = maxBytes;
        }

        @Override
        public void onData(Stream stream, ByteBuf data) {
            try {
                if (size.isWritable()) {
                    data.readBytes(size, Math.min(size.writableBytes(), data.readableBytes()));
                    if (!size.isWritable() && (size.getLong(0) < 0 || size.getLong(0) > maxBytes)) {
                        throw new PeerFault(
                                FaultKind.RATE_LIMIT,
                                "perf download of " + Long.toUnsignedString(size.getLong(0)) + " bytes asked, limit "
                                        + maxBytes);
                    }
                }
                received += data.readableBytes();
                if (received > maxBytes) {
                    throw new PeerFault(FaultKind.RATE_LIMIT, "perf upload over " + maxBytes + " bytes");
                }
            } finally {
                data.release();
            }
        }

        @Override
        public void onRemoteClose(Stream stream) {
            if (size.isWritable()) {
                throw new PeerFault(FaultKind.MALFORMED_FRAME, "perf stream closed before the 8-byte size");
            }
            BulkWriter.send(stream, null, size.getLong(0)).thenRun(stream::closeWrite);
        }
    }

    /** Runs one perf exchange on a new stream of {@code connection}. */
    public static CompletableFuture<Result> run(Connection connection, long upload, long download) {
        if (upload < 0 || download < 0) {
            throw new IllegalArgumentException("perf sizes must be >= 0");
        }
        return connection.newStream(ID).thenCompose(stream -> {
            CompletableFuture<Result> result = new CompletableFuture<>();
            long start = System.nanoTime();
            long[] firstByte = {0};
            long[] received = {0};
            stream.setReader(new StreamReader() {
                @Override
                public void onData(Stream s, ByteBuf data) {
                    if (firstByte[0] == 0) {
                        firstByte[0] = System.nanoTime();
                    }
                    received[0] += data.readableBytes();
                    data.release();
                }

                @Override
                public void onRemoteClose(Stream s) {
                    long end = System.nanoTime();
                    if (received[0] != download) {
                        result.completeExceptionally(
                                new StreamException("perf: asked for " + download + " bytes, received " + received[0]));
                        return;
                    }
                    long up = (firstByte[0] == 0 ? end : firstByte[0]) - start;
                    long down = firstByte[0] == 0 ? 0 : end - firstByte[0];
                    result.complete(new Result(upload, received[0], end - start, up, down));
                }

                @Override
                public void onReset(Stream s) {
                    result.completeExceptionally(new StreamException("perf stream reset"));
                }
            });
            // js's server reads the size from the first chunk only: send it together with the first data.
            ByteBuf header = Unpooled.buffer(8).writeLong(download);
            BulkWriter.send(stream, header, upload).whenComplete((v, e) -> {
                if (e != null) {
                    result.completeExceptionally(e);
                } else {
                    stream.closeWrite();
                }
            });
            return result;
        });
    }
}
