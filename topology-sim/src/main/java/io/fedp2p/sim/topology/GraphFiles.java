package io.fedp2p.sim.topology;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Reads and writes topologies as GraphML, edge lists and JSON, choosing the format by file extension
 * ({@link Format#of}).
 *
 * <p>Vertex names in a file are labels: when every label is a non-negative integer they are numbered by numeric
 * rank (so a file on {@code 0..n-1} keeps its numbers and a 1-based file shifts down by one), otherwise in order of
 * first appearance. Edges are undirected whatever the file says; repeated edges are merged; self-loops are rejected.
 * A malformed file throws {@link IllegalArgumentException} naming the file and, for text formats, the line.
 */
public final class GraphFiles {
    /** Refuses files describing more vertices than this (a guard on memory, not a limit of the algorithms). */
    public static final int MAX_VERTICES = 5_000_000;

    /** The file formats; see each constant for the extensions. */
    public enum Format {
        /** GraphML ({@code .graphml}, {@code .xml}), read and written with jgrapht-io. */
        GRAPHML(".graphml", ".xml"),
        /**
         * Edge list ({@code .edges}, {@code .edgelist}, {@code .el}, {@code .txt}, {@code .csv}): one {@code u v}
         * pair per line, separated by blanks or a comma, an optional third column (a weight) ignored; a line with a
         * single name declares a vertex (so isolated vertices survive a round trip); {@code #} or {@code %} starts a
         * comment.
         */
        EDGE_LIST(".edges", ".edgelist", ".el", ".txt", ".csv"),
        /** JSON ({@code .json}): {@code {"nodes": N, "edgeList": [[u, v], ...]}} with vertices {@code 0..N-1}. */
        JSON(".json");

        private final List<String> extensions;

        Format(String... extensions) {
            this.extensions = List.of(extensions);
        }

        /** The format for a file name's extension (case-insensitive). */
        public static Format of(Path file) {
            String name = file.getFileName() == null
                    ? ""
                    : file.getFileName().toString().toLowerCase(Locale.ROOT);
            for (Format f : values()) {
                for (String ext : f.extensions) if (name.endsWith(ext)) return f;
            }
            throw new IllegalArgumentException(
                    "cannot tell the graph format of '" + file + "' from its extension; use one of " + allExtensions());
        }

        private static String allExtensions() {
            List<String> all = new ArrayList<>();
            for (Format f : values()) all.addAll(f.extensions);
            return String.join(", ", all);
        }
    }

    /**
     * A graph read from a file.
     *
     * @param topology the graph on {@code 0..n-1}
     * @param labels {@code labels.get(i)} is vertex i's name in the file
     */
    public record Imported(Topology topology, List<String> labels) {
        public Imported {
            Objects.requireNonNull(topology, "topology");
            labels = List.copyOf(labels);
            if (labels.size() != topology.size()) throw new IllegalArgumentException("one label per vertex required");
        }
    }

    private GraphFiles() {}

    /** Reads a graph file, the format chosen by extension. */
    public static Imported read(Path file) {
        Format format = Format.of(file);
        if (!Files.isRegularFile(file))
            throw new IllegalArgumentException("graph file '" + file + "' does not exist or is not a file");
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(r, format, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file, e);
        }
    }

    /** Reads a graph in {@code format}; {@code source} names the input in error messages. */
    public static Imported read(Reader in, Format format, String source) {
        try {
            return switch (format) {
                case GRAPHML -> GraphMlFormat.read(in, source);
                case EDGE_LIST -> EdgeListFormat.read(in, source);
                case JSON -> JsonGraphFormat.read(in, source);
            };
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + source, e);
        }
    }

    /** Writes {@code topology} to {@code file}, the format chosen by extension; replaces an existing file. */
    public static void write(Topology topology, Path file) {
        Format format = Format.of(file);
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(topology, w, format);
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + file, e);
        }
    }

    /** Writes {@code topology} in {@code format} with vertex names {@code 0..n-1}. */
    public static void write(Topology topology, Writer out, Format format) throws IOException {
        switch (format) {
            case GRAPHML -> GraphMlFormat.write(topology, out);
            case EDGE_LIST -> EdgeListFormat.write(topology, out);
            case JSON -> JsonGraphFormat.write(topology, out);
        }
        out.flush();
    }

    /** Collects vertex labels and edges by label, then numbers the labels (see the type's documentation). */
    static final class LabelledGraph {
        private final String source;
        private final Map<String, Integer> firstSeen = new LinkedHashMap<>();
        private final List<String[]> edges = new ArrayList<>();

        LabelledGraph(String source) {
            this.source = source;
        }

        void vertex(String label) {
            if (label == null || label.isEmpty())
                throw new IllegalArgumentException(source + ": a vertex without a name");
            if (firstSeen.size() >= MAX_VERTICES && !firstSeen.containsKey(label)) {
                throw new IllegalArgumentException(source + ": more than " + MAX_VERTICES + " vertices");
            }
            firstSeen.putIfAbsent(label, firstSeen.size());
        }

        void edge(String u, String v, String where) {
            vertex(u);
            vertex(v);
            if (u.equals(v)) throw new IllegalArgumentException(source + where + ": self-loop at vertex " + u);
            edges.add(new String[] {u, v});
        }

        // SPEC-GAP: files name vertices freely; numeric names keep their order (0-based files map to themselves),
        // other names their order of first appearance, so numbering never depends on hash order.
        Imported build() {
            if (firstSeen.isEmpty()) throw new IllegalArgumentException(source + ": the graph has no vertices");
            String[] order = firstSeen.keySet().toArray(new String[0]);
            if (allNonNegativeIntegers(order)) {
                Arrays.sort(order, (a, b) -> Long.compare(Long.parseLong(a), Long.parseLong(b)));
            }
            Map<String, Integer> index = new LinkedHashMap<>();
            for (int i = 0; i < order.length; i++) index.put(order[i], i);
            Topology.Builder b = Topology.builder(order.length);
            for (String[] e : edges) b.addEdge(index.get(e[0]), index.get(e[1]));
            return new Imported(b.build(), Arrays.asList(order));
        }

        private static boolean allNonNegativeIntegers(String[] labels) {
            for (String s : labels) {
                if (s.length() > 18 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) return false;
                if (s.length() > 1 && s.charAt(0) == '0') return false; // "007" and "7" must not collide
            }
            return true;
        }
    }
}
