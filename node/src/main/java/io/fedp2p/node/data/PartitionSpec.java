package io.fedp2p.node.data;

import java.util.Locale;

/**
 * How the non-public training data is split among nodes. Parsed from the CLI form {@code iid}, {@code dirichlet:A},
 * {@code shards:K} or {@code quantity:A}.
 */
public sealed interface PartitionSpec
        permits PartitionSpec.Iid, PartitionSpec.Dirichlet, PartitionSpec.Shards, PartitionSpec.QuantitySkew {

    /** Uniformly shuffled, equal sizes (±1). */
    record Iid() implements PartitionSpec {
        @Override
        public String toString() {
            return "iid";
        }
    }

    /** Per class, proportions over nodes drawn from Dirichlet(α·1): small α, strong label skew. */
    record Dirichlet(double alpha) implements PartitionSpec {
        public Dirichlet {
            if (!(alpha > 0) || !Double.isFinite(alpha))
                throw new IllegalArgumentException("dirichlet alpha must be > 0");
        }

        @Override
        public String toString() {
            return "dirichlet:" + alpha;
        }
    }

    /** Sort by label, cut into n·k equal shards, give each node k random shards (about k classes per node). */
    record Shards(int classesPerNode) implements PartitionSpec {
        public Shards {
            if (classesPerNode < 1) throw new IllegalArgumentException("shards: k must be >= 1");
        }

        @Override
        public String toString() {
            return "shards:" + classesPerNode;
        }
    }

    /** IID labels, node sizes proportional to a Dirichlet(α·1) draw: small α, strong quantity skew. */
    record QuantitySkew(double alpha) implements PartitionSpec {
        public QuantitySkew {
            if (!(alpha > 0) || !Double.isFinite(alpha))
                throw new IllegalArgumentException("quantity alpha must be > 0");
        }

        @Override
        public String toString() {
            return "quantity:" + alpha;
        }
    }

    /** Parses {@code iid}, {@code dirichlet:0.5}, {@code shards:2}, {@code quantity:1.0}. */
    static PartitionSpec parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        int colon = t.indexOf(':');
        String name = colon < 0 ? t : t.substring(0, colon);
        String arg = colon < 0 ? null : t.substring(colon + 1);
        try {
            switch (name) {
                case "iid":
                    if (arg != null) break;
                    return new Iid();
                case "dirichlet":
                    return new Dirichlet(Double.parseDouble(require(arg, text)));
                case "shards":
                    return new Shards(Integer.parseInt(require(arg, text)));
                case "quantity":
                    return new QuantitySkew(Double.parseDouble(require(arg, text)));
                default:
                    break;
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad number in partition '" + text + "'", e);
        }
        throw new IllegalArgumentException(
                "unknown partition '" + text + "'; valid: iid, dirichlet:ALPHA, shards:K, quantity:ALPHA");
    }

    private static String require(String arg, String text) {
        if (arg == null || arg.isEmpty()) throw new IllegalArgumentException("partition '" + text + "' needs a value");
        return arg;
    }
}
