package io.fedp2p.node.engine;

import io.fedp2p.node.adapter.AdapterKind;
import io.fedp2p.node.train.Task;
import java.util.Arrays;
import java.util.Optional;

/**
 * The user's choice of exchange mode ({@code --exchange-mode} of {@code fedp2p node} and {@code fedp2p sim}):
 * {@link #FLOAT}, the whole trainable vector θ travels as floats (ALGORITHMS.md §8), or {@link #FRL_NATIVE}, the
 * {@code frl-mask} adapter's per-layer rankings travel and are voted on, only the head as floats (§3.9a).
 *
 * <p>fedp2p design: {@code float} stays the default for every adapter, {@code frl-mask} included, so that existing
 * runs keep their results; {@code frl-native} is opt-in and only valid with {@code frl-mask}.
 */
public enum ExchangeSetting {
    FLOAT("float"),
    FRL_NATIVE("frl-native");

    private final String id;

    ExchangeSetting(String id) {
        this.id = id;
    }

    /** The name on the command line and in YAML. */
    public String id() {
        return id;
    }

    /** Parses {@code float} or {@code frl-native}; the error lists the valid names. */
    public static ExchangeSetting parse(String name) {
        for (ExchangeSetting s : values()) if (s.id.equals(name.strip())) return s;
        throw new IllegalArgumentException("unknown exchange mode '" + name + "'; valid: "
                + String.join(
                        ", ", Arrays.stream(values()).map(ExchangeSetting::id).toList()));
    }

    /** Checks that the mode fits {@code adapter}: {@code frl-native} needs {@code frl-mask}. */
    public void check(AdapterKind adapter) {
        if (this == FRL_NATIVE && adapter != AdapterKind.FRL_MASK) {
            throw new IllegalArgumentException(
                    "exchange mode frl-native needs adapter frl-mask, got " + adapter.cliName());
        }
    }

    /** The FRL layout of {@code task} in {@code frl-native} mode, empty in {@code float} mode. */
    public Optional<FrlLayout> layout(Task task) {
        if (this == FLOAT) return Optional.empty();
        check(task.adapterSpec().kind());
        return FrlLayout.forTask(task);
    }

    /** Length of the float part of gossip messages for {@code task}: the head in FRL-native mode, θ otherwise. */
    public int gossipDimension(Task task) {
        return layout(task).map(FrlLayout::floatDimension).orElse(task.dimension());
    }

    /**
     * What this mode adds to the adapter hash of gossip headers (ALGORITHMS.md §0.1): nothing for {@code float}, so
     * float-mode hashes are unchanged, and {@code |exchange=frl-native} otherwise, so that a float-mode and an
     * FRL-native peer refuse each other's messages by the hash instead of mixing vectors of different meaning.
     */
    public String hashSuffix() {
        return this == FLOAT ? "" : "|exchange=" + id;
    }

    /** Puts the mode on {@code b}: {@link RoundEngineBuilder#frlNative} in FRL-native mode, nothing otherwise. */
    public RoundEngineBuilder apply(RoundEngineBuilder b, Task task) {
        layout(task).ifPresent(b::frlNative);
        return b;
    }
}
