package io.fedp2p.node.adapter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The canonical layout of a trainable vector θ (ALGORITHMS.md §0.1): parameters sorted by name, each flattened
 * row-major, concatenated. Immutable and thread-safe.
 */
public final class ParamLayout {
    /** One named tensor inside the vector. */
    public record Entry(String name, long[] shapeArray, int offset, int size) {
        public Entry {
            Objects.requireNonNull(name, "name");
            shapeArray = shapeArray.clone();
        }

        @Override
        public long[] shapeArray() {
            return shapeArray.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Entry e
                    && name.equals(e.name)
                    && Arrays.equals(shapeArray, e.shapeArray)
                    && offset == e.offset
                    && size == e.size;
        }

        @Override
        public int hashCode() {
            return name.hashCode() * 31 + Arrays.hashCode(shapeArray);
        }

        @Override
        public String toString() {
            return name + Arrays.toString(shapeArray) + "@" + offset;
        }
    }

    private final List<Entry> entries;
    private final Map<String, Entry> byName;
    private final int dimension;

    private ParamLayout(List<Entry> entries) {
        this.entries = List.copyOf(entries);
        Map<String, Entry> m = new TreeMap<>();
        for (Entry e : entries) m.put(e.name(), e);
        this.byName = Collections.unmodifiableMap(m);
        this.dimension = entries.isEmpty()
                ? 0
                : entries.get(entries.size() - 1).offset()
                        + entries.get(entries.size() - 1).size();
    }

    /** Builds the canonical layout from name → shape; the order of the map does not matter. */
    public static ParamLayout of(Map<String, long[]> shapes) {
        List<Entry> list = new ArrayList<>();
        int offset = 0;
        for (Map.Entry<String, long[]> e : new TreeMap<>(shapes).entrySet()) {
            long size = 1;
            for (long d : e.getValue()) {
                if (d < 1) throw new IllegalArgumentException("bad shape for " + e.getKey());
                size *= d;
            }
            if (offset + size > Integer.MAX_VALUE) throw new IllegalArgumentException("vector too large");
            list.add(new Entry(e.getKey(), e.getValue(), offset, (int) size));
            offset += (int) size;
        }
        return new ParamLayout(list);
    }

    /** Entries in canonical (sorted-name) order. */
    public List<Entry> entries() {
        return entries;
    }

    /** The entry of a parameter; throws when absent. */
    public Entry entry(String name) {
        Entry e = byName.get(name);
        if (e == null) throw new IllegalArgumentException("no parameter " + name + " in layout " + entries);
        return e;
    }

    public boolean contains(String name) {
        return byName.containsKey(name);
    }

    /** Total number of floats in θ. */
    public int dimension() {
        return dimension;
    }

    /** A copy of one parameter's slice of θ. */
    public float[] slice(float[] theta, String name) {
        checkLength(theta);
        Entry e = entry(name);
        return Arrays.copyOfRange(theta, e.offset(), e.offset() + e.size());
    }

    /** Writes one parameter's values into θ. */
    public void put(float[] theta, String name, float[] values) {
        checkLength(theta);
        Entry e = entry(name);
        if (values.length != e.size()) {
            throw new IllegalArgumentException(name + ": expected " + e.size() + " values, got " + values.length);
        }
        System.arraycopy(values, 0, theta, e.offset(), e.size());
    }

    /** Throws naming both lengths when θ does not fit this layout. */
    public void checkLength(float[] theta) {
        if (theta.length != dimension) {
            throw new IllegalArgumentException("vector has " + theta.length + " values, layout needs " + dimension);
        }
    }

    /** A stable text form, {@code name[shape];...}, stored in adapter files and hashed. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        for (Entry e : entries)
            sb.append(e.name()).append(Arrays.toString(e.shapeArray())).append(';');
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParamLayout l && entries.equals(l.entries);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }

    @Override
    public String toString() {
        return describe();
    }
}
