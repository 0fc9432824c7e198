package io.fedp2p.gossip.host;

import io.fedp2p.gossip.mss.MssLines;
import io.fedp2p.gossip.mss.MssNegotiation;
import io.fedp2p.gossip.yamux.YamuxStream;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * multistream-select on one yamux stream (LIBP2P.md §4 step 5). Reads lines as the stream's reader; when a protocol
 * is chosen it puts the bytes after the chosen line back into the stream, detaches itself and completes {@link
 * #result()} with the protocol id. Fails the result on {@code na} for every proposal, reset, early FIN or timeout
 * (which also resets the stream). Peer faults in the lines reset the stream through the stream's fault path.
 */
final class StreamNegotiator implements StreamReader {
    private final YamuxStream stream;
    private final MssNegotiation negotiation;
    private final int maxLineBytes;
    private final CompletableFuture<String> result = new CompletableFuture<>();
    private final CompositeByteBuf pending = Unpooled.compositeBuffer(16);
    private ScheduledFuture<?> deadline;

    StreamNegotiator(YamuxStream stream, MssNegotiation negotiation, int maxLineBytes) {
        this.stream = stream;
        this.negotiation = negotiation;
        this.maxLineBytes = maxLineBytes;
    }

    /** Starts on the event loop: installs itself as reader, sends the opening lines, arms the deadline. */
    CompletableFuture<String> start(io.netty.channel.EventLoop loop, Duration timeout) {
        deadline = loop.schedule(
                () -> {
                    if (!result.isDone()) {
                        fail("protocol negotiation timed out after " + timeout.toMillis() + " ms");
                        stream.reset();
                    }
                },
                timeout.toNanos(),
                TimeUnit.NANOSECONDS);
        stream.setReader(this);
        byte[] first = negotiation.start();
        if (first.length > 0) {
            stream.write(Unpooled.wrappedBuffer(first));
        }
        return result;
    }

    CompletableFuture<String> result() {
        return result;
    }

    @Override
    public void onData(Stream s, ByteBuf data) {
        if (result.isDone()) {
            stream.unread(data);
            return;
        }
        pending.addComponent(true, data);
        while (!result.isDone()) {
            String line = MssLines.tryRead(pending, maxLineBytes);
            if (line == null) {
                break;
            }
            MssNegotiation.Step step = negotiation.onLine(line);
            if (step.reply().length > 0) {
                stream.write(Unpooled.wrappedBuffer(step.reply()));
            }
            if (step.refused()) {
                fail("peer does not support the protocol");
                stream.closeWrite();
                return;
            }
            if (step.selected() != null) {
                succeed(step.selected());
            }
        }
    }

    private void succeed(String protocol) {
        cancelDeadline();
        stream.setReader(null);
        if (pending.isReadable()) {
            stream.unread(pending.retainedSlice());
        }
        pending.release();
        stream.protocol(protocol);
        result.complete(protocol);
    }

    @Override
    public void onRemoteClose(Stream s) {
        fail("stream closed during protocol negotiation");
    }

    @Override
    public void onReset(Stream s) {
        fail("stream reset during protocol negotiation");
    }

    private void fail(String why) {
        cancelDeadline();
        if (pending.refCnt() > 0) {
            pending.release();
        }
        result.completeExceptionally(new StreamException(why));
    }

    private void cancelDeadline() {
        if (deadline != null) {
            deadline.cancel(false);
        }
    }
}
