package io.fedp2p.robustness;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code key=value} parameters of a named defence or attack ({@code krum:f=2}, {@code alie:z=1.5}), checked
 * against the keys the name accepts. Unknown keys and malformed values throw {@link IllegalArgumentException} with a
 * message naming the valid keys or the expected form.
 */
public final class SpecParams {
    private final String owner;
    private final Map<String, String> values;

    private SpecParams(String owner, Map<String, String> values) {
        this.owner = owner;
        this.values = values;
    }

    /** Parameters of {@code owner}; throws if a key is not in {@code validKeys}. */
    public static SpecParams of(String owner, Map<String, String> params, List<String> validKeys) {
        TreeMap<String, String> copy = new TreeMap<>();
        for (Map.Entry<String, String> e : params.entrySet()) {
            String key = e.getKey().trim().toLowerCase(Locale.ROOT);
            if (!validKeys.contains(key)) {
                throw new IllegalArgumentException("unknown key '" + e.getKey() + "' for " + owner + "; valid keys: "
                        + (validKeys.isEmpty() ? "(none)" : String.join(", ", validKeys)));
            }
            copy.put(key, e.getValue().trim());
        }
        return new SpecParams(owner, Collections.unmodifiableMap(copy));
    }

    /** Splits {@code name[:k=v[,k=v...]]} into the name and an ordered key → value map. */
    public static Map.Entry<String, Map<String, String>> split(String text) {
        String t = text.trim();
        int colon = t.indexOf(':');
        String name = (colon < 0 ? t : t.substring(0, colon)).trim().toLowerCase(Locale.ROOT);
        Map<String, String> params = new TreeMap<>();
        if (colon >= 0 && colon < t.length() - 1) {
            for (String part : t.substring(colon + 1).split(",")) {
                int eq = part.indexOf('=');
                if (eq <= 0)
                    throw new IllegalArgumentException("expected key=value in '" + text + "', got '" + part + "'");
                String key = part.substring(0, eq).trim();
                if (params.put(key, part.substring(eq + 1).trim()) != null) {
                    throw new IllegalArgumentException("key '" + key + "' given twice in '" + text + "'");
                }
            }
        }
        return Map.entry(name, params);
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    public String text(String key, String fallback) {
        return values.getOrDefault(key, fallback);
    }

    public int integer(String key, int fallback) {
        String v = values.get(key);
        if (v == null) return fallback;
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(owner + ": " + key + " must be an integer, got '" + v + "'");
        }
    }

    public long longValue(String key, long fallback) {
        String v = values.get(key);
        if (v == null) return fallback;
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(owner + ": " + key + " must be an integer, got '" + v + "'");
        }
    }

    public double decimal(String key, double fallback) {
        String v = values.get(key);
        if (v == null) return fallback;
        try {
            double d = Double.parseDouble(v);
            if (Double.isNaN(d)) throw new NumberFormatException();
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(owner + ": " + key + " must be a number, got '" + v + "'");
        }
    }

    /** {@code on|off|true|false}. */
    public boolean flag(String key, boolean fallback) {
        String v = values.get(key);
        if (v == null) return fallback;
        switch (v.toLowerCase(Locale.ROOT)) {
            case "on", "true", "yes" -> {
                return true;
            }
            case "off", "false", "no" -> {
                return false;
            }
            default -> throw new IllegalArgumentException(owner + ": " + key + " must be on or off, got '" + v + "'");
        }
    }

    /** One of {@code allowed} (lower case). */
    public String choice(String key, String fallback, List<String> allowed) {
        String v = values.getOrDefault(key, fallback).toLowerCase(Locale.ROOT);
        if (!allowed.contains(v)) {
            throw new IllegalArgumentException(
                    owner + ": " + key + " must be one of " + String.join(", ", allowed) + ", got '" + v + "'");
        }
        return v;
    }
}
