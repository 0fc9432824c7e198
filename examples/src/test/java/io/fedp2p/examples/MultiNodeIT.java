package io.fedp2p.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Five {@code fedp2p node} processes from the built jar on loopback, with real libp2p connections found through one
 * bootstrap node and peer exchange: four honest nodes and one Gaussian-noise attacker. Honest accuracy must rise above
 * the backbone's, the attacker must be rejected by every honest node and never accepted, an honest node killed with
 * {@code kill -9} must resume from its checkpoint and rejoin, and SIGTERM must stop every node cleanly. Runs on a
 * small copy of Fashion-MNIST (9,000 training, 2,000 test images) so that five JVMs fit on two cores in a few minutes.
 *
 * <p>The test lives in {@code examples} because it runs the real launcher jar ({@code target/fedp2p.jar}), which only
 * this module builds.
 */
class MultiNodeIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int NODES = 5;
    private static final int ATTACKER = 4;
    private static final int VICTIM = 2;

    @TempDir
    Path work;

    private final List<NodeProcess> processes = new ArrayList<>();

    @AfterEach
    void stopAll() {
        for (NodeProcess p : processes) p.process.destroyForcibly();
    }

    private List<String> nodeArgs(Path data, Path backbone, int index, String bootstrap) {
        List<String> a = new ArrayList<>(List.of(
                "node",
                "--data-dir",
                data.toString(),
                "--backbone",
                backbone.toString(),
                "--num-nodes",
                Integer.toString(NODES),
                "--node-index",
                Integer.toString(index),
                "--out",
                work.resolve("n" + index).toString(),
                "--listen",
                "/ip4/127.0.0.1/tcp/0",
                "--local-steps",
                "40",
                "--gossip-steps",
                "2",
                "--threads",
                "1",
                "--min-neighbours",
                "3",
                "--target-degree",
                "4",
                "--exchange-timeout",
                "30s",
                "--step-timeout",
                "10s",
                "--seed",
                "7"));
        if (bootstrap != null) {
            a.add("--bootstrap");
            a.add(bootstrap);
        }
        if (index == ATTACKER) {
            a.add("--attack");
            a.add("gaussian");
        }
        return a;
    }

    private List<JsonNode> metrics(int node) throws IOException {
        Path f = work.resolve("n" + node).resolve("metrics.jsonl");
        List<JsonNode> out = new ArrayList<>();
        if (!Files.exists(f)) return out;
        for (String line : Files.readAllLines(f)) {
            if (line.isBlank()) continue;
            try {
                out.add(JSON.readTree(line));
            } catch (IOException e) {
                // a line being written right now
            }
        }
        return out;
    }

    private int rounds(int node) {
        try {
            return metrics(node).size();
        } catch (IOException e) {
            return 0;
        }
    }

    @Test
    void fiveNodesLearnRejectTheAttackerResumeAfterKill9AndStopCleanly() throws Exception {
        Assumptions.assumeTrue(Files.exists(NodeProcess.JAR), "build the jar first (mvn package)");
        Path data = work.resolve("data");
        ProcessFixtures.subset(data, 9_000, 2_000);
        Path logs = work.resolve("logs");

        // given: a transfer-setting backbone pretrained on 2,000 public images of classes 0-4
        Path backbone = ProcessFixtures.backbone(work, data);
        double backboneAccuracy = ProcessFixtures.backboneAccuracy(work);

        // when: five nodes join through node 0
        NodeProcess first = NodeProcess.start(logs, "n0", nodeArgs(data, backbone, 0, null));
        processes.add(first);
        String bootstrap = first.listenAddr(Duration.ofMinutes(3));
        for (int i = 1; i < NODES; i++)
            processes.add(NodeProcess.start(logs, "n" + i, nodeArgs(data, backbone, i, bootstrap)));
        String attackerId =
                processes.get(ATTACKER).listenAddr(Duration.ofMinutes(4)).replaceAll(".*/p2p/", "");
        for (NodeProcess p : processes) p.listenAddr(Duration.ofMinutes(4));
        NodeProcess.await("three rounds everywhere", Duration.ofMinutes(4), () -> {
            for (int i = 0; i < NODES; i++) if (i != ATTACKER && rounds(i) < 3) return false;
            return true;
        });

        // kill -9 an honest node and start it again with the same settings
        NodeProcess victim = processes.get(VICTIM);
        victim.process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        long lastBeforeKill =
                metrics(VICTIM).get(metrics(VICTIM).size() - 1).path("round").asLong();
        NodeProcess restarted = NodeProcess.start(logs, "n" + VICTIM, nodeArgs(data, backbone, VICTIM, bootstrap));
        processes.set(VICTIM, restarted);
        restarted.listenAddr(Duration.ofMinutes(3));
        NodeProcess.await("the restarted node to mix again", Duration.ofMinutes(3), () -> {
            try {
                List<JsonNode> m = metrics(VICTIM);
                JsonNode last = m.get(m.size() - 1);
                return last.path("round").asLong() > lastBeforeKill + 1
                        && !last.path("accepted").isEmpty();
            } catch (IOException | RuntimeException e) {
                return false;
            }
        });
        NodeProcess.await("eight rounds at every honest node", Duration.ofMinutes(3), () -> {
            for (int i = 0; i < NODES; i++) if (i != ATTACKER && rounds(i) < 8) return false;
            return true;
        });

        // the HTTP API of node 0
        JsonNode status = JSON.readTree(first.get("/status"));
        assertThat(status.path("peerId").asText()).isEqualTo(bootstrap.replaceAll(".*/p2p/", ""));
        assertThat(status.path("round").asLong()).isGreaterThanOrEqualTo(8);
        assertThat(status.path("listenAddrs")).isNotEmpty();
        JsonNode attackerRow = null;
        for (JsonNode row : JSON.readTree(first.get("/peers"))) {
            if (row.path("peerId").asText().equals(attackerId)) attackerRow = row;
        }
        assertThat(attackerRow).as("the attacker in node 0's peer table").isNotNull();
        assertThat(attackerRow.path("rejected").asLong()).isPositive();
        assertThat(attackerRow.path("accepted").asLong()).isZero();
        assertThat(first.get("/metrics")).contains("fedp2p_round").contains("fedp2p_test_accuracy");
        assertThat(JSON.readTree(first.get("/rounds?since=2"))
                        .get(0)
                        .path("round")
                        .asLong())
                .isEqualTo(2);

        // then: SIGTERM stops every node cleanly
        for (NodeProcess p : processes) p.process.destroy();
        for (NodeProcess p : processes) {
            assertThat(p.process.waitFor(60, TimeUnit.SECONDS))
                    .as(p.name + " stops")
                    .isTrue();
            assertThat(p.err()).as(p.name).contains("node stopped");
        }
        assertThat(restarted.err()).contains("resuming at round");

        for (int i = 0; i < NODES; i++) {
            if (i == ATTACKER) continue;
            List<JsonNode> m = metrics(i);
            JsonNode last = m.get(m.size() - 1);
            assertThat(last.path("testAccuracy").asDouble())
                    .as("node %d learns (backbone %.3f)", i, backboneAccuracy)
                    .isGreaterThan(backboneAccuracy + 0.1);
            boolean rejected = false;
            long previous = -1;
            for (JsonNode r : m) {
                assertThat(r.path("round").asLong())
                        .as("rounds increase at node %d", i)
                        .isGreaterThan(previous);
                previous = r.path("round").asLong();
                for (JsonNode a : r.path("accepted")) {
                    assertThat(a.path("peerId").asText())
                            .as("node %d never accepts the attacker", i)
                            .isNotEqualTo(attackerId);
                }
                for (JsonNode x : r.path("rejected")) {
                    if (x.path("peerId").asText().equals(attackerId)) rejected = true;
                }
                for (String field : List.of("bytesSent", "bytesReceived", "roundSeconds", "mixingDeficit", "loss")) {
                    assertThat(r.has(field)).as(field).isTrue();
                }
            }
            assertThat(rejected)
                    .as("node %d rejected the attacker at least once", i)
                    .isTrue();
        }
        assertThat(metrics(VICTIM).get(metrics(VICTIM).size() - 1).path("round").asLong())
                .isGreaterThan(lastBeforeKill);
    }
}
