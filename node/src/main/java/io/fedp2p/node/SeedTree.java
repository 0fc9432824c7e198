package io.fedp2p.node;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * Derives independent, reproducible random streams from one run seed (STYLE.md §2.6, ALGORITHMS.md §0.1).
 *
 * <p>Each purpose ("partition", "node", "attack", ...) and index gets its own {@code L64X128MixRandom} stream, so
 * adding draws for one purpose never shifts another's. Frozen adapter matrices are network-wide constants: use
 * {@link #frozen(String)}, which depends on the layer name only, never on a node.
 *
 * <p>Immutable and thread-safe; every call returns a new generator that the caller owns (generators themselves are
 * not thread-safe).
 */
public record SeedTree(long root) {
    private static final RandomGeneratorFactory<RandomGenerator> FACTORY =
            RandomGeneratorFactory.of("L64X128MixRandom");

    /** A stream for one purpose and index, e.g. {@code rng("node", 17)} or {@code rng("topology", 0)}. */
    public RandomGenerator rng(String purpose, int index) {
        return FACTORY.create(seed(purpose, index));
    }

    /** The 64-bit seed behind {@link #rng(String, int)}. */
    public long seed(String purpose, int index) {
        Objects.requireNonNull(purpose, "purpose");
        return mix(mix(root ^ stableHash(purpose)) + index);
    }

    /**
     * The network-wide stream of a frozen matrix, seeded by {@code hash(globalSeed, "frozen", layerName)}
     * (ALGORITHMS.md §0.1): identical on every node, different for every layer and matrix name.
     */
    public RandomGenerator frozen(String layerName) {
        return FACTORY.create(mix(mix(root ^ stableHash("frozen")) ^ stableHash(layerName)));
    }

    /** A child tree, for a sub-system that derives its own purposes. */
    public SeedTree child(String purpose, int index) {
        return new SeedTree(seed(purpose, index));
    }

    /** SplitMix64 finaliser. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** FNV-1a over UTF-8 bytes: stable across JVMs and releases. */
    static long stableHash(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return mix(h);
    }
}
