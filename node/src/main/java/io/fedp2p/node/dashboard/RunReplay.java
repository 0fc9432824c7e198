package io.fedp2p.node.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A finished run's output directory as a dashboard: {@code metrics.jsonl} (required; a node's or a simulation's, see
 * {@link RoundRecords}) gives the charts, {@code topology.json} ({@code fedp2p topology}'s JSON: {@code nodes}, {@code
 * edgeList} of index pairs, optionally {@code byzantine} indices) the graph, and {@code summary.json} (optional) the
 * header and, in its {@code byzantineNodes} list, the attackers.
 */
public final class RunReplay {
    static final int MAX_NODES = 100_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private RunReplay() {}

    /**
     * @throws IllegalArgumentException naming the file and line when {@code dir} has no readable {@code
     *     metrics.jsonl} or a file is malformed
     */
    public static DashboardHub load(Path dir) throws IOException {
        Path metrics = dir.resolve("metrics.jsonl");
        if (!Files.isRegularFile(metrics)) throw new IllegalArgumentException("no metrics.jsonl in " + dir);
        JsonNode summary = optionalJson(dir.resolve("summary.json"));
        List<RoundPoint> points = rounds(metrics);
        long last = points.isEmpty() ? -1 : points.get(points.size() - 1).round();
        long total = summary.path("rounds").asLong(last + 1);
        DashboardHub hub =
                new DashboardHub(new RunInfo("replay", "fedp2p run " + dir.getFileName(), null, total, facts(summary)));
        JsonNode topology = optionalJson(dir.resolve("topology.json"));
        if (topology.has("nodes")) topology(hub, topology, summary, dir);
        for (RoundPoint p : points) hub.addRound(p);
        hub.setProgress(new Progress(last + 1, total, "finished", 0, 0, List.of()));
        hub.finish();
        return hub;
    }

    private static List<RoundPoint> rounds(Path metrics) throws IOException {
        List<JsonNode> records = new ArrayList<>();
        List<RoundPoint> out = new ArrayList<>();
        int lineNo = 0;
        for (String line : Files.readAllLines(metrics, StandardCharsets.UTF_8)) {
            lineNo++;
            if (line.isBlank()) continue;
            try {
                JsonNode r = JSON.readTree(line);
                out.add(RoundRecords.fromJson(r));
                records.add(r);
            } catch (JsonProcessingException | IllegalArgumentException e) {
                throw new IllegalArgumentException(metrics + " line " + lineNo + ": " + e.getMessage(), e);
            }
        }
        Integer[] order = new Integer[out.size()];
        for (int i = 0; i < order.length; i++) order[i] = i;
        java.util.Arrays.sort(
                order, (x, y) -> Long.compare(out.get(x).round(), out.get(y).round()));
        List<RoundPoint> sorted = new ArrayList<>(out.size());
        double lastVirtual = 0;
        for (int i : order) {
            RoundPoint p = out.get(i);
            JsonNode r = records.get(i);
            if (!r.has("roundSeconds") && r.path("virtualSeconds").isNumber()) {
                // a simulation logs the virtual time at each round's end: the round took the difference
                double v = r.get("virtualSeconds").asDouble();
                p = new RoundPoint(
                        p.round(), p.accuracy(), p.loss(), p.bytes(), v - lastVirtual, p.accepted(), p.rejected());
                lastVirtual = v;
            }
            sorted.add(p);
        }
        return sorted;
    }

    private static void topology(DashboardHub hub, JsonNode t, JsonNode summary, Path dir) {
        int n = t.path("nodes").asInt(-1);
        if (n < 1 || n > MAX_NODES)
            throw new IllegalArgumentException(dir.resolve("topology.json") + ": 'nodes' must be in 1.." + MAX_NODES);
        TreeSet<Integer> byz = new TreeSet<>();
        t.path("byzantine").forEach(b -> byz.add(b.asInt()));
        summary.path("byzantineNodes").forEach(b -> byz.add(b.asInt()));
        List<GraphNode> nodes = new ArrayList<>(n);
        for (int i = 0; i < n; i++)
            nodes.add(new GraphNode(Integer.toString(i), Integer.toString(i), byz.contains(i), false));
        List<GraphEdge> edges = new ArrayList<>();
        int k = 0;
        for (JsonNode e : t.path("edgeList")) {
            int u = e.path(0).asInt(-1);
            int v = e.path(1).asInt(-1);
            if (!e.isArray() || u < 0 || v < 0 || u >= n || v >= n)
                throw new IllegalArgumentException(
                        dir.resolve("topology.json") + ": edgeList[" + k + "] must be a pair of node indices");
            edges.add(new GraphEdge(Integer.toString(u), Integer.toString(v), 0));
            k++;
        }
        hub.setTopology(nodes, edges);
    }

    private static Map<String, String> facts(JsonNode s) {
        Map<String, String> f = new LinkedHashMap<>();
        for (String k :
                new String[] {"nodes", "byzantine", "rounds", "attack", "defence", "task", "topology", "seed"}) {
            JsonNode v = s.get(k);
            if (v != null && v.isValueNode()) f.put(k, v.asText());
        }
        return f;
    }

    private static JsonNode optionalJson(Path file) throws IOException {
        if (!Files.isRegularFile(file)) return JSON.createObjectNode();
        try {
            JsonNode n = JSON.readTree(file.toFile());
            if (n == null || !n.isObject()) throw new IllegalArgumentException(file + ": expected a JSON object");
            return n;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + ": not valid JSON: " + e.getOriginalMessage(), e);
        }
    }
}
