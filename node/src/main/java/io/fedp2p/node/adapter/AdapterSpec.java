package io.fedp2p.node.adapter;

import java.util.List;
import java.util.Objects;

/**
 * What is adapted and how: the adapter kind, rank r, LoRA alpha (scale {@code alpha/r}), the target layers and the
 * FRL keep fraction. The classification head is always trained in full (ALGORITHMS.md §7.5.3), so it is never a
 * target.
 *
 * <p>Fed-SB uses scale 1 whatever {@code alpha} says (ALGORITHMS.md §7.3 step 5); {@link #scale()} applies that rule.
 *
 * @param kind adapter family
 * @param rank r ≥ 1 (ignored by {@link AdapterKind#HEAD})
 * @param alpha LoRA alpha α_L &gt; 0
 * @param targets names of the adapted dense layers, e.g. {@code [fc1]}; empty for {@link AdapterKind#HEAD}
 * @param frlKeep fraction of R0 entries the FRL supermask keeps, in (0, 1]
 */
public record AdapterSpec(AdapterKind kind, int rank, float alpha, List<String> targets, float frlKeep) {
    /** ALGORITHMS.md §9: FFA-LoRA, r = 8, α = 16. */
    public static final int DEFAULT_RANK = 8;

    public static final float DEFAULT_ALPHA = 16f;
    /** FRL's k = 0.5 (ALGORITHMS.md §3.3). */
    public static final float DEFAULT_FRL_KEEP = 0.5f;

    public AdapterSpec {
        Objects.requireNonNull(kind, "kind");
        targets = List.copyOf(Objects.requireNonNull(targets, "targets"));
        if (kind == AdapterKind.HEAD) {
            if (!targets.isEmpty()) throw new IllegalArgumentException("adapter head has no target layers");
        } else {
            if (rank < 1) throw new IllegalArgumentException("rank must be >= 1, got " + rank);
            if (targets.isEmpty()) throw new IllegalArgumentException("adapter " + kind + " needs target layers");
        }
        if (!(alpha > 0) || !Float.isFinite(alpha))
            throw new IllegalArgumentException("alpha must be > 0, got " + alpha);
        if (!(frlKeep > 0 && frlKeep <= 1)) throw new IllegalArgumentException("frl keep fraction must be in (0,1]");
        if (targets.stream().distinct().count() != targets.size()) {
            throw new IllegalArgumentException("duplicate target layer in " + targets);
        }
    }

    /** The default spec of a kind on the given targets (ignored for head). */
    public static AdapterSpec of(AdapterKind kind, List<String> targets) {
        return new AdapterSpec(
                kind, DEFAULT_RANK, DEFAULT_ALPHA, kind == AdapterKind.HEAD ? List.of() : targets, DEFAULT_FRL_KEEP);
    }

    /** The multiplier s of {@code W0 + s·ΔW}: α/r, or 1 for Fed-SB. */
    public float scale() {
        return kind == AdapterKind.FED_SB ? 1f : alpha / rank;
    }

    /** A one-line description, stored in adapter files: {@code ffa-lora r=8 alpha=16.0 targets=[fc1]}. */
    public String describe() {
        if (kind == AdapterKind.HEAD) return "head";
        String s = kind + " r=" + rank + " alpha=" + alpha + " targets=" + targets;
        return kind == AdapterKind.FRL_MASK ? s + " keep=" + frlKeep : s;
    }
}
