package io.fedp2p.node.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Splits a pool of sample indices among n nodes according to a {@link PartitionSpec}, using only the given RNG.
 * Every node gets at least one sample: when a draw leaves a node empty, samples move to it from the largest node
 * (SPEC-GAP: the issue does not say how to handle empty Dirichlet draws; resampling until non-empty can loop for
 * 1,000 nodes, so fedp2p tops up deterministically).
 */
public final class Partitioner {
    private Partitioner() {}

    /**
     * @param pool sample indices to distribute (into the training table)
     * @param labels label of every sample of the training table
     * @param numClasses C
     * @param nodes n ≥ 1, at most pool size
     */
    public static Partition split(
            PartitionSpec spec, int[] pool, int[] labels, int numClasses, int nodes, RandomGenerator rng) {
        if (nodes < 1) throw new IllegalArgumentException("need at least one node");
        if (pool.length < nodes) {
            throw new IllegalArgumentException(pool.length + " samples cannot be split among " + nodes + " nodes");
        }
        List<List<Integer>> parts;
        if (spec instanceof PartitionSpec.Iid) {
            parts = iid(pool, nodes, rng);
        } else if (spec instanceof PartitionSpec.Dirichlet d) {
            parts = dirichlet(pool, labels, numClasses, nodes, d.alpha(), rng);
        } else if (spec instanceof PartitionSpec.Shards s) {
            parts = shards(pool, labels, nodes, s.classesPerNode(), rng);
        } else if (spec instanceof PartitionSpec.QuantitySkew q) {
            parts = quantity(pool, nodes, q.alpha(), rng);
        } else {
            throw new IllegalArgumentException("unknown partition " + spec);
        }
        fillEmpty(parts);
        int[][] out = new int[nodes][];
        for (int i = 0; i < nodes; i++) {
            out[i] = parts.get(i).stream().mapToInt(Integer::intValue).sorted().toArray();
        }
        return new Partition(spec, out);
    }

    private static List<List<Integer>> empty(int nodes) {
        List<List<Integer>> parts = new ArrayList<>(nodes);
        for (int i = 0; i < nodes; i++) parts.add(new ArrayList<>());
        return parts;
    }

    private static List<List<Integer>> iid(int[] pool, int nodes, RandomGenerator rng) {
        int[] p = pool.clone();
        Sampling.shuffle(p, rng);
        return cut(p, Sampling.evenSizes(p.length, nodes));
    }

    private static List<List<Integer>> quantity(int[] pool, int nodes, double alpha, RandomGenerator rng) {
        int[] p = pool.clone();
        Sampling.shuffle(p, rng);
        double[] props = Sampling.dirichlet(nodes, alpha, rng);
        return cut(p, Sampling.sizesFromProportions(p.length, props));
    }

    private static List<List<Integer>> dirichlet(
            int[] pool, int[] labels, int numClasses, int nodes, double alpha, RandomGenerator rng) {
        List<List<Integer>> parts = empty(nodes);
        for (int c = 0; c < numClasses; c++) {
            final int cls = c;
            int[] ofClass = Arrays.stream(pool).filter(i -> labels[i] == cls).toArray();
            Sampling.shuffle(ofClass, rng);
            double[] props = Sampling.dirichlet(nodes, alpha, rng);
            int[] sizes = Sampling.sizesFromProportions(ofClass.length, props);
            int k = 0;
            for (int i = 0; i < nodes; i++) {
                for (int j = 0; j < sizes[i]; j++) parts.get(i).add(ofClass[k++]);
            }
        }
        return parts;
    }

    private static List<List<Integer>> shards(int[] pool, int[] labels, int nodes, int k, RandomGenerator rng) {
        Integer[] sorted = Arrays.stream(pool).boxed().toArray(Integer[]::new);
        Arrays.sort(sorted, (a, b) -> labels[a] != labels[b] ? Integer.compare(labels[a], labels[b]) : a.compareTo(b));
        int shardCount = nodes * k;
        if (shardCount > pool.length)
            throw new IllegalArgumentException("too few samples for " + shardCount + " shards");
        int[] shardSizes = Sampling.evenSizes(pool.length, shardCount);
        int[] order = new int[shardCount];
        Arrays.setAll(order, i -> i);
        Sampling.shuffle(order, rng);
        int[] start = new int[shardCount + 1];
        for (int s = 0; s < shardCount; s++) start[s + 1] = start[s] + shardSizes[s];
        List<List<Integer>> parts = empty(nodes);
        for (int i = 0; i < nodes; i++) {
            for (int j = 0; j < k; j++) {
                int s = order[i * k + j];
                for (int x = start[s]; x < start[s + 1]; x++) parts.get(i).add(sorted[x]);
            }
        }
        return parts;
    }

    private static List<List<Integer>> cut(int[] shuffled, int[] sizes) {
        List<List<Integer>> parts = empty(sizes.length);
        int k = 0;
        for (int i = 0; i < sizes.length; i++) {
            for (int j = 0; j < sizes[i]; j++) parts.get(i).add(shuffled[k++]);
        }
        return parts;
    }

    /** Moves one sample at a time from the largest node (lowest index on ties) to each empty node. */
    private static void fillEmpty(List<List<Integer>> parts) {
        for (int i = 0; i < parts.size(); i++) {
            if (!parts.get(i).isEmpty()) continue;
            int largest = 0;
            for (int j = 1; j < parts.size(); j++) {
                if (parts.get(j).size() > parts.get(largest).size()) largest = j;
            }
            List<Integer> donor = parts.get(largest);
            parts.get(i).add(donor.remove(donor.size() - 1));
        }
    }
}
