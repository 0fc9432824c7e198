package io.fedp2p.examples.matrix;

import io.fedp2p.robustness.defence.DefenceSpec;
import java.util.List;
import java.util.Objects;

/**
 * One column of the attack matrix: a defence every honest node runs.
 *
 * @param name the {@code defence} field of {@code results.json} ({@code pipeline} is the full fedp2p pipeline)
 * @param label what the table shows
 * @param spec the defence as {@code fedp2p sim --defence} takes it
 */
public record MatrixColumn(String name, String label, String spec) {
    public MatrixColumn {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(spec, "spec");
        DefenceSpec.parse(spec); // validates
    }

    /**
     * The ten columns with their defaults (rules that assume a Byzantine count use f = 1: a node does not know
     * how many of its neighbours are Byzantine). {@code bristle}, {@code frl} and {@code rffl} are single-layer
     * pipelines: basic validation plus that one layer.
     */
    public static final List<MatrixColumn> DEFAULTS = List.of(
            new MatrixColumn("mean", "no defence (mean)", "mean"),
            new MatrixColumn("median", "median", "median"),
            new MatrixColumn("trimmed-mean", "trimmed mean", "trimmed-mean"),
            new MatrixColumn("krum", "Krum", "krum"),
            new MatrixColumn("clipped-gossip", "ClippedGossip", "clipped-gossip"),
            new MatrixColumn("balance", "BALANCE", "balance"),
            new MatrixColumn("bristle", "Bristle only", "bristle"),
            new MatrixColumn("frl", "FRL only", "frl"),
            new MatrixColumn("rffl", "RFFL only", "rffl"),
            new MatrixColumn("pipeline", "fedp2p pipeline", "pipeline"));

    /** The default column of {@code name}, or a column running the defence spec {@code text} as given. */
    public static MatrixColumn of(String text) {
        String t = text.strip();
        for (MatrixColumn c : DEFAULTS) if (c.name.equals(t)) return c;
        DefenceSpec.parse(t);
        return new MatrixColumn(t, t, t);
    }

    public boolean isPipeline() {
        return name.equals("pipeline");
    }

    public boolean isNoDefence() {
        return name.equals("mean");
    }
}
