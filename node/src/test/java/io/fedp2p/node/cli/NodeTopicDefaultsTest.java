package io.fedp2p.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fedp2p.node.runtime.NodeSettings;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code fedp2p node --task fortunes-topic} learns with the simulator's optimiser for the task unless told otherwise. */
class NodeTopicDefaultsTest {
    private static NodeSettings settings(String... args) {
        NodeCommand c = new NodeCommand();
        new CommandLine(c).parseArgs(args);
        return c.settings();
    }

    @Test
    void fortunesTopicTakesTheSimulatorsOptimiser() {
        NodeSettings s = settings("--task", "fortunes-topic");
        assertThat(s.lr()).isEqualTo(0.08f);
        assertThat(s.batchSize()).isEqualTo(16);
        assertThat(s.momentum()).isEqualTo(0.9f);
    }

    @Test
    void givenOptionsWinAndVisionKeepsItsDefaults() {
        NodeSettings s = settings("--task", "fortunes-topic", "--lr", "0.02", "--batch-size", "32", "--momentum", "0");
        assertThat(s.lr()).isEqualTo(0.02f);
        assertThat(s.batchSize()).isEqualTo(32);
        assertThat(s.momentum()).isZero();
        NodeSettings vision = settings();
        assertThat(vision.lr()).isEqualTo(0.05f);
        assertThat(vision.batchSize()).isEqualTo(64);
        assertThat(vision.momentum()).isZero();
    }
}
