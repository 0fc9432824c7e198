package io.fedp2p.sim.topology;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;

/** The plain edge-list format of {@link GraphFiles.Format#EDGE_LIST}. */
final class EdgeListFormat {
    private EdgeListFormat() {}

    static GraphFiles.Imported read(Reader in, String source) throws IOException {
        GraphFiles.LabelledGraph graph = new GraphFiles.LabelledGraph(source);
        BufferedReader lines = in instanceof BufferedReader b ? b : new BufferedReader(in);
        int lineNo = 0;
        for (String line; (line = lines.readLine()) != null; ) {
            lineNo++;
            int comment = firstCommentChar(line);
            String body = (comment < 0 ? line : line.substring(0, comment)).strip();
            if (body.isEmpty()) continue;
            String[] tokens = body.split("[\\s,]+");
            String where = ", line " + lineNo;
            switch (tokens.length) {
                case 1 -> graph.vertex(tokens[0]);
                case 2 -> graph.edge(tokens[0], tokens[1], where);
                case 3 -> {
                    checkWeight(tokens[2], source + where);
                    graph.edge(tokens[0], tokens[1], where);
                }
                default -> throw new IllegalArgumentException(
                        source + where + ": expected 'u v' or 'u v weight', got '" + body + "'");
            }
        }
        return graph.build();
    }

    static void write(Topology topology, Writer out) throws IOException {
        out.write("# fedp2p topology: " + topology.size() + " nodes, " + topology.edgeCount()
                + " edges; 'u v' per line\n");
        for (int v = 0; v < topology.size(); v++) {
            if (topology.degree(v) == 0) out.write(v + "\n");
        }
        for (int[] e : topology.edges()) out.write(e[0] + " " + e[1] + "\n");
    }

    private static int firstCommentChar(String line) {
        int hash = line.indexOf('#');
        int percent = line.indexOf('%');
        if (hash < 0) return percent;
        return percent < 0 ? hash : Math.min(hash, percent);
    }

    private static void checkWeight(String token, String where) {
        try {
            Double.parseDouble(token);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": third column must be a numeric weight, got '" + token + "'");
        }
    }
}
