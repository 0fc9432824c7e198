package io.fedp2p.gossip.protocol;

import com.google.protobuf.UnsafeByteOperations;
import io.fedp2p.gossip.host.Stream;
import io.fedp2p.gossip.proto.GossipProtos;
import io.netty.buffer.Unpooled;
import java.util.concurrent.CompletableFuture;

/** Writes a message's content as chunk frames, one after the other, then half-closes the stream. */
final class ChunkWriter {
    private ChunkWriter() {}

    /** Writes {@code content[offset..]} in chunks of at most {@code chunkBytes}, each after the previous finished. */
    static CompletableFuture<Void> writeChunks(Stream stream, byte[] content, int offset, int chunkBytes) {
        if (offset >= content.length) return stream.closeWrite();
        int n = Math.min(chunkBytes, content.length - offset);
        GossipProtos.Frame frame = GossipProtos.Frame.newBuilder()
                .setChunk(GossipProtos.Chunk.newBuilder().setData(UnsafeByteOperations.unsafeWrap(content, offset, n)))
                .build();
        return stream.writeMessage(Unpooled.wrappedBuffer(frame.toByteArray()))
                .thenCompose(v -> writeChunks(stream, content, offset + n, chunkBytes));
    }
}
