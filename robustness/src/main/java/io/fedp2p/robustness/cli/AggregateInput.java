package io.fedp2p.robustness.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * The JSON input of {@code fedp2p aggregate}, validated in full before any rule runs:
 *
 * <pre>
 * {"vectors": [[...], ...],         required: m ≥ 1 vectors of equal length d ≥ 1, finite 32-bit floats
 *  "weights": [...],                optional: m finite weights ≥ 0 with a positive sum (default equal)
 *  "deltas": [[...], ...],          optional: each vector's round delta Δ (pipeline rules; default: the vectors)
 *  "f1": [[...], ...],              optional: per-vector per-class F1 in [0, 1] (Bristle's integrator)
 *  "familiarClasses": [...],        with f1: the node's classes L_i
 *  "losses": [...]}                 optional: per-vector minibatch loss (Mozi's stage 2)
 * </pre>
 *
 * Unknown fields, ragged vectors, NaN or infinite values and malformed JSON are rejected with a message naming the
 * problem.
 */
final class AggregateInput {
    static final List<String> FIELDS = List.of("vectors", "weights", "deltas", "f1", "familiarClasses", "losses");

    final List<float[]> vectors;
    final double[] weights;
    final List<float[]> deltas;
    final List<double[]> f1;
    final int[] familiarClasses;
    final double[] losses;

    private AggregateInput(
            List<float[]> vectors,
            double[] weights,
            List<float[]> deltas,
            List<double[]> f1,
            int[] familiarClasses,
            double[] losses) {
        this.vectors = vectors;
        this.weights = weights;
        this.deltas = deltas;
        this.f1 = f1;
        this.familiarClasses = familiarClasses;
        this.losses = losses;
    }

    /** Parses and validates; throws {@link IllegalArgumentException} with a user-facing message. */
    static AggregateInput parse(String json) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("malformed JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) throw new IllegalArgumentException("input must be a JSON object");
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!FIELDS.contains(field)) {
                throw new IllegalArgumentException(
                        "unknown field '" + field + "'; valid: " + String.join(", ", FIELDS));
            }
        }
        List<float[]> vectors = matrix(root.get("vectors"), "vectors")
                .orElseThrow(() -> new IllegalArgumentException("missing field 'vectors'"));
        if (vectors.isEmpty()) throw new IllegalArgumentException("'vectors' is empty");
        int m = vectors.size();
        int d = vectors.get(0).length;
        List<float[]> deltas = matrix(root.get("deltas"), "deltas").orElse(null);
        if (deltas != null) requireShape(deltas, "deltas", m, d);
        double[] weights = numbers(root.get("weights"), "weights").orElse(null);
        if (weights != null) {
            requireLength(weights, "weights", m);
            double sum = 0;
            for (double w : weights) {
                if (w < 0) throw new IllegalArgumentException("weights must be >= 0, got " + w);
                sum += w;
            }
            if (!(sum > 0)) throw new IllegalArgumentException("weights sum to 0");
        }
        List<double[]> f1 = f1(root.get("f1"), m);
        int[] familiar = familiar(root.get("familiarClasses"), f1);
        double[] losses = numbers(root.get("losses"), "losses").orElse(null);
        if (losses != null) requireLength(losses, "losses", m);
        return new AggregateInput(vectors, weights, deltas, f1, familiar, losses);
    }

    private static List<double[]> f1(JsonNode node, int m) {
        if (node == null || node.isNull()) return null;
        if (!node.isArray() || node.size() != m) {
            throw new IllegalArgumentException(
                    "'f1' must hold one array of per-class F1 scores per vector (" + m + ")");
        }
        List<double[]> out = new ArrayList<>();
        for (int k = 0; k < m; k++) {
            double[] row = numbers(node.get(k), "f1[" + k + "]").orElseThrow();
            for (double v : row) {
                if (v < 0 || v > 1)
                    throw new IllegalArgumentException("f1[" + k + "] has a value outside [0, 1]: " + v);
            }
            out.add(row);
        }
        return out;
    }

    private static int[] familiar(JsonNode node, List<double[]> f1) {
        if (node == null || node.isNull()) {
            if (f1 != null) throw new IllegalArgumentException("'f1' needs 'familiarClasses' (the node's classes L_i)");
            return null;
        }
        if (f1 == null) throw new IllegalArgumentException("'familiarClasses' is only used together with 'f1'");
        double[] raw = numbers(node, "familiarClasses").orElseThrow();
        int[] out = new int[raw.length];
        for (int k = 0; k < raw.length; k++) {
            out[k] = (int) raw[k];
            if (out[k] != raw[k] || out[k] < 0) throw new IllegalArgumentException("familiarClasses must be ids >= 0");
            for (double[] row : f1) {
                if (out[k] >= row.length) {
                    throw new IllegalArgumentException("class " + out[k] + " has no F1 score in every 'f1' row");
                }
            }
        }
        if (out.length == 0) throw new IllegalArgumentException("familiarClasses is empty");
        return out;
    }

    private static Optional<List<float[]>> matrix(JsonNode node, String what) {
        if (node == null || node.isNull()) return Optional.empty();
        if (!node.isArray()) throw new IllegalArgumentException("'" + what + "' must be an array of arrays");
        List<float[]> out = new ArrayList<>();
        for (int k = 0; k < node.size(); k++) {
            double[] row = numbers(node.get(k), what + "[" + k + "]").orElseThrow();
            float[] v = new float[row.length];
            for (int e = 0; e < row.length; e++) {
                v[e] = (float) row[e];
                if (!Float.isFinite(v[e])) {
                    throw new IllegalArgumentException(
                            what + "[" + k + "][" + e + "] = " + row[e] + " is not a finite 32-bit float");
                }
            }
            out.add(v);
        }
        if (!out.isEmpty()) requireShape(out, what, out.size(), out.get(0).length);
        return Optional.of(out);
    }

    private static Optional<double[]> numbers(JsonNode node, String what) {
        if (node == null || node.isNull()) return Optional.empty();
        if (!node.isArray()) throw new IllegalArgumentException("'" + what + "' must be an array of numbers");
        double[] out = new double[node.size()];
        for (int k = 0; k < node.size(); k++) {
            JsonNode x = node.get(k);
            if (!x.isNumber()) throw new IllegalArgumentException(what + "[" + k + "] is not a number: " + x);
            out[k] = x.asDouble();
            if (!Double.isFinite(out[k])) throw new IllegalArgumentException(what + "[" + k + "] is not finite");
        }
        return Optional.of(out);
    }

    private static void requireShape(List<float[]> rows, String what, int m, int d) {
        if (rows.size() != m)
            throw new IllegalArgumentException("'" + what + "' has " + rows.size() + " rows, need " + m);
        if (d == 0) throw new IllegalArgumentException(what + "[0] is empty");
        for (int k = 0; k < rows.size(); k++) {
            if (rows.get(k).length != d) {
                throw new IllegalArgumentException("ragged " + what + ": " + what + "[" + k + "] has "
                        + rows.get(k).length + " values, " + what + "[0] has " + d);
            }
        }
    }

    private static void requireLength(double[] xs, String what, int m) {
        if (xs.length != m)
            throw new IllegalArgumentException("'" + what + "' has " + xs.length + " values for " + m + " vectors");
    }
}
