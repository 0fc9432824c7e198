package io.fedp2p.gossip.noise;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.PromiseNotifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Encrypts outgoing plaintext into Noise transport messages of at most 65,519 plaintext bytes (LIBP2P.md §6.5).
 * Writes are gathered until flush and encrypted together, so a yamux header and its payload (and many small frames)
 * share a message; array-backed payloads are encrypted from where they lie, straight into the output buffer. A
 * write's promise completes when the socket write holding its last byte does. One per channel.
 *
 * <p>Flushes are consolidated here, before encryption: while the channel is reading, a flush of less than one full
 * message waits for the end of the read (so the small frames of many streams share Noise messages and socket
 * writes), unless {@link #flushPromptly} asked otherwise (yamux window updates, which the peer's sender may be waiting
 * for). Bulk data
 * goes out at once. (Flushing each encrypted buffer as soon as it is ready, to let the peer start earlier, cost the
 * sender more kernel time per byte than it saved: measured with {@code InJvmPerf}.)
 */
public final class NoiseTransportEncoder extends ChannelDuplexHandler {

    /**
     * Plaintext per output buffer: four full messages (262,076 bytes, 262,148 on the wire). Netty's pooled allocator
     * serves buffers up to 1 MiB from its pools and allocates (and zeroes) anything larger afresh, both the heap
     * buffer here and the direct copy the socket write makes of it; a 1 MiB chunk plus its length prefixes and tags
     * fell just above that line. Several buffers per flush go out in one gathering write.
     */
    private static final int MAX_OUTPUT = 4 * TransportCipher.MAX_PLAINTEXT;

    private final TransportCipher cipher;
    private final ArrayDeque<ByteBuf> pending = new ArrayDeque<>();
    private final List<ChannelPromise> promises = new ArrayList<>();
    private long pendingBytes;
    private boolean reading;
    private boolean flushWaiting;
    private boolean urgent;

    public NoiseTransportEncoder(TransportCipher cipher) {
        this.cipher = cipher;
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (!(msg instanceof ByteBuf buf)) {
            ReferenceCountUtil.release(msg);
            promise.setFailure(new IllegalArgumentException("Noise encoder takes ByteBuf, got " + msg.getClass()));
            return;
        }
        pending.add(buf);
        pendingBytes += buf.readableBytes();
        if (!promise.isVoid()) {
            promises.add(promise);
        }
    }

    /** The next flush goes out at once, even in the middle of a read. Event loop only. */
    public void flushPromptly() {
        urgent = true;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        reading = true;
        ctx.fireChannelRead(msg);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        reading = false;
        if (flushWaiting) {
            flushNow(ctx);
        }
        ctx.fireChannelReadComplete();
    }

    @Override
    public void flush(ChannelHandlerContext ctx) {
        if (reading && !urgent && pendingBytes < TransportCipher.MAX_PLAINTEXT) {
            flushWaiting = true;
            return;
        }
        flushNow(ctx);
    }

    private void flushNow(ChannelHandlerContext ctx) {
        flushWaiting = false;
        urgent = false;
        while (pendingBytes > 0) {
            int chunk = (int) Math.min(pendingBytes, MAX_OUTPUT);
            int messages = (chunk + TransportCipher.MAX_PLAINTEXT - 1) / TransportCipher.MAX_PLAINTEXT;
            ByteBuf out = ctx.alloc().heapBuffer(chunk + messages * (2 + TransportCipher.TAG_BYTES));
            try {
                int left = chunk;
                while (left > 0) {
                    int n = Math.min(left, TransportCipher.MAX_PLAINTEXT);
                    out.writeShort(n + TransportCipher.TAG_BYTES);
                    encryptFromPending(n, out);
                    left -= n;
                }
            } catch (RuntimeException e) {
                out.release();
                failAll(e);
                throw e;
            }
            pendingBytes -= chunk;
            if (pendingBytes == 0 && !promises.isEmpty()) {
                ChannelPromise[] waiting = promises.toArray(new ChannelPromise[0]);
                promises.clear();
                ctx.write(out).addListener(new PromiseNotifier<>(waiting));
            } else {
                ctx.write(out, ctx.voidPromise());
            }
        }
        releaseEmpty();
        ctx.flush();
    }

    /** Encrypts the next {@code n} pending bytes, which may span several buffers, into one message. */
    private void encryptFromPending(int n, ByteBuf out) {
        cipher.begin();
        int left = n;
        while (left > 0) {
            releaseEmpty();
            ByteBuf b = pending.peek();
            int take = Math.min(b.readableBytes(), left);
            cipher.update(b, take, out);
            left -= take;
        }
        cipher.finish(out);
    }

    private void releaseEmpty() {
        while (!pending.isEmpty() && !pending.peek().isReadable()) {
            pending.poll().release();
        }
    }

    private void failAll(Throwable cause) {
        while (!pending.isEmpty()) {
            pending.poll().release();
        }
        pendingBytes = 0;
        for (ChannelPromise p : promises) {
            p.tryFailure(cause);
        }
        promises.clear();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        failAll(new IllegalStateException("Noise encoder removed"));
    }

    @Override
    public void close(ChannelHandlerContext ctx, ChannelPromise promise) {
        flushNow(ctx);
        ctx.close(promise);
    }
}
