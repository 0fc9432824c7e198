package io.fedp2p.gossip.noise;

import io.fedp2p.gossip.fault.FaultKind;
import io.fedp2p.gossip.fault.PeerFault;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * Decrypts Noise transport messages ({@code u16 length || ciphertext || tag}, LIBP2P.md §6.5). All complete
 * messages available in one read are decrypted into one heap buffer, passed on as a plain byte stream (yamux frames
 * do not align with Noise messages). A zero-length message is skipped without using a nonce (as js does); lengths
 * 1–15 are refused. One per channel.
 */
public final class NoiseTransportDecoder extends ByteToMessageDecoder {
    private final TransportCipher cipher;

    public NoiseTransportDecoder(TransportCipher cipher) {
        this.cipher = cipher;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        ByteBuf plain = null;
        try {
            while (in.readableBytes() >= 2) {
                int length = in.getUnsignedShort(in.readerIndex());
                if (length > 0 && length < TransportCipher.TAG_BYTES) {
                    in.skipBytes(in.readableBytes());
                    throw new PeerFault(FaultKind.MALFORMED_FRAME, "Noise message of " + length + " bytes");
                }
                if (in.readableBytes() < 2 + length) {
                    break;
                }
                in.skipBytes(2);
                if (length == 0) {
                    continue;
                }
                if (plain == null) {
                    plain = ctx.alloc().heapBuffer(Math.max(length, Math.min(in.readableBytes() + length, 1 << 20)));
                }
                cipher.decrypt(in, length, plain);
            }
        } catch (RuntimeException e) {
            if (plain != null) {
                plain.release();
            }
            in.skipBytes(in.readableBytes());
            throw e;
        }
        if (plain != null) {
            out.add(plain);
        }
    }
}
