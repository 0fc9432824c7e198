package io.fedp2p.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fedp2p.examples.demo.DemoSettings;
import io.fedp2p.sim.scenario.Scenario;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * {@code --task fortunes-topic --model minilm} of {@code attack-matrix} (its own built-in scenario) and {@code demo}
 * (the peers' task, K = 5 by default), without running them.
 */
class TopicOptionsTest {
    private static Scenario base(String... args) {
        AttackMatrixCommand cmd = new AttackMatrixCommand();
        new CommandLine(cmd).parseArgs(args);
        return cmd.plan().base();
    }

    @Test
    void fortunesTopicUsesItsBuiltInScenario() {
        Scenario s = base("--task", "fortunes-topic", "--model", "minilm", "--attacks", "sign-flip");
        assertThat(s.task().name()).isEqualTo("fortunes-topic");
        assertThat(s.task().topic().model()).isEqualTo("minilm");
        assertThat(s.nodes()).isEqualTo(8);
        assertThat(s.topology().format()).isEqualTo("small-world:4:0.1");
        assertThat(s.task().partition().toString()).isEqualTo("dirichlet:0.5");
        assertThat(s.learning().localSteps()).isEqualTo(0);
        assertThat(s.learning().lr()).isEqualTo(0.08f);
        assertThat(s.learning().batchSize()).isEqualTo(16);
        assertThat(base().task().name()).isEqualTo("fashion-mnist");
        assertThat(base("--task", "fortunes-topic", "--model", "bge-small")
                        .task()
                        .topic()
                        .model())
                .isEqualTo("bge-small");
    }

    @Test
    void demoPassesTheTaskToItsPeers(@TempDir Path out) {
        DemoCommand cmd = new DemoCommand();
        new CommandLine(cmd).parseArgs("--task", "fortunes-topic", "--model", "minilm", "--out", out.toString());
        DemoSettings s = cmd.settings();
        assertThat(s.task().isTopic()).isTrue();
        assertThat(s.task().model()).isEqualTo("minilm");
        assertThat(s.localSteps()).isEqualTo(0);
        DemoCommand vision = new DemoCommand();
        new CommandLine(vision).parseArgs("--out", out.toString());
        assertThat(vision.settings().task().isTopic()).isFalse();
        assertThat(vision.settings().localSteps()).isEqualTo(20);
        DemoCommand bad = new DemoCommand();
        new CommandLine(bad).parseArgs("--task", "fortunes-topic", "--model", "gpt", "--out", out.toString());
        assertThatThrownBy(bad::settings).isInstanceOf(ParameterException.class).hasMessageContaining("minilm");
    }
}
