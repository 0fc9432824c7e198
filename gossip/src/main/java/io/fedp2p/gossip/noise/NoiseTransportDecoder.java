package io.fedp2p.gossip.noise;

import io.fedp2p.gossip.fault.FaultKind;
import io.fedp2p.gossip.fault.PeerFault;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * Decrypts Noise transport messages ({@code u16 length || ciphertext || tag}, LIBP2P.md §6.5) and passes the
 * plaintext on as a plain byte stream (yamux frames do not align with Noise messages). Each message is copied once,
 * straight from the socket's buffer into a heap output buffer, and decrypted there in place; messages decrypted from
 * one read sit back to back in one output buffer and go on as one slice of it, so the muxer's decoder can join
 * consecutive slices without copying. A message split across reads is completed in the same output buffer, so no
 * input is ever held back. A zero-length message is skipped without using a nonce (as js does); lengths 1–15 are
 * refused. One per channel.
 */
public final class NoiseTransportDecoder extends ChannelInboundHandlerAdapter {
    /** Largest output buffer: 16 messages, within Netty's pooled sizes (1 MiB). */
    private static final int MAX_OUTPUT = 16 * TransportCipher.MAX_MESSAGE;

    private final TransportCipher cipher;
    private ByteBuf plain;
    /** Start of the decrypted bytes not yet passed on; end of them (where the current message's ciphertext goes). */
    private int emitFrom;

    private int decryptedEnd;
    /** First byte of a length prefix split across reads, or -1. */
    private int lengthHigh = -1;
    /** Length of the message being copied in, or -1 between messages. */
    private int messageLength = -1;

    private boolean failed;

    public NoiseTransportDecoder(TransportCipher cipher) {
        this.cipher = cipher;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof ByteBuf in)) {
            ctx.fireChannelRead(msg);
            return;
        }
        if (failed) {
            in.release(); // the connection is closing after a fault
            return;
        }
        try {
            decode(ctx, in);
        } catch (RuntimeException e) {
            failed = true;
            releaseOutput();
            throw e;
        } finally {
            in.release();
        }
        emit(ctx);
    }

    private void decode(ChannelHandlerContext ctx, ByteBuf in) {
        while (in.isReadable()) {
            if (messageLength < 0) {
                int length;
                if (lengthHigh >= 0) {
                    length = (lengthHigh << 8) | in.readUnsignedByte();
                    lengthHigh = -1;
                } else if (in.readableBytes() >= 2) {
                    length = in.readUnsignedShort();
                } else {
                    lengthHigh = in.readUnsignedByte();
                    return;
                }
                if (length == 0) {
                    continue;
                }
                if (length < TransportCipher.TAG_BYTES) {
                    throw new PeerFault(FaultKind.MALFORMED_FRAME, "Noise message of " + length + " bytes");
                }
                startMessage(ctx, in, length);
            }
            int n = Math.min(in.readableBytes(), decryptedEnd + messageLength - plain.writerIndex());
            plain.writeBytes(in, n);
            if (plain.writerIndex() == decryptedEnd + messageLength) {
                decryptedEnd += cipher.decryptInPlace(plain, decryptedEnd, messageLength);
                plain.writerIndex(decryptedEnd);
                messageLength = -1;
            }
        }
    }

    /** Makes room for a message of {@code length} bytes at the end of the output (never by moving it). */
    private void startMessage(ChannelHandlerContext ctx, ByteBuf in, int length) {
        if (plain == null || plain.capacity() - decryptedEnd < length) {
            emit(ctx);
            releaseOutput();
            plain = ctx.alloc().heapBuffer(Math.max(length, plannedBytes(in, length)));
            emitFrom = 0;
            decryptedEnd = 0;
        }
        messageLength = length;
    }

    /**
     * Room for this message and the rest of the read's messages (the last one whole); when the read ends inside a
     * message, room for up to four times as much, so that the next reads of a bulk transfer continue in the same
     * buffer (up to {@link #MAX_OUTPUT}). A peer that stops mid-message thus holds at most a few times what it sent.
     */
    private static int plannedBytes(ByteBuf in, int firstLength) {
        long total = firstLength;
        int pos = in.readerIndex() + firstLength;
        while (total < MAX_OUTPUT && pos + 2 <= in.writerIndex()) {
            int length = in.getUnsignedShort(pos);
            total += length;
            pos += 2 + length;
        }
        if (pos > in.writerIndex()) {
            total *= 4;
        }
        return (int) Math.min(total, MAX_OUTPUT);
    }

    /** Passes on the plaintext decrypted since the last call, as a slice of the output buffer. */
    private void emit(ChannelHandlerContext ctx) {
        if (plain != null && decryptedEnd > emitFrom) {
            ByteBuf out = plain.retainedSlice(emitFrom, decryptedEnd - emitFrom);
            emitFrom = decryptedEnd;
            ctx.fireChannelRead(out);
        }
        if (messageLength < 0) {
            releaseOutput(); // between messages: an idle connection holds no buffer
        }
    }

    private void releaseOutput() {
        if (plain != null) {
            plain.release();
            plain = null;
        }
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        releaseOutput();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        releaseOutput();
        ctx.fireChannelInactive();
    }
}
