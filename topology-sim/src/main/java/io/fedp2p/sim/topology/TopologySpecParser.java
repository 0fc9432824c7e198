package io.fedp2p.sim.topology;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Parses {@link TopologySpec} strings and field sets; every error names the input and lists what is valid. */
final class TopologySpecParser {
    private static final Map<String, List<String>> KEYS = Map.of(
            "ring", List.of("kind"),
            "torus", List.of("kind", "rows", "cols"),
            "random-regular", List.of("kind", "degree"),
            "erdos-renyi", List.of("kind", "p"),
            "small-world", List.of("kind", "degree", "p"),
            "scale-free", List.of("kind", "degree"),
            "complete", List.of("kind"),
            "file", List.of("kind", "file"));

    private static final Map<String, String> FORMS = Map.of(
            "ring", "ring",
            "torus", "torus or torus:ROWSxCOLS",
            "random-regular", "random-regular[:DEGREE]",
            "erdos-renyi", "erdos-renyi:P",
            "small-world", "small-world[:DEGREE[:P]]",
            "scale-free", "scale-free[:DEGREE]",
            "complete", "complete",
            "file", "file:PATH");

    private TopologySpecParser() {}

    static TopologySpec parse(String text) {
        if (text == null || text.isBlank())
            throw new IllegalArgumentException("empty topology; valid kinds: " + kinds());
        String s = text.strip();
        int colon = s.indexOf(':');
        String kind = colon < 0 ? s : s.substring(0, colon);
        checkKind(kind);
        if (kind.equals("file")) {
            if (colon < 0 || colon == s.length() - 1)
                throw new IllegalArgumentException("file topology needs a path: file:PATH");
            return new TopologySpec.FromFile(Path.of(s.substring(colon + 1)));
        }
        String[] params = colon < 0 ? new String[0] : s.substring(colon + 1).split(":", -1);
        int max = (int) FORMS.get(kind).chars().filter(c -> c == ':').count();
        if (params.length > max) {
            throw new IllegalArgumentException(
                    "'" + s + "': " + kind + " takes " + (max == 0 ? "no parameters" : "the form " + FORMS.get(kind)));
        }
        return switch (kind) {
            case "ring" -> new TopologySpec.Ring();
            case "complete" -> new TopologySpec.Complete();
            case "torus" -> params.length == 0 ? TopologySpec.Torus.SQUAREST : torus(params[0], s);
            case "random-regular" -> new TopologySpec.RandomRegular(
                    params.length > 0 ? integer(params[0], "degree", s) : TopologySpec.DEFAULT_DEGREE);
            case "erdos-renyi" -> {
                if (params.length == 0)
                    throw new IllegalArgumentException("'" + s
                            + "': erdos-renyi needs its edge probability: erdos-renyi:P, e.g. erdos-renyi:0.05");
                yield new TopologySpec.ErdosRenyi(real(params[0], "p", s));
            }
            case "small-world" -> new TopologySpec.SmallWorld(
                    params.length > 0 ? integer(params[0], "degree", s) : TopologySpec.DEFAULT_DEGREE,
                    params.length > 1 ? real(params[1], "p", s) : TopologySpec.DEFAULT_REWIRE);
            case "scale-free" -> new TopologySpec.ScaleFree(
                    params.length > 0 ? integer(params[0], "degree", s) : TopologySpec.DEFAULT_DEGREE);
            default -> throw new IllegalStateException("kind without a parser: " + kind);
        };
    }

    static TopologySpec fromFields(Map<String, String> fields) {
        String kind = fields.get("kind");
        if (kind == null) throw new IllegalArgumentException("topology needs a 'kind'; valid kinds: " + kinds());
        checkKind(kind);
        List<String> valid = KEYS.get(kind);
        for (String key : new TreeSet<>(fields.keySet())) {
            if (!valid.contains(key)) {
                throw new IllegalArgumentException(
                        "unknown key '" + key + "' for topology " + kind + "; valid keys: " + String.join(", ", valid));
            }
        }
        String where = "topology " + kind;
        return switch (kind) {
            case "ring" -> new TopologySpec.Ring();
            case "complete" -> new TopologySpec.Complete();
            case "torus" -> {
                if (fields.containsKey("rows") != fields.containsKey("cols"))
                    throw new IllegalArgumentException("torus needs both rows and cols, or neither");
                yield fields.containsKey("rows")
                        ? new TopologySpec.Torus(
                                integer(fields.get("rows"), "rows", where), integer(fields.get("cols"), "cols", where))
                        : TopologySpec.Torus.SQUAREST;
            }
            case "random-regular" -> new TopologySpec.RandomRegular(degree(fields, where));
            case "erdos-renyi" -> {
                if (!fields.containsKey("p"))
                    throw new IllegalArgumentException("erdos-renyi needs its edge probability p, e.g. 0.05");
                yield new TopologySpec.ErdosRenyi(real(fields.get("p"), "p", where));
            }
            case "small-world" -> new TopologySpec.SmallWorld(
                    degree(fields, where),
                    fields.containsKey("p") ? real(fields.get("p"), "p", where) : TopologySpec.DEFAULT_REWIRE);
            case "scale-free" -> new TopologySpec.ScaleFree(degree(fields, where));
            case "file" -> {
                String file = fields.get("file");
                if (file == null || file.isBlank()) throw new IllegalArgumentException("file topology needs a 'file'");
                yield new TopologySpec.FromFile(Path.of(file));
            }
            default -> throw new IllegalStateException("kind without a parser: " + kind);
        };
    }

    private static TopologySpec torus(String param, String whole) {
        String[] rc = param.split("x", -1);
        if (rc.length != 2)
            throw new IllegalArgumentException("'" + whole + "': torus takes ROWSxCOLS, e.g. torus:10x10");
        return new TopologySpec.Torus(integer(rc[0], "rows", whole), integer(rc[1], "cols", whole));
    }

    private static int degree(Map<String, String> fields, String where) {
        return fields.containsKey("degree")
                ? integer(fields.get("degree"), "degree", where)
                : TopologySpec.DEFAULT_DEGREE;
    }

    private static void checkKind(String kind) {
        if (!KEYS.containsKey(kind))
            throw new IllegalArgumentException("unknown topology kind '" + kind + "'; valid kinds: " + kinds());
    }

    private static String kinds() {
        return String.join(", ", TopologySpec.KINDS);
    }

    private static int integer(String value, String name, String where) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + where + "': " + name + " must be an integer, got '" + value + "'");
        }
    }

    private static double real(String value, String name, String where) {
        try {
            double x = Double.parseDouble(value.strip());
            if (!Double.isFinite(x)) throw new NumberFormatException();
            return x;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + where + "': " + name + " must be a number, got '" + value + "'");
        }
    }
}
