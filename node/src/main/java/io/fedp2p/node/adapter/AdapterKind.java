package io.fedp2p.node.adapter;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The adapter families of ALGORITHMS.md §7 and §3.9a. For an adapted layer {@code W = W0 + s·ΔW}:
 *
 * <ul>
 *   <li>{@link #LORA}: {@code ΔW = B A}, both trained; averaging B and A separately is inexact (§7.1).
 *   <li>{@link #FFA_LORA}: {@code ΔW = B A}, A frozen from the network-wide seed, B trained from zero; exact (§7.2).
 *   <li>{@link #FED_SB}: {@code ΔW = B R A}, B and A frozen LoRA-SB factors, {@code R ∈ ℝ^{r×r}} trained; exact
 *       (§7.3).
 *   <li>{@link #HEAD}: no adapter, only the classification head trains (Bristle's setting, §2.1).
 *   <li>{@link #FRL_MASK}: {@code ΔW = B (m(S) ⊙ R0) A}, B, A, R0 frozen, supermask scores S trained (§3.9a).
 * </ul>
 *
 * The classification head is always trained and shared in full (§7.5.3).
 */
public enum AdapterKind {
    LORA("lora"),
    FFA_LORA("ffa-lora"),
    FED_SB("fed-sb"),
    HEAD("head"),
    FRL_MASK("frl-mask");

    private final String cliName;

    AdapterKind(String cliName) {
        this.cliName = cliName;
    }

    /** The name used on the command line and in files ({@code ffa-lora}, ...). */
    public String cliName() {
        return cliName;
    }

    /** True when A (the input-side factor) is frozen, so {@code A·x} can be cached per sample. */
    public boolean frozenInputFactor() {
        return this == FFA_LORA || this == FED_SB || this == FRL_MASK;
    }

    /** Parses a CLI name; the message lists the valid names. */
    public static AdapterKind parse(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (AdapterKind k : values()) {
            if (k.cliName.equals(n)) return k;
        }
        throw new IllegalArgumentException("unknown adapter '" + name + "'; valid: "
                + Arrays.stream(values()).map(AdapterKind::cliName).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return cliName;
    }
}
