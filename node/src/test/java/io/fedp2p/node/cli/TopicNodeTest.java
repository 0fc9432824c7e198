package io.fedp2p.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fedp2p.node.data.FortuneTopics;
import io.fedp2p.node.data.FortuneTopicsTest;
import io.fedp2p.node.runtime.NodeRuntime;
import io.fedp2p.node.runtime.NodeSettings;
import io.fedp2p.node.runtime.NodeTask;
import io.fedp2p.node.train.ProgressListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code fedp2p node --task fortunes-topic --model minilm}: the options reach the settings, and one node on loopback
 * (libp2p listener and HTTP API on 127.0.0.1) trains FFA-LoRA on the real all-MiniLM-L6-v2 through a round and
 * writes its metrics line. Small: 16 fortunes per topic, 16 tokens each, 2 local steps.
 */
class TopicNodeTest {
    @TempDir
    Path dir;

    @Test
    void oneNodeCompletesARoundOnTheEncoder() throws Exception {
        Path data = Files.createDirectories(dir.resolve("fortunes"));
        FortuneTopicsTest.writeSmall(data, 16);
        NodeCommand cmd = new NodeCommand();
        new CommandLine(cmd)
                .parseArgs(
                        "--task",
                        "fortunes-topic",
                        "--model",
                        "minilm",
                        "--max-length",
                        "16",
                        "--data-dir",
                        data.toString(),
                        "--num-nodes",
                        "1",
                        "--rounds",
                        "1",
                        "--local-steps",
                        "2",
                        "--batch-size",
                        "8",
                        "--gossip-steps",
                        "1",
                        "--listen",
                        "/ip4/127.0.0.1/tcp/0",
                        "--api",
                        "127.0.0.1:0",
                        "--threads",
                        "1",
                        "--min-neighbours",
                        "0",
                        "--exchange-timeout",
                        "300ms",
                        "--step-timeout",
                        "200ms",
                        "--out",
                        dir.resolve("out").toString());
        NodeSettings s = cmd.settings();
        assertThat(s.task().isTopic()).isTrue();
        assertThat(s.task().model()).isEqualTo("minilm");
        assertThat(s.task().frozenLayers()).isEqualTo(4);
        NodeTask task = NodeTask.topic(s, FortuneTopics.load(data), ProgressListener.NONE);
        try (NodeRuntime node = NodeRuntime.start(s, task)) {
            assertThat(node.stopped().get(120, TimeUnit.SECONDS)).isEqualTo(1L);
        } finally {
            task.task().close();
        }
        List<String> lines = Files.readAllLines(s.out().resolve("metrics.jsonl"));
        assertThat(lines).hasSize(1);
        JsonNode m = new ObjectMapper().readTree(lines.get(0));
        assertThat(m.path("round").asLong()).isZero();
        assertThat(m.path("testAccuracy").asDouble(-1)).isBetween(0.0, 1.0);
        // the round trained (a failed local training keeps the model and reports no loss)
        assertThat(m.path("trainLoss").isNumber())
                .as("trainLoss of round 0: %s", m)
                .isTrue();
        assertThat(task.backboneHash().size()).isEqualTo(32);
    }
}
