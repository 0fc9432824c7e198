package io.fedp2p.gossip.encoding;

import io.fedp2p.gossip.fault.FaultKind;
import io.fedp2p.gossip.fault.PeerFault;
import io.netty.buffer.ByteBuf;

/**
 * Unsigned LEB128 varints as multiformats uses them (LIBP2P.md §1.1): 7 bits per byte, least significant group
 * first, minimal encoding, at most 9 bytes (values below 2^63).
 */
public final class Uvarint {
    /** The multiformats cap: 9 bytes carry 63 bits. */
    public static final int MAX_BYTES = 9;

    private Uvarint() {}

    /** Number of bytes {@code value} takes; {@code value} must be non-negative. */
    public static int encodedLength(long value) {
        requireNonNegative(value);
        int n = 1;
        while ((value >>>= 7) != 0) {
            n++;
        }
        return n;
    }

    /** Appends the varint of {@code value} to {@code out}. */
    public static void write(ByteBuf out, long value) {
        requireNonNegative(value);
        while ((value & ~0x7FL) != 0) {
            out.writeByte((int) ((value & 0x7F) | 0x80));
            value >>>= 7;
        }
        out.writeByte((int) value);
    }

    /** The varint of {@code value} as a new array. */
    public static byte[] encode(long value) {
        byte[] out = new byte[encodedLength(value)];
        int i = 0;
        while ((value & ~0x7FL) != 0) {
            out[i++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        out[i] = (byte) value;
        return out;
    }

    /**
     * Reads one varint of at most {@code maxBytes} bytes from {@code in}.
     *
     * @return the value, with the reader index moved past it; or -1 when {@code in} ends before the varint does (the
     *     reader index is then unchanged)
     * @throws PeerFault {@link FaultKind#MALFORMED_FRAME} when the varint is longer than {@code maxBytes} or not
     *     minimal
     */
    public static long tryRead(ByteBuf in, int maxBytes) {
        if (maxBytes < 1 || maxBytes > MAX_BYTES) {
            throw new IllegalArgumentException("maxBytes must be in 1.." + MAX_BYTES + ", got " + maxBytes);
        }
        int start = in.readerIndex();
        int available = in.readableBytes();
        long value = 0;
        for (int i = 0; i < maxBytes; i++) {
            if (i >= available) {
                return -1;
            }
            int b = in.getUnsignedByte(start + i);
            value |= (long) (b & 0x7F) << (7 * i);
            if ((b & 0x80) == 0) {
                if (b == 0 && i > 0) {
                    throw new PeerFault(FaultKind.MALFORMED_FRAME, "non-minimal varint");
                }
                in.readerIndex(start + i + 1);
                return value;
            }
        }
        throw new PeerFault(FaultKind.MALFORMED_FRAME, "varint longer than " + maxBytes + " bytes");
    }

    /**
     * Reads one complete varint (at most 9 bytes) from {@code in}.
     *
     * @throws PeerFault {@link FaultKind#MALFORMED_FRAME} when it is truncated, too long or not minimal
     */
    public static long read(ByteBuf in) {
        long v = tryRead(in, MAX_BYTES);
        if (v < 0) {
            throw new PeerFault(FaultKind.MALFORMED_FRAME, "truncated varint");
        }
        return v;
    }

    private static void requireNonNegative(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("unsigned varint of a negative value: " + value);
        }
    }
}
