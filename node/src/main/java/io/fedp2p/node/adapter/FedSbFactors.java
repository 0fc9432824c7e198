package io.fedp2p.node.adapter;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The agreed LoRA-SB factors of every Fed-SB layer (ALGORITHMS.md §7.3, §7.5 #2): frozen B (out×r, orthonormal
 * columns) and A (r×in, orthonormal rows), and the initial R (r×r, {@code diag(S_r)}), with a SHA-256 over all of
 * them so that nodes can check they hold bit-identical factors. Immutable.
 *
 * <p>fedp2p design (ALGORITHMS.md §7.5 #2): in a network one elected leader computes these with {@link FedSbInit}
 * and floods them signed with this hash; a Byzantine leader can pick poor factors but cannot make nodes disagree.
 */
public final class FedSbFactors {
    /** One layer's factors, row-major. */
    public record Layer(LayerShape shape, int rank, float[] b, float[] a, float[] r) {
        public Layer {
            if (b.length != shape.out() * rank || a.length != rank * shape.in() || r.length != rank * rank) {
                throw new IllegalArgumentException("factor sizes do not match " + shape + " at rank " + rank);
            }
            b = b.clone();
            a = a.clone();
            r = r.clone();
        }

        @Override
        public float[] b() {
            return b.clone();
        }

        @Override
        public float[] a() {
            return a.clone();
        }

        @Override
        public float[] r() {
            return r.clone();
        }
    }

    private final Map<String, Layer> layers;
    private final String hash;

    public FedSbFactors(List<Layer> layers) {
        Map<String, Layer> m = new TreeMap<>();
        for (Layer l : layers) m.put(l.shape().name(), l);
        this.layers = java.util.Collections.unmodifiableMap(m);
        this.hash = computeHash();
    }

    public Layer layer(String name) {
        Layer l = layers.get(name);
        if (l == null) throw new IllegalArgumentException("no Fed-SB factors for layer " + name);
        return l;
    }

    /** SHA-256 hex over layer names, shapes and the float bits of B, A and R, in sorted layer order. */
    public String hash() {
        return hash;
    }

    private String computeHash() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Layer l : layers.values()) {
                md.update((l.shape() + "/" + l.rank()).getBytes(StandardCharsets.UTF_8));
                for (float[] arr : new float[][] {l.b, l.a, l.r}) {
                    ByteBuffer buf = ByteBuffer.allocate(arr.length * 4).order(ByteOrder.LITTLE_ENDIAN);
                    for (float v : arr) buf.putFloat(v);
                    md.update(buf.array());
                }
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
