package io.fedp2p.sim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fedp2p.sim.network.Quantities;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * One map of a scenario file being read: typed getters that remember which keys were asked for, so that {@link
 * #finish()} can refuse the keys nobody asked for. Every error is a {@link ScenarioException} naming the dotted key.
 */
final class Section {
    private final String prefix;
    private final ObjectNode node;
    private final Set<String> known = new TreeSet<>();

    Section(String prefix, JsonNode node) {
        this.prefix = prefix;
        if (node == null || node.isNull() || node.isMissingNode()) {
            this.node = JsonNodeFactory.instance.objectNode();
        } else if (node.isObject()) {
            this.node = (ObjectNode) node;
        } else {
            throw new ScenarioException(
                    prefix.isEmpty() ? "" : prefix.substring(0, prefix.length() - 1), "expected a map of settings");
        }
    }

    String path(String key) {
        return prefix + key;
    }

    boolean has(String key) {
        known.add(key);
        JsonNode v = node.get(key);
        return v != null && !v.isNull();
    }

    private JsonNode value(String key) {
        known.add(key);
        JsonNode v = node.get(key);
        return v == null || v.isNull() ? null : v;
    }

    String string(String key, String def) {
        JsonNode v = value(key);
        if (v == null) return def;
        if (!v.isValueNode()) throw new ScenarioException(path(key), "must be a single value");
        return v.asText();
    }

    long integer(String key, long def, long min, long max) {
        JsonNode v = value(key);
        if (v == null) return def;
        if (!v.isIntegralNumber() && !(v.isTextual() && v.asText().strip().matches("-?[0-9]+"))) {
            throw new ScenarioException(path(key), "must be a whole number, got '" + v.asText() + "'");
        }
        long x = v.isIntegralNumber() ? v.asLong() : Long.parseLong(v.asText().strip());
        if (x < min || x > max) throw new ScenarioException(path(key), "must be in " + min + ".." + max + ", got " + x);
        return x;
    }

    double number(String key, double def, double min, double max) {
        JsonNode v = value(key);
        if (v == null) return def;
        double x;
        if (v.isNumber()) {
            x = v.asDouble();
        } else {
            try {
                x = Double.parseDouble(v.asText().strip());
            } catch (NumberFormatException e) {
                throw new ScenarioException(path(key), "must be a number, got '" + v.asText() + "'");
            }
        }
        if (!(x >= min && x <= max))
            throw new ScenarioException(path(key), "must be in [" + min + ", " + max + "], got " + x);
        return x;
    }

    boolean bool(String key, boolean def) {
        JsonNode v = value(key);
        if (v == null) return def;
        if (v.isBoolean()) return v.asBoolean();
        String t = v.asText().strip();
        if (t.equals("true") || t.equals("false")) return Boolean.parseBoolean(t);
        throw new ScenarioException(path(key), "must be true or false, got '" + t + "'");
    }

    Duration duration(String key, Duration def) {
        return parsed(key, def, Quantities::duration);
    }

    /** A value parsed from its text by {@code parser}; the parser's IllegalArgumentException names the key. */
    <T> T parsed(String key, T def, Function<String, T> parser) {
        String text = string(key, null);
        if (text == null) return def;
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException e) {
            throw new ScenarioException(path(key), e.getMessage(), e);
        }
    }

    /** A list of scalars (a single scalar counts as a one-element list). */
    List<String> strings(String key) {
        JsonNode v = value(key);
        List<String> out = new ArrayList<>();
        if (v == null) return out;
        if (v.isValueNode()) {
            for (String s : v.asText().split(",")) if (!s.isBlank()) out.add(s.strip());
            return out;
        }
        if (!v.isArray()) throw new ScenarioException(path(key), "must be a list");
        for (JsonNode x : v) {
            if (!x.isValueNode()) throw new ScenarioException(path(key), "list entries must be single values");
            out.add(x.asText().strip());
        }
        return out;
    }

    Section section(String key) {
        return new Section(path(key) + ".", value(key));
    }

    /** The entries of a list of maps. */
    List<Section> sections(String key) {
        JsonNode v = value(key);
        List<Section> out = new ArrayList<>();
        if (v == null) return out;
        if (!v.isArray()) throw new ScenarioException(path(key), "must be a list");
        int i = 0;
        for (JsonNode x : v) out.add(new Section(path(key) + "[" + i++ + "].", x));
        return out;
    }

    /** Refuses keys that no getter asked for, naming the first and listing the valid ones. */
    void finish() {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String k = names.next();
            if (!known.contains(k)) {
                throw new ScenarioException(path(k), "unknown key; valid keys here: " + String.join(", ", known));
            }
        }
    }

    ScenarioException error(String key, String message) {
        return new ScenarioException(path(key), message);
    }
}
