package io.fedp2p.sim.topology;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * JSON graphs: {@code {"nodes": N, "edges": M, "edgeList": [[u, v], ...]}}, vertices {@code 0..N-1}. Reading needs
 * only {@code nodes} and {@code edgeList} and ignores other fields, so the file {@code fedp2p topology --out g.json}
 * writes (the summary plus the edge list) reads back.
 */
public final class JsonGraphFormat {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonGraphFormat() {}

    /** {@code [[u, v], ...]} for the topology's edges in ascending order. */
    public static ArrayNode edgeList(Topology topology) {
        ArrayNode list = MAPPER.createArrayNode();
        for (int[] e : topology.edges()) list.addArray().add(e[0]).add(e[1]);
        return list;
    }

    static void write(Topology topology, Writer out) throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("nodes", topology.size());
        root.put("edges", topology.edgeCount());
        root.set("edgeList", edgeList(topology));
        out.write(MAPPER.writeValueAsString(root)); // writeValue(Writer) would close the caller's writer
        out.write('\n');
    }

    static GraphFiles.Imported read(Reader in, String source) throws IOException {
        JsonNode root;
        try {
            root = MAPPER.readTree(in);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(source + ": not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) throw new IllegalArgumentException(source + ": expected a JSON object");
        JsonNode nodes = root.get("nodes");
        if (nodes == null
                || !nodes.canConvertToInt()
                || !nodes.isIntegralNumber()
                || nodes.intValue() < 1
                || nodes.intValue() > GraphFiles.MAX_VERTICES) {
            throw new IllegalArgumentException(
                    source + ": 'nodes' must be an integer in 1.." + GraphFiles.MAX_VERTICES);
        }
        int n = nodes.intValue();
        JsonNode list = root.get("edgeList");
        if (list == null || !list.isArray())
            throw new IllegalArgumentException(source + ": 'edgeList' must be an array of [u, v] pairs");
        Topology.Builder b = Topology.builder(n);
        int k = 0;
        for (JsonNode pair : list) {
            int u = vertex(pair, 0, n, source, k);
            int v = vertex(pair, 1, n, source, k);
            if (u == v)
                throw new IllegalArgumentException(source + ": edgeList[" + k + "] is a self-loop at vertex " + u);
            b.addEdge(u, v);
            k++;
        }
        List<String> labels = new ArrayList<>(n);
        for (int i = 0; i < n; i++) labels.add(Integer.toString(i));
        return new GraphFiles.Imported(b.build(), labels);
    }

    private static int vertex(JsonNode pair, int pos, int n, String source, int k) {
        if (!pair.isArray() || pair.size() != 2)
            throw new IllegalArgumentException(source + ": edgeList[" + k + "] must be a pair [u, v]");
        JsonNode x = pair.get(pos);
        if (!x.isIntegralNumber() || !x.canConvertToInt() || x.intValue() < 0 || x.intValue() >= n) {
            throw new IllegalArgumentException(
                    source + ": edgeList[" + k + "] names a vertex outside 0.." + (n - 1) + ": " + x);
        }
        return x.intValue();
    }
}
