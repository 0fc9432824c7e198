package io.fedp2p.robustness.vector;

import java.util.stream.IntStream;

/**
 * Deterministic data-parallel loops over a coordinate range {@code [0, length)}.
 *
 * <p>The range is cut into chunks of {@link #SIZE} coordinates. Chunk boundaries depend only on {@code length}, and
 * reductions write one partial result per chunk into an index-addressed slot that is then summed in chunk order, so
 * the result is the same bit for bit whether chunks run serially or on the common fork-join pool. Ranges shorter than
 * {@link #PARALLEL_MIN} run on the calling thread. Bodies must only write the part of their outputs that belongs to
 * their own chunk.
 */
public final class Chunks {
    /** Coordinates per chunk: 64 KiB of floats, small enough to stay in a core's L2 cache with a few vectors. */
    public static final int SIZE = 1 << 14;
    /** Ranges below this length run serially: forking costs more than it saves. */
    public static final int PARALLEL_MIN = 1 << 16;

    private Chunks() {}

    /** A loop body over coordinates {@code [from, to)}. */
    @FunctionalInterface
    public interface RangeBody {
        void run(int from, int to);
    }

    /** A reduction over coordinates {@code [from, to)} returning one partial sum. */
    @FunctionalInterface
    public interface RangeSum {
        double sum(int from, int to);
    }

    /** A reduction over coordinates {@code [from, to)} adding {@code width} partial sums into {@code out}. */
    @FunctionalInterface
    public interface RangeSums {
        void sum(int from, int to, double[] out);
    }

    /** Number of chunks a range of {@code length} coordinates is cut into. */
    public static int count(int length) {
        return (length + SIZE - 1) / SIZE;
    }

    /** Runs {@code body} on every chunk of {@code [0, length)}. */
    public static void forEach(int length, RangeBody body) {
        int chunks = count(length);
        if (length < PARALLEL_MIN) {
            for (int c = 0; c < chunks; c++) body.run(c * SIZE, Math.min(length, (c + 1) * SIZE));
        } else {
            IntStream.range(0, chunks).parallel().forEach(c -> body.run(c * SIZE, Math.min(length, (c + 1) * SIZE)));
        }
    }

    /** Sums {@code body}'s partial results over the chunks of {@code [0, length)}, in chunk order. */
    public static double sum(int length, RangeSum body) {
        int chunks = count(length);
        double[] partial = new double[chunks];
        forEach(length, (from, to) -> partial[from / SIZE] = body.sum(from, to));
        double total = 0;
        for (double p : partial) total += p;
        return total;
    }

    /** Sums {@code width} partial results per chunk over the chunks of {@code [0, length)}, in chunk order. */
    public static double[] sums(int length, int width, RangeSums body) {
        int chunks = count(length);
        double[][] partial = new double[chunks][width];
        forEach(length, (from, to) -> body.sum(from, to, partial[from / SIZE]));
        double[] total = new double[width];
        for (double[] p : partial) {
            for (int k = 0; k < width; k++) total[k] += p[k];
        }
        return total;
    }

    /** Runs {@code body} for every index in {@code [0, count)}, in parallel when {@code parallel} is true. */
    public static void forEachIndex(int count, boolean parallel, java.util.function.IntConsumer body) {
        if (parallel && count > 1) {
            IntStream.range(0, count).parallel().forEach(body);
        } else {
            for (int i = 0; i < count; i++) body.accept(i);
        }
    }
}
