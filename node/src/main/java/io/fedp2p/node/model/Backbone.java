package io.fedp2p.node.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fedp2p.node.adapter.ParamLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * A frozen backbone: architecture name, parameters in canonical layout, free-form metadata (how it was trained) and
 * the SHA-256 of its content. Immutable and thread-safe; one instance is shared by every node of a JVM.
 *
 * <p>The hash covers the architecture name, the layout (names and shapes) and the float bits, little-endian: it
 * identifies the weights whatever file they came from.
 */
public final class Backbone {
    private final String architecture;
    private final ParamLayout layout;
    private final float[] values;
    private final ObjectNode meta;
    private final String hash;

    public Backbone(String architecture, ParamLayout layout, float[] values, ObjectNode meta) {
        this.architecture = Objects.requireNonNull(architecture, "architecture");
        this.layout = Objects.requireNonNull(layout, "layout");
        layout.checkLength(values);
        this.values = values.clone();
        this.meta = meta == null ? new ObjectMapper().createObjectNode() : meta.deepCopy();
        this.hash = contentHash(architecture, layout, this.values);
    }

    /** A new backbone with PyTorch's default initialisation, {@code U(−1/√fan_in, 1/√fan_in)}, from {@code rng}. */
    public static Backbone initVision(VisionArch arch, RandomGenerator rng) {
        Map<String, long[]> shapes = arch.shapes();
        ParamLayout layout = ParamLayout.of(shapes);
        float[] v = new float[layout.dimension()];
        for (ParamLayout.Entry e : layout.entries()) {
            double bound = 1 / Math.sqrt(arch.fanIn(e.name()));
            for (int i = 0; i < e.size(); i++) v[e.offset() + i] = (float) ((rng.nextDouble() * 2 - 1) * bound);
        }
        return new Backbone(arch.cliName(), layout, v, null);
    }

    public String architecture() {
        return architecture;
    }

    public ParamLayout layout() {
        return layout;
    }

    /** A copy of one parameter. */
    public float[] param(String name) {
        return layout.slice(values, name);
    }

    /** A copy of all values, in layout order. */
    public float[] values() {
        return values.clone();
    }

    public int parameterCount() {
        return values.length;
    }

    /** A copy of the metadata. */
    public ObjectNode meta() {
        return meta.deepCopy();
    }

    /** SHA-256 hex of the content. */
    public String hash() {
        return hash;
    }

    /** Same weights, new metadata (the hash does not change). */
    public Backbone withMeta(ObjectNode newMeta) {
        return new Backbone(architecture, layout, values, newMeta);
    }

    /** Same layout and metadata, new values. */
    public Backbone withValues(float[] newValues) {
        return new Backbone(architecture, layout, newValues, meta);
    }

    static String contentHash(String architecture, ParamLayout layout, float[] values) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(architecture.getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
            md.update(layout.describe().getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
            ByteBuffer buf = ByteBuffer.allocate(4096 * 4).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < values.length; i += 4096) {
                buf.clear();
                int end = Math.min(values.length, i + 4096);
                for (int j = i; j < end; j++) buf.putFloat(values[j]);
                md.update(buf.array(), 0, (end - i) * 4);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}
