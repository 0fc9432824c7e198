package io.fedp2p.gossip.protocol;

import io.fedp2p.gossip.fault.FaultKind;
import io.fedp2p.gossip.fault.PeerFault;
import io.fedp2p.gossip.proto.GossipProtos;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Locale;

/**
 * How model vectors travel (the {@code Encoding} of {@code fedp2p_gossip.proto}). Layouts, all little-endian:
 *
 * <pre>
 * FLOAT32  d × binary32                                        4d bytes (exact, the default)
 * FLOAT16  d × binary16, round to nearest even                 2d bytes
 * INT8     per block of 256 values: binary32 scale s,           d + 4·⌈d/256⌉ bytes
 *          then one signed byte q per value; value = s·q,
 *          s = max|x|/127 over the block, q = round(x/s)
 * </pre>
 *
 * Decoding checks the byte length against the dimension and refuses non-finite values ({@link PeerFault} {@link
 * FaultKind#BAD_PAYLOAD}). Thread-safe (stateless).
 */
public enum PayloadEncoding {
    FLOAT32,
    FLOAT16,
    INT8;

    /** Values per INT8 block (fedp2p design: one scale per 256 values bounds the error by the block's own range). */
    public static final int INT8_BLOCK = 256;

    /** Parses {@code float32}, {@code fp16} (or {@code float16}), {@code int8}. */
    public static PayloadEncoding parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "float32", "fp32", "f32" -> FLOAT32;
            case "fp16", "float16", "f16" -> FLOAT16;
            case "int8", "i8" -> INT8;
            default -> throw new IllegalArgumentException("encoding must be float32, fp16 or int8, got '" + text + "'");
        };
    }

    /** The CLI name. */
    public String cliName() {
        return switch (this) {
            case FLOAT32 -> "float32";
            case FLOAT16 -> "fp16";
            case INT8 -> "int8";
        };
    }

    /** Bytes of an encoded vector of {@code d} values. */
    public long encodedBytes(int d) {
        return switch (this) {
            case FLOAT32 -> 4L * d;
            case FLOAT16 -> 2L * d;
            case INT8 -> d + 4L * ((d + INT8_BLOCK - 1) / INT8_BLOCK);
        };
    }

    GossipProtos.Encoding toProto() {
        return switch (this) {
            case FLOAT32 -> GossipProtos.Encoding.FLOAT32;
            case FLOAT16 -> GossipProtos.Encoding.FLOAT16;
            case INT8 -> GossipProtos.Encoding.INT8;
        };
    }

    static PayloadEncoding fromProto(GossipProtos.Encoding e) {
        return switch (e) {
            case FLOAT32 -> FLOAT32;
            case FLOAT16 -> FLOAT16;
            case INT8 -> INT8;
            default -> throw new PeerFault(FaultKind.BAD_PAYLOAD, "unknown payload encoding " + e);
        };
    }

    /** Encodes finite values. */
    public byte[] encode(float[] v) {
        ByteBuffer out =
                ByteBuffer.allocate(Math.toIntExact(encodedBytes(v.length))).order(ByteOrder.LITTLE_ENDIAN);
        switch (this) {
            case FLOAT32 -> {
                for (float x : v) out.putFloat(x);
            }
            case FLOAT16 -> {
                for (float x : v) out.putShort(Float16.fromFloat(x));
            }
            case INT8 -> {
                for (int from = 0; from < v.length; from += INT8_BLOCK) {
                    int to = Math.min(v.length, from + INT8_BLOCK);
                    float max = 0;
                    for (int e = from; e < to; e++) max = Math.max(max, Math.abs(v[e]));
                    float s = max / 127f;
                    out.putFloat(s);
                    for (int e = from; e < to; e++) {
                        out.put(s == 0 ? 0 : (byte) Math.max(-127, Math.min(127, Math.round(v[e] / s))));
                    }
                }
            }
        }
        return out.array();
    }

    /**
     * Decodes {@code d} values.
     *
     * @throws PeerFault {@link FaultKind#BAD_PAYLOAD} for a wrong length or a non-finite value
     */
    public float[] decode(byte[] bytes, int d) {
        if (bytes.length != encodedBytes(d)) {
            throw new PeerFault(
                    FaultKind.BAD_PAYLOAD,
                    this + " vector of " + d + " values needs " + encodedBytes(d) + " bytes, got " + bytes.length);
        }
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        float[] v = new float[d];
        switch (this) {
            case FLOAT32 -> {
                for (int e = 0; e < d; e++) v[e] = in.getFloat();
            }
            case FLOAT16 -> {
                for (int e = 0; e < d; e++) v[e] = Float16.toFloat(in.getShort());
            }
            case INT8 -> {
                for (int from = 0; from < d; from += INT8_BLOCK) {
                    int to = Math.min(d, from + INT8_BLOCK);
                    float s = in.getFloat();
                    if (!Float.isFinite(s)) throw new PeerFault(FaultKind.BAD_PAYLOAD, "non-finite int8 block scale");
                    for (int e = from; e < to; e++) v[e] = s * in.get();
                }
            }
        }
        for (int e = 0; e < d; e++) {
            if (!Float.isFinite(v[e])) throw new PeerFault(FaultKind.BAD_PAYLOAD, "non-finite value at " + e);
        }
        return v;
    }

    /** What a receiver decodes from {@code v}: {@code v} itself for FLOAT32, the quantised values otherwise. */
    public float[] roundTrip(float[] v) {
        return this == FLOAT32 ? v : decode(encode(v), v.length);
    }
}
