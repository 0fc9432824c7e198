package io.fedp2p.examples.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fedp2p.examples.NodeProcess;
import io.fedp2p.examples.ProcessFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Protocol cost of {@code fedp2p node} on loopback (BENCHMARKS.md, "engine"): three nodes, fully connected, Q = 4,
 * K = 100 local steps of FFA-LoRA on the cnn backbone, once per payload encoding. Per node and round it reports the
 * TCP bytes sent (all protocols, Noise and yamux framing included) against exchanging the full model (Q·degree·4·P
 * bytes, P = 448,858 cnn parameters), and the round's wall time against the round's own compute (the local training
 * call plus the defence). Figures go to stdout and {@code target/gossip-overhead.json}. No assertions: run with
 * {@code mvn -B -pl examples -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 * -Dit.test=GossipOverheadBench -Dfailsafe.failIfNoSpecifiedTests=false -Dnpm.skip=true}.
 */
class GossipOverheadBench {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int NODES = 3;
    private static final int ROUNDS = 14;
    private static final int WARMUP = 4;
    private static final int Q = 4;
    private static final long FULL_MODEL_PARAMS = 448_858;

    @Test
    void measure() throws Exception {
        Path work = Files.createTempDirectory("fedp2p-bench");
        Path data = work.resolve("data");
        ProcessFixtures.subset(data, 9_000, 2_000);
        Path backbone = ProcessFixtures.backbone(work, data);
        ArrayNode rows = JSON.createArrayNode();
        for (String encoding : List.of("float32", "fp16", "int8"))
            rows.add(run(work.resolve(encoding), data, backbone, encoding));
        ObjectNode out = JSON.createObjectNode();
        out.put("nodes", NODES).put("gossipSteps", Q).put("localSteps", 100).put("rounds", ROUNDS - WARMUP);
        out.set("encodings", rows);
        Files.writeString(Path.of("target", "gossip-overhead.json"), out.toPrettyString());
        System.out.println(out.toPrettyString());
        try (var paths = Files.walk(work)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        }
    }

    private ObjectNode run(Path dir, Path data, Path backbone, String encoding) throws Exception {
        List<NodeProcess> nodes = new ArrayList<>();
        String bootstrap = null;
        try {
            for (int i = 0; i < NODES; i++) {
                List<String> args = new ArrayList<>(List.of(
                        "node",
                        "--data-dir",
                        data.toString(),
                        "--backbone",
                        backbone.toString(),
                        "--num-nodes",
                        "3",
                        "--node-index",
                        Integer.toString(i),
                        "--out",
                        dir.resolve("n" + i).toString(),
                        "--listen",
                        "/ip4/127.0.0.1/tcp/0",
                        "--local-steps",
                        "100",
                        "--gossip-steps",
                        Integer.toString(Q),
                        "--threads",
                        "1",
                        "--min-neighbours",
                        "2",
                        "--rounds",
                        Integer.toString(ROUNDS),
                        "--encoding",
                        encoding,
                        "--seed",
                        "3"));
                if (bootstrap != null) args.addAll(List.of("--bootstrap", bootstrap));
                NodeProcess n = ProcessFixtures.start(dir.resolve("logs"), "n" + i, args);
                nodes.add(n);
                if (bootstrap == null) bootstrap = n.listenAddr(Duration.ofMinutes(3));
            }
            for (NodeProcess n : nodes) n.process().waitFor(10, TimeUnit.MINUTES);
        } finally {
            for (NodeProcess n : nodes) n.process().destroyForcibly();
        }
        double bytes = 0;
        double round = 0;
        double compute = 0;
        double evalBefore = 0;
        int degree = 0;
        int count = 0;
        for (int i = 0; i < NODES; i++) {
            double previousEval = 0;
            for (JsonNode r : records(dir.resolve("n" + i).resolve("metrics.jsonl"))) {
                double eval = previousEval; // the previous round's test evaluation runs before this round's training
                previousEval = r.path("evalSeconds").asDouble();
                if (r.path("round").asLong() < WARMUP) continue;
                bytes += r.path("bytesSent").asDouble();
                round += r.path("roundSeconds").asDouble();
                compute += r.path("computeSeconds").asDouble();
                evalBefore += eval;
                degree = Math.max(degree, r.path("degree").asInt());
                count++;
            }
        }
        double full = (double) Q * degree * 4 * FULL_MODEL_PARAMS;
        ObjectNode row = JSON.createObjectNode();
        row.put("encoding", encoding);
        row.put("samples", count);
        row.put("degree", degree);
        row.put("bytesPerNodePerRound", Math.round(bytes / count));
        row.put("fullModelBytesPerNodePerRound", Math.round(full));
        row.put("bytesRatio", bytes / count / full);
        row.put("roundSeconds", round / count);
        row.put("testEvalSeconds", evalBefore / count);
        row.put("computeSeconds", compute / count);
        row.put("overheadRatio", round / compute);
        row.put("overheadRatioWithoutEval", (round - evalBefore) / compute);
        System.out.printf(
                Locale.ROOT,
                "%-8s %d samples: %,.0f B/node/round (full model %,.0f: ratio %.4f); round %.3f s, of which test"
                        + " evaluation %.3f s; compute %.3f s (ratio %.2f, %.2f without the evaluation)%n",
                encoding,
                count,
                bytes / count,
                full,
                bytes / count / full,
                round / count,
                evalBefore / count,
                compute / count,
                round / compute,
                (round - evalBefore) / compute);
        return row;
    }

    private static List<JsonNode> records(Path f) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        if (!Files.exists(f)) return out;
        for (String line : Files.readAllLines(f)) if (!line.isBlank()) out.add(JSON.readTree(line));
        return out;
    }
}
