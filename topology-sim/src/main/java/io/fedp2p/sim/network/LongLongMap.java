package io.fedp2p.sim.network;

import java.util.Arrays;

/**
 * An open-addressing map from {@code long} to {@code long} without boxing, for per-link state keyed by {@code from·n +
 * to} (hundreds of thousands of links at 10,000 nodes). Lookups only; never iterated, so its layout cannot influence a
 * run. Not thread-safe.
 */
final class LongLongMap {
    private static final long EMPTY = Long.MIN_VALUE;

    private long[] keys;
    private long[] values;
    private int size;

    LongLongMap() {
        keys = new long[64];
        values = new long[64];
        Arrays.fill(keys, EMPTY);
    }

    /** The value of {@code key}, or {@code missing}. Keys must not be {@code Long.MIN_VALUE}. */
    long get(long key, long missing) {
        int mask = keys.length - 1;
        for (int i = slot(key, mask); ; i = (i + 1) & mask) {
            long k = keys[i];
            if (k == key) return values[i];
            if (k == EMPTY) return missing;
        }
    }

    void put(long key, long value) {
        if (key == EMPTY) throw new IllegalArgumentException("reserved key");
        if (2 * (size + 1) > keys.length) grow();
        int mask = keys.length - 1;
        for (int i = slot(key, mask); ; i = (i + 1) & mask) {
            long k = keys[i];
            if (k == key) {
                values[i] = value;
                return;
            }
            if (k == EMPTY) {
                keys[i] = key;
                values[i] = value;
                size++;
                return;
            }
        }
    }

    int size() {
        return size;
    }

    private static int slot(long key, int mask) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    private void grow() {
        long[] ok = keys;
        long[] ov = values;
        keys = new long[ok.length * 2];
        values = new long[ok.length * 2];
        Arrays.fill(keys, EMPTY);
        size = 0;
        for (int i = 0; i < ok.length; i++) if (ok[i] != EMPTY) put(ok[i], ov[i]);
    }
}
