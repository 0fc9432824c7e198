package io.fedp2p.sim.topology;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * A topology family with its parameters, parsed once at the edge from a CLI string such as {@code random-regular:4},
 * {@code small-world:4:0.1}, {@code erdos-renyi:0.05}, {@code torus:10x10} or {@code file:graph.graphml}
 * (CLI.md {@code --topology KIND[:DEGREE]}), or from named fields (a scenario file). {@link #build} draws the graph
 * for a given number of nodes. Unknown kinds, extra parameters and unknown keys are errors that list what is valid.
 *
 * <p>SPEC-GAP (CLI.md leaves DEGREE open per family): "degree" means the mean degree for every family, so
 * topologies with the same degree have about the same number of edges: the ring lattice k of Watts–Strogatz, and
 * {@code 2m} for Barabási–Albert's m edges per new node.
 */
public sealed interface TopologySpec
        permits TopologySpec.Ring,
                TopologySpec.Torus,
                TopologySpec.RandomRegular,
                TopologySpec.ErdosRenyi,
                TopologySpec.SmallWorld,
                TopologySpec.ScaleFree,
                TopologySpec.Complete,
                TopologySpec.FromFile {

    /** The valid kinds, in the order messages list them. */
    List<String> KINDS =
            List.of("ring", "torus", "random-regular", "erdos-renyi", "small-world", "scale-free", "complete", "file");

    /** Degree used when a string or field set leaves it out. */
    int DEFAULT_DEGREE = 4;

    /** Watts–Strogatz rewiring probability used when left out. */
    double DEFAULT_REWIRE = 0.1;

    /** The kind name, one of {@link #KINDS}. */
    String kind();

    /** The canonical string form; {@code parse(format())} gives an equal spec. */
    String format();

    /** Whether {@link #build} draws from its generator (false: the same graph for any seed). */
    boolean isRandom();

    /**
     * The graph on {@code n} nodes.
     *
     * @throws IllegalArgumentException when the parameters do not fit n (odd n·d, d ≥ n, no torus factorisation, a
     *     file with another node count, ...)
     */
    Topology build(int n, RandomGenerator rng);

    /** Parses the string form; see the type's documentation. */
    static TopologySpec parse(String text) {
        return TopologySpecParser.parse(text);
    }

    /** Builds a spec from named fields: {@code kind} plus the keys that kind takes (degree, p, rows, cols, file). */
    static TopologySpec fromFields(Map<String, String> fields) {
        return TopologySpecParser.fromFields(fields);
    }

    /** The cycle; degree 2. */
    record Ring() implements TopologySpec {
        public String kind() {
            return "ring";
        }

        public String format() {
            return kind();
        }

        public boolean isRandom() {
            return false;
        }

        public Topology build(int n, RandomGenerator rng) {
            return TopologyGenerators.ring(n);
        }
    }

    /** The 2-D torus; {@code rows = cols = 0} picks the squarest factorisation of n. */
    record Torus(int rows, int cols) implements TopologySpec {
        /** The squarest torus for the node count given to {@link #build}. */
        public static final Torus SQUAREST = new Torus(0, 0);

        public Torus {
            boolean auto = rows == 0 && cols == 0;
            if (!auto && (rows < 3 || cols < 3)) {
                throw new IllegalArgumentException("torus needs rows and columns >= 3, got " + rows + "x" + cols);
            }
        }

        public String kind() {
            return "torus";
        }

        public String format() {
            return rows == 0 ? kind() : kind() + ":" + rows + "x" + cols;
        }

        public boolean isRandom() {
            return false;
        }

        public Topology build(int n, RandomGenerator rng) {
            if (rows == 0) {
                int r = TopologyGenerators.squarestTorusRows(n);
                return TopologyGenerators.torus(r, n / r);
            }
            if ((long) rows * cols != n) {
                throw new IllegalArgumentException(
                        "torus " + rows + "x" + cols + " has " + (long) rows * cols + " nodes, not " + n);
            }
            return TopologyGenerators.torus(rows, cols);
        }
    }

    /** Uniform connected d-regular graph. */
    record RandomRegular(int degree) implements TopologySpec {
        public RandomRegular {
            if (degree < 2) throw new IllegalArgumentException("random-regular needs degree >= 2, got " + degree);
        }

        public String kind() {
            return "random-regular";
        }

        public String format() {
            return kind() + ":" + degree;
        }

        public boolean isRandom() {
            return true;
        }

        public Topology build(int n, RandomGenerator rng) {
            return TopologyGenerators.randomRegular(n, degree, rng);
        }
    }

    /** Erdős–Rényi G(n, p), redrawn until connected. */
    record ErdosRenyi(double p) implements TopologySpec {
        public ErdosRenyi {
            if (!(p > 0 && p <= 1)) throw new IllegalArgumentException("erdos-renyi needs p in (0, 1], got " + p);
        }

        public String kind() {
            return "erdos-renyi";
        }

        public String format() {
            return kind() + ":" + number(p);
        }

        public boolean isRandom() {
            return true;
        }

        public Topology build(int n, RandomGenerator rng) {
            return TopologyGenerators.erdosRenyi(n, p, rng);
        }
    }

    /** Watts–Strogatz small world with lattice degree k and rewiring probability p. */
    record SmallWorld(int degree, double rewire) implements TopologySpec {
        public SmallWorld {
            if (degree < 2 || degree % 2 != 0)
                throw new IllegalArgumentException("small-world needs an even degree >= 2, got " + degree);
            if (!(rewire >= 0 && rewire <= 1))
                throw new IllegalArgumentException("small-world needs p in [0, 1], got " + rewire);
        }

        public String kind() {
            return "small-world";
        }

        public String format() {
            return kind() + ":" + degree + ":" + number(rewire);
        }

        public boolean isRandom() {
            return true;
        }

        public Topology build(int n, RandomGenerator rng) {
            return TopologyGenerators.smallWorld(n, degree, rewire, rng);
        }
    }

    /** Barabási–Albert scale-free graph with mean degree about {@code degree} (m = degree/2 edges per new node). */
    record ScaleFree(int degree) implements TopologySpec {
        public ScaleFree {
            if (degree < 2 || degree % 2 != 0)
                throw new IllegalArgumentException("scale-free needs an even degree >= 2, got " + degree);
        }

        public String kind() {
            return "scale-free";
        }

        public String format() {
            return kind() + ":" + degree;
        }

        public boolean isRandom() {
            return true;
        }

        public Topology build(int n, RandomGenerator rng) {
            return TopologyGenerators.scaleFree(n, degree, rng);
        }
    }

    /** The complete graph. */
    record Complete() implements TopologySpec {
        public String kind() {
            return "complete";
        }

        public String format() {
            return kind();
        }

        public boolean isRandom() {
            return false;
        }

        public Topology build(int n, RandomGenerator rng) {
            return TopologyGenerators.complete(n);
        }
    }

    /** A graph read from a GraphML, edge-list or JSON file ({@link GraphFiles}); n must match its node count. */
    record FromFile(Path file) implements TopologySpec {
        public FromFile {
            Objects.requireNonNull(file, "file");
        }

        public String kind() {
            return "file";
        }

        public String format() {
            return kind() + ":" + file;
        }

        public boolean isRandom() {
            return false;
        }

        /** The graph in the file, whatever its size. */
        public Topology load() {
            return GraphFiles.read(file).topology();
        }

        public Topology build(int n, RandomGenerator rng) {
            Topology t = load();
            if (t.size() != n) throw new IllegalArgumentException(file + " holds " + t.size() + " nodes, not " + n);
            return t;
        }
    }

    private static String number(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? String.format(Locale.ROOT, "%.1f", x) : Double.toString(x);
    }
}
