package io.fedp2p.sim.topology;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.Writer;
import java.util.Locale;
import org.jgrapht.nio.ImportException;
import org.jgrapht.nio.graphml.GraphMLExporter;
import org.jgrapht.nio.graphml.SimpleGraphMLEventDrivenImporter;

/** GraphML through jgrapht-io: node and edge ids only; attributes such as weights are ignored. */
final class GraphMlFormat {
    private static final int MAX_CHARS = 1 << 30;

    private GraphMlFormat() {}

    static GraphFiles.Imported read(Reader in, String source) throws IOException {
        String text = readAll(in, source);
        // GraphML needs no document type; refusing one keeps external entities (XXE) out of the XML parser.
        if (text.toUpperCase(Locale.ROOT).contains("<!DOCTYPE")) {
            throw new IllegalArgumentException(source + ": GraphML with a <!DOCTYPE> is not accepted");
        }
        GraphFiles.LabelledGraph graph = new GraphFiles.LabelledGraph(source);
        SimpleGraphMLEventDrivenImporter importer = new SimpleGraphMLEventDrivenImporter();
        // Other tools add their own namespaces and keys; only node and edge ids are read, and they are checked below.
        importer.setSchemaValidation(false);
        importer.addVertexConsumer(graph::vertex);
        importer.addEdgeConsumer(e -> {
            if (e.getFirst() == null || e.getSecond() == null) {
                throw new IllegalArgumentException(source + ": an edge without source or target");
            }
            graph.edge(e.getFirst(), e.getSecond(), "");
        });
        try {
            importer.importInput(new StringReader(text));
        } catch (ImportException e) {
            Throwable cause = e;
            while (cause.getCause() != null) cause = cause.getCause();
            if (cause instanceof IllegalArgumentException iae) throw iae;
            throw new IllegalArgumentException(source + ": not valid GraphML: " + cause.getMessage(), e);
        }
        return graph.build();
    }

    static void write(Topology topology, Writer out) {
        GraphMLExporter<Integer, org.jgrapht.graph.DefaultEdge> exporter = new GraphMLExporter<>(String::valueOf);
        exporter.exportGraph(JGraphTAdapter.toGraph(topology), out);
    }

    private static String readAll(Reader in, String source) throws IOException {
        StringBuilder sb = new StringBuilder();
        char[] buf = new char[1 << 16];
        for (int r; (r = in.read(buf)) >= 0; ) {
            sb.append(buf, 0, r);
            if (sb.length() > MAX_CHARS)
                throw new IllegalArgumentException(source + ": GraphML file larger than 1 GiB");
        }
        return sb.toString();
    }
}
