package io.fedp2p.sim.topology;

import java.util.Random;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.jgrapht.Graph;
import org.jgrapht.generate.BarabasiAlbertGraphGenerator;
import org.jgrapht.generate.CompleteGraphGenerator;
import org.jgrapht.generate.GnpRandomGraphGenerator;
import org.jgrapht.generate.GraphGenerator;
import org.jgrapht.generate.RandomRegularGraphGenerator;
import org.jgrapht.generate.RingGraphGenerator;
import org.jgrapht.generate.WattsStrogatzGraphGenerator;
import org.jgrapht.graph.DefaultEdge;

/**
 * The topology families of issue 7, on vertices {@code 0 .. n-1}. Random families take a {@link RandomGenerator}
 * (STYLE.md §2.6); JGraphT's generators want a {@code java.util.Random}, so each call seeds one with a single
 * {@code rng.nextLong()} and hands it to JGraphT: the same generator state gives the same graph.
 *
 * <p>Every family promises a connected simple graph. Erdős–Rényi and Watts–Strogatz draws are repeated (from the
 * same stream) until connected, at most {@link #MAX_ATTEMPTS} times; random regular graphs likewise. Bad parameters
 * throw {@link IllegalArgumentException} with a message naming the constraint.
 */
public final class TopologyGenerators {
    /** How many draws a "resample until connected" family makes before giving up. */
    public static final int MAX_ATTEMPTS = 100;

    private TopologyGenerators() {}

    /** The cycle 0-1-…-(n−1)-0; every degree is 2. Needs {@code n >= 3}. */
    public static Topology ring(int n) {
        require(n >= 3, "a ring needs at least 3 nodes, got " + n);
        return fromJGraphT(new RingGraphGenerator<>(n));
    }

    /** Largest complete graph built (about 12.5 million edges; JGraphT keeps an object per edge). */
    public static final int MAX_COMPLETE_NODES = 5000;

    /** The complete graph K_n; every degree is n−1. Needs {@code 2 <= n <= MAX_COMPLETE_NODES}. */
    public static Topology complete(int n) {
        require(n >= 2, "a complete graph needs at least 2 nodes, got " + n);
        require(n <= MAX_COMPLETE_NODES, "complete graphs are limited to " + MAX_COMPLETE_NODES + " nodes, got " + n);
        return fromJGraphT(new CompleteGraphGenerator<>(n));
    }

    /**
     * The 2-D torus {@code rows × cols} (a grid with wrap-around); vertex {@code r·cols + c} sits at row r, column c
     * and every degree is 4. Needs {@code rows, cols >= 3} (smaller sides would repeat edges).
     */
    public static Topology torus(int rows, int cols) {
        require(rows >= 3 && cols >= 3, "a torus needs at least 3 rows and 3 columns, got " + rows + "x" + cols);
        require((long) rows * cols <= Integer.MAX_VALUE, "torus too large: " + rows + "x" + cols);
        Topology.Builder b = Topology.builder(rows * cols);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int v = r * cols + c;
                b.addEdge(v, r * cols + (c + 1) % cols);
                b.addEdge(v, ((r + 1) % rows) * cols + c);
            }
        }
        return b.build();
    }

    /**
     * The rows of the squarest torus on n nodes: the largest divisor {@code r <= √n} of n with {@code r >= 3} and
     * {@code n/r >= 3}.
     *
     * @throws IllegalArgumentException when n has no such factorisation (for example a prime)
     */
    public static int squarestTorusRows(int n) {
        for (int r = (int) Math.sqrt(n); r >= 3; r--) {
            if (n % r == 0 && n / r >= 3) return r;
        }
        throw new IllegalArgumentException("a torus needs nodes = rows x cols with rows, cols >= 3; " + n
                + " has no such factorisation (try 9, 12, 16, 100, ...)");
    }

    /**
     * A uniformly drawn connected simple d-regular graph (JGraphT's pairing-model generator, redrawn while
     * disconnected; for d = 2 a uniformly relabelled ring, which is the same distribution without the waste).
     * Needs {@code 2 <= d < n} and {@code n·d} even.
     */
    public static Topology randomRegular(int n, int d, RandomGenerator rng) {
        require(d >= 2, "random-regular needs degree >= 2 to be connected, got " + d);
        require(d < n, "random-regular needs degree < nodes, got degree " + d + " for " + n + " nodes");
        require(((long) n * d) % 2 == 0, "random-regular needs nodes x degree even, got " + n + " x " + d);
        // SPEC-GAP: a connected 2-regular graph is a Hamiltonian cycle, and the pairing model rarely draws one for
        // large n (probability about sqrt(pi/n)); a uniformly relabelled ring has exactly the conditional distribution.
        if (d == 2) return ring(n).relabel(Permutations.uniform(n, rng));
        Random jdk = new Random(rng.nextLong());
        return untilConnected(
                "random-regular (n=" + n + ", d=" + d + ")",
                () -> fromJGraphT(new RandomRegularGraphGenerator<>(n, d, jdk)));
    }

    /**
     * An Erdős–Rényi G(n, p) graph (JGraphT's {@code GnpRandomGraphGenerator}), redrawn until connected. Needs
     * {@code n >= 2} and {@code 0 < p <= 1}; p well above {@code ln(n)/n} keeps the redraws few.
     */
    public static Topology erdosRenyi(int n, double p, RandomGenerator rng) {
        require(n >= 2, "erdos-renyi needs at least 2 nodes, got " + n);
        require(p > 0 && p <= 1, "erdos-renyi needs an edge probability p in (0, 1], got " + p);
        Random jdk = new Random(rng.nextLong());
        String what = "erdos-renyi (n=" + n + ", p=" + p + "; connectivity needs p above ln(n)/n = "
                + String.format(java.util.Locale.ROOT, "%.4g", Math.log(n) / n) + ")";
        return untilConnected(what, () -> fromJGraphT(new GnpRandomGraphGenerator<>(n, p, jdk, false)));
    }

    /**
     * A Watts–Strogatz small world (JGraphT's {@code WattsStrogatzGraphGenerator}): a ring lattice where every node
     * links to its k nearest neighbours (k/2 each side), then each lattice edge is rewired to a uniform endpoint with
     * probability {@code rewire}; redrawn until connected. Needs k even with {@code 2 <= k <= n − 2 + (n mod 2)}
     * (JGraphT's bound) and {@code 0 <= rewire <= 1}. Rewired edges keep one end, so every degree is at least k/2.
     */
    public static Topology smallWorld(int n, int k, double rewire, RandomGenerator rng) {
        require(n >= 3, "small-world needs at least 3 nodes, got " + n);
        require(k >= 2 && k % 2 == 0, "small-world needs an even degree >= 2, got " + k);
        require(
                k <= n - 2 + n % 2,
                "small-world needs degree <= " + (n - 2 + n % 2) + " for " + n + " nodes, got " + k);
        require(rewire >= 0 && rewire <= 1, "small-world needs a rewiring probability p in [0, 1], got " + rewire);
        Random jdk = new Random(rng.nextLong());
        return untilConnected(
                "small-world (n=" + n + ", k=" + k + ", p=" + rewire + ")",
                () -> fromJGraphT(new WattsStrogatzGraphGenerator<>(n, k, rewire, false, jdk)));
    }

    /**
     * A Barabási–Albert scale-free graph (JGraphT's {@code BarabasiAlbertGraphGenerator}) with mean degree about
     * {@code meanDegree}: it starts from the complete graph on m+1 nodes, m = meanDegree/2, and every further node
     * attaches m edges by preferential attachment; always connected, minimum degree m. Needs an even
     * {@code meanDegree >= 2} and {@code n > m}.
     */
    public static Topology scaleFree(int n, int meanDegree, RandomGenerator rng) {
        require(
                meanDegree >= 2 && meanDegree % 2 == 0,
                "scale-free needs an even mean degree >= 2 (each new node attaches degree/2 edges), got " + meanDegree);
        // SPEC-GAP: CLI.md's DEGREE for scale-free is read as the mean degree (2m), so scale-free:4 has about as many
        // edges as random-regular:4; the seed graph is K_{m+1}, so every node has degree >= m.
        int m = meanDegree / 2;
        require(n > m, "scale-free with degree " + meanDegree + " needs more than " + m + " nodes, got " + n);
        return fromJGraphT(new BarabasiAlbertGraphGenerator<>(m + 1, m, n, new Random(rng.nextLong())));
    }

    // SPEC-GAP: issue 7 asks for Erdős–Rényi "resampled until connected"; fedp2p does the same for every random
    // family (gossip needs a connected graph) and gives up after MAX_ATTEMPTS draws with a message naming the cause.
    private static Topology untilConnected(String what, Supplier<Topology> draw) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Topology t = draw.get();
            if (t.isConnected()) return t;
        }
        throw new IllegalArgumentException(what + " was disconnected in all " + MAX_ATTEMPTS + " draws");
    }

    private static Topology fromJGraphT(GraphGenerator<Integer, DefaultEdge, Integer> generator) {
        Graph<Integer, DefaultEdge> g = JGraphTAdapter.emptySimpleGraph();
        generator.generateGraph(g);
        return JGraphTAdapter.fromGraph(g);
    }

    private static void require(boolean ok, String message) {
        if (!ok) throw new IllegalArgumentException(message);
    }
}
