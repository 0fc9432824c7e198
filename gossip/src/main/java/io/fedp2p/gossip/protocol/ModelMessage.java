package io.fedp2p.gossip.protocol;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One gossip message as the round engine sees it (ALGORITHMS.md §8 steps 2 and 7): round t, gossip step q, the
 * sender's degree, the model θ (z^{(q)} at q ≥ 1), at step 0 the sender's own delta Δ and its mixing residual ρ, and
 * in FRL-native mode one ranking per layer.
 *
 * <p><b>Ownership.</b> The arrays are shared, not copied: the in-memory transport hands one instance to every
 * recipient. Nobody may modify them after construction; the accessors return the arrays themselves.
 */
public final class ModelMessage {
    private final long round;
    private final int step;
    private final int degree;
    private final float[] theta;
    private final float[] delta;
    private final double residual;
    private final int[][] ranking;
    private volatile byte[] digest;

    private ModelMessage(long round, int step, int degree, float[] theta, float[] delta, double residual, int[][] r) {
        if (round < 0 || step < 0) throw new IllegalArgumentException("negative round/step: " + round + "/" + step);
        if (degree < 0) throw new IllegalArgumentException("negative degree " + degree);
        this.round = round;
        this.step = step;
        this.degree = degree;
        this.theta = Objects.requireNonNull(theta, "theta");
        if (delta != null && delta.length != theta.length) {
            throw new IllegalArgumentException("delta has " + delta.length + " values, theta " + theta.length);
        }
        this.delta = delta;
        this.residual = residual;
        this.ranking = r;
    }

    /** A model-only message (steps q ≥ 1). */
    public static ModelMessage of(long round, int step, int degree, float[] theta) {
        return new ModelMessage(round, step, degree, theta, null, Double.NaN, null);
    }

    /** A step-0 message with the sender's delta and, when finite and ≥ 0, its mixing residual. */
    public static ModelMessage withDelta(long round, int step, int degree, float[] theta, float[] delta, double rho) {
        return new ModelMessage(round, step, degree, theta, Objects.requireNonNull(delta, "delta"), rho, null);
    }

    /** A copy carrying FRL-native rankings (one permutation per layer; shared, not copied). */
    public ModelMessage withRanking(int[][] rankings) {
        return new ModelMessage(round, step, degree, theta, delta, residual, Objects.requireNonNull(rankings));
    }

    public long round() {
        return round;
    }

    public int step() {
        return step;
    }

    /** The sender's degree this round. */
    public int degree() {
        return degree;
    }

    /** θ (shared: do not modify). */
    public float[] theta() {
        return theta;
    }

    public boolean hasDelta() {
        return delta != null;
    }

    /** Δ (shared: do not modify); null when absent. */
    public float[] delta() {
        return delta;
    }

    /** ρ when reported (finite and ≥ 0). */
    public OptionalDouble residual() {
        return residual >= 0 && Double.isFinite(residual) ? OptionalDouble.of(residual) : OptionalDouble.empty();
    }

    public boolean hasRanking() {
        return ranking != null;
    }

    /** Rankings (shared: do not modify); null when absent. */
    public int[][] ranking() {
        return ranking;
    }

    /** Length of θ. */
    public int dimension() {
        return theta.length;
    }

    /**
     * SHA-256 over the raw values (round, step, degree excluded): the content identity the in-memory transport uses
     * for replay and equivocation checks without serialising. Computed once.
     */
    public byte[] valueDigest() {
        byte[] d = digest;
        if (d == null) {
            MessageDigest md = sha256();
            update(md, theta);
            md.update((byte) (delta == null ? 0 : 1));
            if (delta != null) update(md, delta);
            md.update(ByteBuffer.allocate(8).putDouble(residual).array());
            if (ranking != null) {
                for (int[] layer : ranking) {
                    ByteBuffer b = ByteBuffer.allocate(4 * layer.length + 4).order(ByteOrder.LITTLE_ENDIAN);
                    b.putInt(layer.length);
                    for (int x : layer) b.putInt(x);
                    md.update(b.array());
                }
            }
            d = md.digest();
            digest = d;
        }
        return d.clone();
    }

    private static void update(MessageDigest md, float[] v) {
        ByteBuffer b = ByteBuffer.allocate(4 * Math.min(v.length, 4096)).order(ByteOrder.LITTLE_ENDIAN);
        for (int from = 0; from < v.length; from += 4096) {
            b.clear();
            int to = Math.min(v.length, from + 4096);
            for (int e = from; e < to; e++) b.putFloat(v[e]);
            md.update(b.array(), 0, b.position());
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ModelMessage m
                && round == m.round
                && step == m.step
                && degree == m.degree
                && Arrays.equals(valueDigest(), m.valueDigest());
    }

    @Override
    public int hashCode() {
        return Objects.hash(round, step, degree) * 31 + Arrays.hashCode(valueDigest());
    }

    @Override
    public String toString() {
        return "ModelMessage[t=" + round + ", q=" + step + ", deg=" + degree + ", d=" + theta.length
                + (delta != null ? ", delta" : "") + (ranking != null ? ", ranking" : "") + "]";
    }
}
