package io.fedp2p.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fedp2p.gossip.protocol.PayloadEncoding;
import io.fedp2p.node.engine.ExchangeSetting;
import io.fedp2p.sim.network.LatencySpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioReaderTest {
    @TempDir
    Path dir;

    private Path yaml(String text) throws IOException {
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, text);
        return f;
    }

    private static Scenario read(Path file, String... kv) {
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) o.put(kv[i], kv[i + 1]);
        return ScenarioReader.read(file, o);
    }

    @Test
    void defaultsAreTheTransferSettingWithAlgorithmsDefaults() {
        Scenario s = read(null);
        assertThat(s.nodes()).isEqualTo(20);
        assertThat(s.rounds()).isEqualTo(20);
        assertThat(s.seed()).isEqualTo(1);
        assertThat(s.topology().format()).isEqualTo("random-regular:4");
        assertThat(s.task().name()).isEqualTo("fashion-mnist");
        assertThat(s.task().adapter()).isEqualTo("ffa-lora");
        assertThat(s.learning()).isEqualTo(LearningSettings.DEFAULTS);
        assertThat(s.learning().gossipSteps()).isEqualTo(4);
        assertThat(s.learning().rho()).isEqualTo(0.01f);
        assertThat(s.defence().name()).isEqualTo("pipeline");
        assertThat(s.adversary().attack().name()).isEqualTo("none");
        assertThat(s.adversary().byzantine()).isZero();
        assertThat(s.network()).isEqualTo(io.fedp2p.sim.network.NetworkSettings.DEFAULTS);
        assertThat(s.churn()).isEmpty();
        assertThat(s.twins()).isEmpty();
        assertThat(s.targetAccuracy()).isNaN();
    }

    @Test
    void fortunesTopicHasTheDecentralizedTargetsDefaultsAndItsOwnKeys() throws IOException {
        Scenario s = read(null, "task", "fortunes-topic");
        assertThat(s.topology().format()).isEqualTo("small-world:4:0.1");
        assertThat(s.task().partition().toString()).isEqualTo("dirichlet:0.5");
        assertThat(s.task().adapter()).isEqualTo("ffa-lora");
        assertThat(s.task().topic()).isEqualTo(TaskSettings.TopicSettings.DEFAULTS);
        assertThat(s.learning()).isEqualTo(LearningSettings.TOPIC_DEFAULTS);
        assertThat(s.learning().trainSettings(470).clipNorm()).isEqualTo(1f);
        Scenario y = read(yaml("task: fortunes-topic\nmodel: bge-small\nfrozen-layers: 2\nmax-length: 64\n"));
        assertThat(y.task().topic()).isEqualTo(new TaskSettings.TopicSettings("bge-small", 2, 64));
        assertThatThrownBy(() -> read(null, "task", "fortunes-topic", "model", "gpt"))
                .hasMessageContaining("model")
                .hasMessageContaining("minilm");
        assertThatThrownBy(() -> read(null, "model", "minilm")).hasMessageContaining("only for task fortunes-topic");
        assertThat(read(null).learning().trainSettings(470).clipNorm()).isZero();
    }

    @Test
    void aFullFileIsRead() throws IOException {
        Scenario s = read(
                yaml(
                        """
                name: study
                seed: 7
                nodes: 40
                rounds: 12
                topology: small-world:4:0.2
                task: vector
                partition: dirichlet:0.3
                local-steps: 3
                gossip-steps: 2
                rho: 0
                lr: 0.1
                batch-size: 16
                attack: alie:z=1.0
                byzantine-fraction: 0.1
                placement: highest-degree
                defence: krum:f=2
                twins: [no-attack, no-defence]
                target-accuracy: 0.8
                exchange-timeout: 30s
                network:
                  latency: lognormal:20ms:0.5
                  link-latency: fixed
                  bandwidth: 10Mbit/s
                  loss: 0.01
                  encoding: fp16
                compute:
                  step-time: 5ms
                  heterogeneity: 0.3
                  stragglers: {fraction: 0.1, slowdown: 4}
                churn:
                  - {round: 3, crash: 2, downtime: 5s}
                  - {at: 10s, leave: 1}
                  - {round: 5, join: 3}
                evaluation: {every: 2, test-samples: 500}
                vector: {features: 8, classes: 4, samples-per-node: 30}
                """));
        assertThat(s.name()).isEqualTo("study");
        assertThat(s.seed()).isEqualTo(7);
        assertThat(s.adversary().byzantine()).isEqualTo(4);
        assertThat(s.adversary().attackText()).isEqualTo("alie:z=1.0");
        assertThat(s.adversary().placement().format()).isEqualTo("highest-degree");
        assertThat(s.defenceText()).isEqualTo("krum:f=2");
        assertThat(s.twins()).containsExactly(Twin.NO_ATTACK, Twin.NO_DEFENCE);
        assertThat(s.learning().exchangeTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.network().latency()).isEqualTo(LatencySpec.parse("lognormal:20ms:0.5"));
        assertThat(s.network().fixedPerLink()).isTrue();
        assertThat(s.network().bytesPerSecond()).isEqualTo(1.25e6);
        assertThat(s.network().encoding()).isEqualTo(PayloadEncoding.FLOAT16);
        assertThat(s.compute()).isEqualTo(new ComputeSettings(Duration.ofMillis(5), 0.3, 0.1, 4));
        assertThat(s.churn())
                .containsExactly(
                        new ChurnEvent(3, null, ChurnEvent.Kind.CRASH, 2, Duration.ofSeconds(5)),
                        new ChurnEvent(-1, Duration.ofSeconds(10), ChurnEvent.Kind.LEAVE, 1, null),
                        new ChurnEvent(5, null, ChurnEvent.Kind.JOIN, 3, null));
        assertThat(s.lateJoiners()).isEqualTo(3);
        assertThat(s.evaluation()).isEqualTo(new EvaluationSettings(2, 500));
        assertThat(s.task().vector().features()).isEqualTo(8);
        assertThat(s.task().vector().dimension()).isEqualTo(4 * 9);
    }

    @Test
    void unknownKeysAreErrorsThatNameTheKeyAndTheValidOnes() throws IOException {
        assertThatThrownBy(() -> read(yaml("nodes: 10\nnodez: 3\n")))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("key 'nodez'")
                .hasMessageContaining("valid keys")
                .hasMessageContaining("gossip-steps");
        assertThatThrownBy(() -> read(yaml("network:\n  latency: 5ms\n  jitter: 2ms\n")))
                .hasMessageContaining("key 'network.jitter'")
                .hasMessageContaining("bandwidth");
        assertThatThrownBy(() -> read(yaml("compute:\n  stragglers: {share: 0.1}\n")))
                .hasMessageContaining("key 'compute.stragglers.share'");
        assertThatThrownBy(() -> read(yaml("churn:\n  - {round: 2, crash: 1, downtime: 1s, why: test}\n")))
                .hasMessageContaining("key 'churn[0].why'");
    }

    @Test
    void badValuesNameTheirKey() throws IOException {
        assertThatThrownBy(() -> read(yaml("nodes: ten\n"))).hasMessageContaining("key 'nodes'");
        assertThatThrownBy(() -> read(null, "nodes", "1")).hasMessageContaining("key 'nodes'");
        assertThatThrownBy(() -> read(null, "topology", "hypercube")).hasMessageContaining("key 'topology'");
        assertThatThrownBy(() -> read(null, "attack", "alie:zz=3")).hasMessageContaining("key 'attack'");
        assertThatThrownBy(() -> read(null, "defence", "krum:f=x")).hasMessageContaining("key 'defence'");
        assertThatThrownBy(() -> read(null, "network.latency", "soon")).hasMessageContaining("key 'network.latency'");
        assertThatThrownBy(() -> read(null, "network.loss", "1.5")).hasMessageContaining("key 'network.loss'");
        assertThatThrownBy(() -> read(null, "task", "cifar")).hasMessageContaining("key 'task'");
        assertThatThrownBy(() -> read(null, "adapter", "dora")).hasMessageContaining("key 'adapter'");
        assertThatThrownBy(() -> read(null, "twins", "no-sleep")).hasMessageContaining("key 'twins'");
        assertThatThrownBy(() -> read(null, "equivocate", "maybe")).hasMessageContaining("key 'equivocate'");
        assertThatThrownBy(() -> read(yaml("network: 5\n"))).hasMessageContaining("key 'network'");
        assertThatThrownBy(() -> read(yaml("- a\n- b\n"))).hasMessageContaining("map of settings");
        assertThatThrownBy(() -> read(yaml("nodes: [1\n"))).hasMessageContaining("not valid YAML");
        assertThatThrownBy(() -> read(dir.resolve("missing.yaml"))).hasMessageContaining("not found");
    }

    @Test
    void exchangeModeIsReadAndCheckedAgainstAdapterAndTask() throws IOException {
        assertThat(read(null).task().exchangeMode()).isEqualTo(ExchangeSetting.FLOAT);
        assertThat(read(yaml("adapter: frl-mask\nexchange-mode: frl-native\n"))
                        .task()
                        .exchangeMode())
                .isEqualTo(ExchangeSetting.FRL_NATIVE);
        assertThatThrownBy(() -> read(null, "exchange-mode", "frl-native"))
                .hasMessageContaining("key 'exchange-mode'")
                .hasMessageContaining("needs adapter frl-mask, got ffa-lora");
        assertThatThrownBy(() -> read(null, "exchange-mode", "frl-native", "adapter", "frl-mask", "task", "vector"))
                .hasMessageContaining("key 'exchange-mode'")
                .hasMessageContaining("needs task fashion-mnist");
        assertThatThrownBy(() -> read(null, "exchange-mode", "ranks"))
                .hasMessageContaining("key 'exchange-mode'")
                .hasMessageContaining("valid: float, frl-native");
    }

    @Test
    void crossChecksNameTheKeyToFix() {
        assertThatThrownBy(() -> read(null, "attack", "sign-flip")).hasMessageContaining("key 'byzantine'");
        assertThatThrownBy(() -> read(null, "nodes", "5", "byzantine", "5")).hasMessageContaining("key 'byzantine'");
        assertThatThrownBy(() -> read(null, "byzantine", "1", "byzantine-fraction", "0.1"))
                .hasMessageContaining("not both");
        assertThatThrownBy(() -> read(null, "twins", "no-attack")).hasMessageContaining("key 'twins'");
        assertThatThrownBy(() -> read(null, "churn", "x")).hasMessageContaining("key 'churn'");
    }

    @Test
    void churnEventsNeedOneActionAndCrashesADowntime() throws IOException {
        assertThatThrownBy(() -> read(yaml("churn:\n  - {round: 2}\n"))).hasMessageContaining("churn[0]");
        assertThatThrownBy(() -> read(yaml("churn:\n  - {round: 2, crash: 1}\n")))
                .hasMessageContaining("downtime");
        assertThatThrownBy(() -> read(yaml("churn:\n  - {round: 2, crash: 1, leave: 1, downtime: 1s}\n")))
                .hasMessageContaining("one of crash, leave, join");
        assertThatThrownBy(() -> read(yaml("churn:\n  - {leave: 1}\n"))).hasMessageContaining("exactly one of round");
        assertThatThrownBy(() -> read(yaml("nodes: 4\nchurn:\n  - {round: 1, join: 4}\n")))
                .hasMessageContaining("key 'churn'");
    }

    @Test
    void overridesReplaceTheFileAndNullRemovesAKey() throws IOException {
        Path f = yaml("nodes: 30\nbyzantine-fraction: 0.1\nnetwork: {latency: 5ms, loss: 0.1}\n");
        Map<String, String> o = new LinkedHashMap<>();
        o.put("byzantine-fraction", null);
        o.put("byzantine", "2");
        o.put("network.loss", "0.2");
        Scenario s = ScenarioReader.read(f, o);
        assertThat(s.nodes()).isEqualTo(30);
        assertThat(s.adversary().byzantine()).isEqualTo(2);
        assertThat(s.network().loss()).isEqualTo(0.2);
        assertThat(s.network().latency()).isEqualTo(LatencySpec.parse("5ms"));
        assertThat(read(f).adversary().byzantine()).isEqualTo(3);
    }

    @Test
    void twinsSwapOnlyTheAttackOrTheDefence() {
        Scenario s = read(
                null, "attack", "sign-flip", "byzantine", "3", "defence", "median", "twins", "no-attack,no-defence");
        Scenario a = s.twin(Twin.NO_ATTACK);
        assertThat(a.adversary().attack().name()).isEqualTo("none");
        assertThat(a.adversary().byzantine()).isEqualTo(3);
        assertThat(a.defenceText()).isEqualTo("median");
        assertThat(a.twins()).isEmpty();
        Scenario d = s.twin(Twin.NO_DEFENCE);
        assertThat(d.defenceText()).isEqualTo("mean");
        assertThat(d.adversary().attack().name()).isEqualTo("sign-flip");
    }
}
