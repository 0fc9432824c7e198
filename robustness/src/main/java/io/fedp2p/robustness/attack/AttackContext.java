package io.fedp2p.robustness.attack;

import io.fedp2p.robustness.vector.Vectors;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * What a Byzantine node can see when it forges its message at step q of round t (ALGORITHMS.md §6).
 *
 * <ul>
 *   <li>{@code reference}: θ_ref, the attacker's round-start model θ^{t,0}; malicious updates are added to it.
 *   <li>{@code ownUpdate}: the attacker's honest update relative to θ_ref: its Δ at step 0, and (SPEC-GAP: §6 defines
 *       attacks on round updates only) z^{(q)} − θ_ref at steps q ≥ 1, its honest iterate's progress this round.
 *   <li>{@code benignModels} / {@code benignUpdates}: the honest messages it received at this step (local knowledge);
 *       at step 0 the received θ_j and Δ_j, at q ≥ 1 the received z_j^{(q)} and z_j^{(q)} − θ_ref (see {@link
 *       Builder#receivedAtLaterStep}).
 *   <li>{@code colluderUpdates}: the honest updates of the attacker's collusion group, itself included (own knowledge);
 *       defaults to the own update alone.
 *   <li>{@code target}: target-omniscient knowledge, simulation only.
 *   <li>{@code nodes}, {@code byzantine}: global counts n and f (ALIE's formulas); {@code victimF}: the f the victim's
 *       rule assumes; {@code copies}: how many colluders send the same vector to the victim (Fang-Krum's c).
 *   <li>{@code collusionSeed}: a seed shared by colluding identities, for draws they must agree on; {@code rng}: this
 *       identity's own generator.
 * </ul>
 *
 * Vectors are borrowed and never modified.
 */
public final class AttackContext {
    private final long round;
    private final int step;
    private final float[] reference;
    private final float[] ownUpdate;
    private final List<float[]> benignModels;
    private final List<float[]> benignUpdates;
    private final List<float[]> colluderUpdates;
    private final TargetView target;
    private final int nodes;
    private final int byzantine;
    private final int victimF;
    private final int copies;
    private final long collusionSeed;
    private final RandomGenerator rng;

    private AttackContext(Builder b) {
        this(b, b.rng);
    }

    private AttackContext(Builder b, RandomGenerator generator) {
        this.round = b.round;
        this.step = b.step;
        this.reference = b.reference;
        this.ownUpdate = b.ownUpdate;
        this.benignModels = List.copyOf(b.benignModels);
        this.benignUpdates = List.copyOf(b.benignUpdates);
        this.colluderUpdates = b.colluderUpdates.isEmpty() ? List.of(b.ownUpdate) : List.copyOf(b.colluderUpdates);
        this.target = b.target;
        this.nodes = b.nodes;
        this.byzantine = b.byzantine;
        this.victimF = b.victimF;
        this.copies = b.copies;
        this.collusionSeed = b.collusionSeed;
        this.rng = Objects.requireNonNull(generator, "rng");
        int d = reference.length;
        Vectors.requireSameLength(reference, ownUpdate);
        for (float[] v : benignModels) Vectors.requireSameLength(reference, v);
        for (float[] v : benignUpdates) Vectors.requireSameLength(reference, v);
        for (float[] v : colluderUpdates) Vectors.requireSameLength(reference, v);
        if (d == 0) throw new IllegalArgumentException("empty vectors");
    }

    /** Starts a context for round t, step q, with θ_ref, the honest own update and this identity's generator. */
    public static Builder builder(long round, int step, float[] reference, float[] ownUpdate, RandomGenerator rng) {
        return new Builder(round, step, reference, ownUpdate, rng);
    }

    public long round() {
        return round;
    }

    public int step() {
        return step;
    }

    public float[] reference() {
        return reference;
    }

    public float[] ownUpdate() {
        return ownUpdate;
    }

    public List<float[]> benignModels() {
        return benignModels;
    }

    public List<float[]> benignUpdates() {
        return benignUpdates;
    }

    public List<float[]> colluderUpdates() {
        return colluderUpdates;
    }

    public Optional<TargetView> target() {
        return Optional.ofNullable(target);
    }

    public int nodes() {
        return nodes;
    }

    public int byzantine() {
        return byzantine;
    }

    public int victimF() {
        return victimF;
    }

    public int copies() {
        return copies;
    }

    public long collusionSeed() {
        return collusionSeed;
    }

    public RandomGenerator rng() {
        return rng;
    }

    public int dimension() {
        return reference.length;
    }

    /** The same knowledge with another generator (colluders drawing from a shared seed). */
    public AttackContext withRng(RandomGenerator generator) {
        Builder b = new Builder(round, step, reference, ownUpdate, generator)
                .received(benignModels, benignUpdates)
                .colluders(colluderUpdates)
                .victimF(victimF)
                .copies(copies)
                .collusionSeed(collusionSeed);
        b.nodes = nodes;
        b.byzantine = byzantine;
        b.target = target;
        return new AttackContext(b, generator);
    }

    /** Builds an {@link AttackContext}. */
    public static final class Builder {
        private final long round;
        private final int step;
        private final float[] reference;
        private final float[] ownUpdate;
        private final RandomGenerator rng;
        private List<float[]> benignModels = List.of();
        private List<float[]> benignUpdates = List.of();
        private List<float[]> colluderUpdates = List.of();
        private TargetView target;
        private int nodes;
        private int byzantine;
        private int victimF = 1;
        private int copies = 1;
        private long collusionSeed;

        private Builder(long round, int step, float[] reference, float[] ownUpdate, RandomGenerator rng) {
            if (round < 0 || step < 0) throw new IllegalArgumentException("negative round or step");
            this.round = round;
            this.step = step;
            this.reference = Objects.requireNonNull(reference, "reference");
            this.ownUpdate = Objects.requireNonNull(ownUpdate, "ownUpdate");
            this.rng = Objects.requireNonNull(rng, "rng");
        }

        /** Received honest models and their senders' deltas (step 0). */
        public Builder received(List<float[]> models, List<float[]> updates) {
            this.benignModels = List.copyOf(models);
            this.benignUpdates = List.copyOf(updates);
            return this;
        }

        /** Received honest iterates z_j^{(q)} at a step q ≥ 1; their updates are taken relative to θ_ref. */
        public Builder receivedAtLaterStep(List<float[]> iterates) {
            List<float[]> updates = new ArrayList<>();
            for (float[] z : iterates) updates.add(Vectors.subtract(z, reference));
            this.benignModels = List.copyOf(iterates);
            this.benignUpdates = updates;
            return this;
        }

        public Builder colluders(List<float[]> honestUpdates) {
            this.colluderUpdates = List.copyOf(honestUpdates);
            return this;
        }

        public Builder target(TargetView view) {
            this.target = Objects.requireNonNull(view, "view");
            return this;
        }

        /** Global counts n (nodes) and f (Byzantine nodes). */
        public Builder counts(int n, int f) {
            if (n < 0 || f < 0 || f > n) throw new IllegalArgumentException("bad counts n = " + n + ", f = " + f);
            this.nodes = n;
            this.byzantine = f;
            return this;
        }

        public Builder victimF(int f) {
            if (f < 0) throw new IllegalArgumentException("victim f must be >= 0");
            this.victimF = f;
            return this;
        }

        public Builder copies(int c) {
            if (c < 1) throw new IllegalArgumentException("copies must be >= 1");
            this.copies = c;
            return this;
        }

        public Builder collusionSeed(long seed) {
            this.collusionSeed = seed;
            return this;
        }

        public AttackContext build() {
            return new AttackContext(this);
        }
    }
}
