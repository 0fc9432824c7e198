package io.fedp2p.node.encoder;

import io.fedp2p.node.adapter.LayerShape;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Adapter targets on an encoder. Users name roles ({@code q}, {@code k}, {@code v}, {@code o}, {@code ffn}); a role
 * expands to the dense layers {@code layer.i.ROLE} of every adapted layer i ({@code ffn} to both {@code ffn_in} and
 * {@code ffn_out}). The adapter spec stores the expanded names.
 */
public final class EncoderTargets {
    /** The LoRA paper's choice, and issue 11's: the query and value projections. */
    public static final List<String> DEFAULT_ROLES = List.of("q", "v");

    private EncoderTargets() {}

    /** The dense layers of the given roles on layers {@code from..layers−1}, in forward order. */
    public static List<String> expand(List<String> roles, int from, int layers) {
        if (from < 0 || from >= layers) {
            throw new IllegalArgumentException(
                    "adapters need at least one unfrozen layer: frozen layers " + from + " of " + layers);
        }
        List<String> dense = new ArrayList<>();
        for (String r : roles) {
            String role = r.trim().toLowerCase(Locale.ROOT);
            if (role.equals("ffn")) {
                dense.add("ffn_in");
                dense.add("ffn_out");
            } else if (PretrainedEncoder.ROLES.contains(role)) {
                dense.add(role);
            } else {
                throw new IllegalArgumentException(
                        "unknown target '" + r + "' for an encoder; valid: q, k, v, o, ffn (or ffn_in, ffn_out)");
            }
        }
        if (dense.stream().distinct().count() != dense.size()) {
            throw new IllegalArgumentException("duplicate target in " + roles);
        }
        List<String> out = new ArrayList<>();
        for (int l = from; l < layers; l++) {
            for (String role : PretrainedEncoder.ROLES) {
                if (dense.contains(role)) out.add(PretrainedEncoder.dense(l, role));
            }
        }
        return out;
    }

    /** Layer index of a dense name {@code layer.i.role}. */
    public static int layerOf(String dense) {
        String[] p = dense.split("\\.");
        if (p.length != 3 || !p[0].equals("layer") || !PretrainedEncoder.ROLES.contains(p[2])) {
            throw new IllegalArgumentException("'" + dense + "' is not an encoder dense layer (layer.i.role)");
        }
        try {
            return Integer.parseInt(p[1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + dense + "' is not an encoder dense layer (layer.i.role)", e);
        }
    }

    /** The shape ({@code in}, {@code out}) of a dense layer of the encoder. */
    public static LayerShape shape(PretrainedEncoder enc, String dense) {
        int l = layerOf(dense);
        if (l >= enc.config().layers()) {
            throw new IllegalArgumentException(
                    dense + ": the encoder has " + enc.config().layers() + " layers");
        }
        long[] s = enc.shape(dense + ".weight");
        return new LayerShape(dense, (int) s[1], (int) s[0]);
    }
}
