package io.fedp2p.sim.topology;

import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * An immutable simple undirected graph on the vertices {@code 0 .. n-1}, stored as compressed sparse rows (CSR): the
 * neighbours of every vertex are kept sorted ascending, so every iteration over them is in index order and never
 * depends on hash order (STYLE.md §2.6).
 *
 * <p>Besides the graph this type answers what a gossiping node needs from its topology: its neighbours, degrees and
 * the Metropolis–Hastings mixing weights of ALGORITHMS.md §0.1, {@code W[i][j] = 1/(1+max(deg_i,deg_j))} for
 * neighbours and {@code W[i][i] = 1 − Σ_j W[i][j]}. Weights are computed on demand from the two degrees, so a row
 * costs nothing to store and W is exactly symmetric.
 *
 * <p>Build one with {@link #builder(int)}, a generator in {@link TopologyGenerators}, a {@link TopologySpec}, or
 * {@link JGraphTAdapter#fromGraph}. Instances are immutable and safe to share between threads.
 */
public final class Topology {
    private final int[] offsets; // length n+1; row i is adjacency[offsets[i] .. offsets[i+1])
    private final int[] adjacency; // sorted ascending within each row; every edge appears twice

    private Topology(int[] offsets, int[] adjacency) {
        this.offsets = offsets;
        this.adjacency = adjacency;
    }

    /** A builder for a graph on {@code n} vertices ({@code n >= 1}). */
    public static Builder builder(int n) {
        return new Builder(n);
    }

    /** Number of vertices n. */
    public int size() {
        return offsets.length - 1;
    }

    /** Number of undirected edges. */
    public int edgeCount() {
        return adjacency.length / 2;
    }

    /** Degree of vertex {@code i}. */
    public int degree(int i) {
        checkVertex(i);
        return offsets[i + 1] - offsets[i];
    }

    /** The neighbours of {@code i}, sorted ascending (a fresh copy). */
    public int[] neighbours(int i) {
        checkVertex(i);
        return Arrays.copyOfRange(adjacency, offsets[i], offsets[i + 1]);
    }

    /** The {@code k}-th smallest neighbour of {@code i}, {@code 0 <= k < degree(i)}; no copy. */
    public int neighbour(int i, int k) {
        int d = degree(i);
        if (k < 0 || k >= d)
            throw new IndexOutOfBoundsException("neighbour " + k + " of vertex " + i + ", degree " + d);
        return adjacency[offsets[i] + k];
    }

    /** Whether {@code i} and {@code j} are adjacent ({@code false} for {@code i == j}); binary search, O(log deg). */
    public boolean hasEdge(int i, int j) {
        checkVertex(i);
        checkVertex(j);
        return Arrays.binarySearch(adjacency, offsets[i], offsets[i + 1], j) >= 0;
    }

    /** Smallest degree (0 for an edgeless graph). */
    public int minDegree() {
        int min = Integer.MAX_VALUE;
        for (int i = 0; i < size(); i++) min = Math.min(min, offsets[i + 1] - offsets[i]);
        return min;
    }

    /** Largest degree. */
    public int maxDegree() {
        int max = 0;
        for (int i = 0; i < size(); i++) max = Math.max(max, offsets[i + 1] - offsets[i]);
        return max;
    }

    /** Mean degree, {@code 2·edges / n}. */
    public double meanDegree() {
        return adjacency.length / (double) size();
    }

    /**
     * The Metropolis–Hastings weight {@code W[i][j]} (ALGORITHMS.md §0.1): {@code 1/(1+max(deg_i,deg_j))} for
     * neighbours, {@link #selfWeight(int)} for {@code i == j}, 0 otherwise.
     */
    public double metropolisWeight(int i, int j) {
        if (i == j) return selfWeight(i);
        return hasEdge(i, j) ? edgeWeight(i, j) : 0.0;
    }

    /** {@code W[i][i] = 1 − Σ_{j∈N_i} W[i][j]}, the sum taken over neighbours in ascending order. */
    public double selfWeight(int i) {
        checkVertex(i);
        double sum = 0.0;
        for (int p = offsets[i]; p < offsets[i + 1]; p++) sum += edgeWeight(i, adjacency[p]);
        return 1.0 - sum;
    }

    /** The weights {@code W[i][j]} for the neighbours {@code j} of {@code i}, aligned with {@link #neighbours(int)}. */
    public double[] metropolisWeights(int i) {
        checkVertex(i);
        double[] w = new double[offsets[i + 1] - offsets[i]];
        for (int k = 0; k < w.length; k++) w[k] = edgeWeight(i, adjacency[offsets[i] + k]);
        return w;
    }

    /** The edges as pairs {@code {u, v}} with {@code u < v}, in ascending lexicographic order. */
    public int[][] edges() {
        int[][] out = new int[edgeCount()][];
        int e = 0;
        for (int u = 0; u < size(); u++) {
            for (int p = offsets[u]; p < offsets[u + 1]; p++) {
                if (adjacency[p] > u) out[e++] = new int[] {u, adjacency[p]};
            }
        }
        return out;
    }

    /** Whether every vertex can reach every other (a single vertex is connected). */
    public boolean isConnected() {
        for (int d : distancesFrom(0)) if (d < 0) return false;
        return true;
    }

    /** Hop distances from {@code source} by breadth-first search; -1 for unreachable vertices. */
    public int[] distancesFrom(int source) {
        checkVertex(source);
        int[] dist = new int[size()];
        Arrays.fill(dist, -1);
        dist[source] = 0;
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        queue.add(source);
        while (!queue.isEmpty()) {
            int u = queue.poll();
            for (int p = offsets[u]; p < offsets[u + 1]; p++) {
                int v = adjacency[p];
                if (dist[v] < 0) {
                    dist[v] = dist[u] + 1;
                    queue.add(v);
                }
            }
        }
        return dist;
    }

    /**
     * The same graph with vertex {@code v} renamed {@code permutation[v]}; {@code permutation} must be a permutation
     * of {@code 0 .. n-1}.
     */
    public Topology relabel(int[] permutation) {
        if (permutation.length != size())
            throw new IllegalArgumentException(
                    "permutation of length " + permutation.length + " for " + size() + " vertices");
        boolean[] seen = new boolean[size()];
        for (int v : permutation) {
            if (v < 0 || v >= size() || seen[v])
                throw new IllegalArgumentException("not a permutation of 0.." + (size() - 1));
            seen[v] = true;
        }
        Builder b = builder(size());
        for (int[] e : edges()) b.addEdge(permutation[e[0]], permutation[e[1]]);
        return b.build();
    }

    // W[i][j] for an edge (i, j): the formula of ALGORITHMS.md §0.1, symmetric by construction.
    double edgeWeight(int i, int j) {
        return 1.0 / (1 + Math.max(offsets[i + 1] - offsets[i], offsets[j + 1] - offsets[j]));
    }

    int rowStart(int i) {
        return offsets[i];
    }

    int rowEnd(int i) {
        return offsets[i + 1];
    }

    int adjacencyAt(int p) {
        return adjacency[p];
    }

    private void checkVertex(int i) {
        if (i < 0 || i >= size()) throw new IndexOutOfBoundsException("vertex " + i + " not in 0.." + (size() - 1));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Topology t && Arrays.equals(offsets, t.offsets) && Arrays.equals(adjacency, t.adjacency);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(offsets) + Arrays.hashCode(adjacency);
    }

    @Override
    public String toString() {
        return "Topology[n=" + size() + ", edges=" + edgeCount() + ", degree " + minDegree() + ".." + maxDegree() + "]";
    }

    /**
     * Collects undirected edges, then builds the CSR form. Repeated edges (in either direction) are merged; self-loops
     * and out-of-range vertices are rejected. Not thread-safe.
     */
    public static final class Builder {
        /** The CSR array holds every edge twice in one {@code int[]}. */
        public static final int MAX_EDGES = 1 << 29;

        private final int n;
        private int[] us = new int[16];
        private int[] vs = new int[16];
        private int count;

        private Builder(int n) {
            if (n < 1) throw new IllegalArgumentException("a topology needs at least one vertex, got " + n);
            this.n = n;
        }

        /** Adds the undirected edge {@code {u, v}}; adding it again (either way round) has no further effect. */
        public Builder addEdge(int u, int v) {
            if (u < 0 || u >= n || v < 0 || v >= n)
                throw new IllegalArgumentException("edge " + u + "-" + v + " outside 0.." + (n - 1));
            if (u == v) throw new IllegalArgumentException("self-loop at vertex " + u);
            if (count == MAX_EDGES) throw new IllegalArgumentException("more than " + MAX_EDGES + " edges");
            if (count == us.length) {
                us = Arrays.copyOf(us, 2 * count);
                vs = Arrays.copyOf(vs, 2 * count);
            }
            us[count] = u;
            vs[count] = v;
            count++;
            return this;
        }

        /** The graph built so far. */
        public Topology build() {
            int[] degree = new int[n];
            for (int e = 0; e < count; e++) {
                degree[us[e]]++;
                degree[vs[e]]++;
            }
            int[] start = new int[n + 1];
            for (int i = 0; i < n; i++) start[i + 1] = start[i] + degree[i];
            int[] fill = Arrays.copyOf(start, n);
            int[] raw = new int[start[n]];
            for (int e = 0; e < count; e++) {
                raw[fill[us[e]]++] = vs[e];
                raw[fill[vs[e]]++] = us[e];
            }
            return compact(start, raw);
        }

        // Sorts every row and drops repeated neighbours.
        private Topology compact(int[] start, int[] raw) {
            int[] offsets = new int[n + 1];
            int out = 0;
            for (int i = 0; i < n; i++) {
                Arrays.sort(raw, start[i], start[i + 1]);
                offsets[i] = out;
                for (int p = start[i]; p < start[i + 1]; p++) {
                    if (p == start[i] || raw[p] != raw[p - 1]) raw[out++] = raw[p];
                }
            }
            offsets[n] = out;
            return new Topology(offsets, Arrays.copyOf(raw, out));
        }
    }
}
