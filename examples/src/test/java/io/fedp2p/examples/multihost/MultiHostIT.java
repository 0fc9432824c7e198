package io.fedp2p.examples.multihost;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fedp2p.examples.NodeProcess;
import io.fedp2p.examples.ProcessFixtures;
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
 * fedp2p across hosts with real network separation: four Linux network namespaces joined by veth pairs to a bridge,
 * one {@code fedp2p node} process in each, 100 ms one-way latency on every connection (a {@code fedp2p relay} in front
 * of every node, since the kernel has no netem: round trip ≥ 200 ms) and 1% random packet loss on every host
 * (nftables). The nodes know only the bootstrap node's address and find each other through it (peer exchange); they
 * must complete rounds, mix with each other and learn. A node that starts late joins its neighbours' round. Needs root (CI runs as root); skipped with a message otherwise.
 */
class MultiHostIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int HOSTS = 4;
    private static final int ROUNDS = 5;
    private static final String DELAY = "100ms";

    @TempDir
    Path work;

    private final List<NodeProcess> processes = new ArrayList<>();
    private NetnsCluster cluster;

    @AfterEach
    void tearDown() throws Exception {
        for (NodeProcess p : processes) p.process().destroyForcibly().waitFor(20, TimeUnit.SECONDS);
        if (cluster != null) cluster.close();
    }

    @Test
    void nodesInSeparateNamespacesFindEachOtherAndCompleteRoundsUnderLatencyAndLoss() throws Exception {
        String reason = NetnsCluster.unavailableReason();
        Assumptions.assumeTrue(reason == null, reason);
        Assumptions.assumeTrue(Files.exists(NodeProcess.JAR), "build the jar first (mvn package)");
        Path logs = work.resolve("logs");
        Path data = work.resolve("data");
        ProcessFixtures.subset(data, 9_000, 2_000);
        Path backbone = ProcessFixtures.backbone(work, data);
        double backboneAccuracy = ProcessFixtures.backboneAccuracy(work);

        cluster = NetnsCluster.up(HOSTS, 1, logs);
        for (int i = 0; i < HOSTS; i++) {
            String a = NetnsCluster.address(i);
            NodeProcess relay = NodeProcess.start(
                    logs,
                    "relay" + i,
                    cluster.exec(i),
                    List.of(
                            "relay",
                            "--listen",
                            a + ":" + NetnsCluster.RELAY_PORT,
                            "--to",
                            a + ":" + NetnsCluster.NODE_PORT,
                            "--delay",
                            DELAY));
            processes.add(relay);
            NodeProcess.await(
                    "relay " + i, Duration.ofMinutes(1), () -> relay.stdout().contains("Relaying"));
        }
        NodeProcess first = node(data, backbone, 0, null);
        String bootstrap = first.listenAddr(Duration.ofMinutes(3));
        assertThat(bootstrap).startsWith("/ip4/10.77.0.1/tcp/4001/p2p/");
        for (int i = 1; i < HOSTS; i++) node(data, backbone, i, bootstrap);

        // the latency is really there: a libp2p ping from host 1 to host 0 takes at least two one-way delays
        NodeProcess ping =
                NodeProcess.start(logs, "ping", cluster.exec(1), List.of("ping", bootstrap, "--count", "3", "--json"));
        assertThat(ping.process().waitFor(2, TimeUnit.MINUTES)).isTrue();
        JsonNode rtts = JSON.readTree(ping.stdout()).path("rttsMs");
        assertThat(rtts).hasSize(3);
        for (JsonNode r : rtts) assertThat(r.asDouble()).isGreaterThanOrEqualTo(200.0);

        // a node that joins late catches up with its neighbours' round, so it may record fewer rounds: wait for the
        // last
        NodeProcess.await("every node to finish round " + (ROUNDS - 1), Duration.ofMinutes(8), () -> {
            for (int i = 0; i < HOSTS; i++) {
                if (metrics(i).stream().noneMatch(r -> r.path("round").asLong() == ROUNDS - 1)) return false;
            }
            return true;
        });
        for (int i = 0; i < HOSTS; i++) {
            List<JsonNode> m = metrics(i);
            boolean mixed = m.stream().anyMatch(r -> !r.path("accepted").isEmpty());
            assertThat(mixed).as("node %d mixed with a neighbour", i).isTrue();
            assertThat(m.get(m.size() - 1).path("testAccuracy").asDouble())
                    .as("node %d learns (backbone %.3f)", i, backboneAccuracy)
                    .isGreaterThan(backboneAccuracy + 0.05);
        }
        long dropped = cluster.drops().stream().mapToLong(Long::longValue).sum();
        assertThat(dropped).as("nftables dropped packets (1% loss)").isPositive();
    }

    private NodeProcess node(Path data, Path backbone, int i, String bootstrap) throws IOException {
        List<String> a = new ArrayList<>(List.of(
                "node",
                "--listen",
                "/ip4/" + NetnsCluster.address(i) + "/tcp/" + NetnsCluster.NODE_PORT,
                "--data-dir",
                data.toString(),
                "--backbone",
                backbone.toString(),
                "--num-nodes",
                Integer.toString(HOSTS),
                "--node-index",
                Integer.toString(i),
                "--out",
                work.resolve("n" + i).toString(),
                "--rounds",
                Integer.toString(ROUNDS),
                "--local-steps",
                "40",
                "--gossip-steps",
                "2",
                "--threads",
                "1",
                "--min-neighbours",
                "2",
                "--target-degree",
                "3",
                "--exchange-timeout",
                "60s",
                "--step-timeout",
                "20s",
                "--seed",
                "7"));
        if (bootstrap != null) {
            a.add("--bootstrap");
            a.add(bootstrap);
        }
        NodeProcess p = NodeProcess.start(work.resolve("logs"), "n" + i, cluster.exec(i), a);
        processes.add(p);
        return p;
    }

    private List<JsonNode> metrics(int node) {
        Path f = work.resolve("n" + node).resolve("metrics.jsonl");
        List<JsonNode> out = new ArrayList<>();
        try {
            if (!Files.exists(f)) return out;
            for (String line : Files.readAllLines(f)) {
                if (line.isBlank()) continue;
                try {
                    out.add(JSON.readTree(line));
                } catch (IOException e) {
                    // a line being written right now
                }
            }
        } catch (IOException e) {
            return out;
        }
        return out;
    }
}
