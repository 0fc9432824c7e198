package io.fedp2p.node.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fedp2p.gossip.protocol.PayloadEncoding;
import io.fedp2p.node.cli.NodeCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Option and YAML validation of {@code fedp2p node}, without starting a node. */
class NodeCommandTest {
    @TempDir
    Path dir;

    private static int run(StringWriter err, String... args) {
        CommandLine cl = new CommandLine(new NodeCommand());
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void badOptionsAreUsageErrorsThatNameTheOption() {
        StringWriter err = new StringWriter();

        assertThat(run(err, "--node-index", "3", "--num-nodes", "2")).isEqualTo(2);
        assertThat(err.toString()).contains("node-index must be in 0..1");

        StringWriter err2 = new StringWriter();
        assertThat(run(err2, "--encoding", "bf16")).isEqualTo(2);
        assertThat(err2.toString()).contains("float32, fp16 or int8");

        StringWriter err3 = new StringWriter();
        assertThat(run(err3, "--step-timeout", "soon")).isEqualTo(2);
        assertThat(err3.toString()).contains("step-timeout must be a duration");
    }

    @Test
    void exchangeModeIsCheckedAgainstTheAdapter() throws Exception {
        StringWriter err = new StringWriter();
        assertThat(run(err, "--exchange-mode", "frl-native", "--adapter", "lora"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("exchange mode frl-native needs adapter frl-mask, got lora");

        StringWriter err2 = new StringWriter();
        assertThat(run(err2, "--exchange-mode", "rankings")).isEqualTo(2);
        assertThat(err2.toString()).contains("unknown exchange mode 'rankings'; valid: float, frl-native");

        Path yaml = dir.resolve("node.yaml");
        Files.writeString(yaml, "adapter: ffa-lora\nexchange-mode: frl-native\n");
        StringWriter err3 = new StringWriter();
        assertThat(run(err3, "--config", yaml.toString())).isEqualTo(2);
        assertThat(err3.toString()).contains("needs adapter frl-mask, got ffa-lora");
    }

    @Test
    void unknownYamlKeysAreNamed() throws Exception {
        Path yaml = dir.resolve("node.yaml");
        Files.writeString(yaml, "rounds: 3\nroundz: 4\n");
        StringWriter err = new StringWriter();

        assertThat(run(err, "--config", yaml.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("unknown key 'roundz'").contains("rounds");
    }

    @Test
    void badYamlValuesNameTheKeyAndTheFile() throws Exception {
        Path yaml = dir.resolve("node.yaml");
        Files.writeString(yaml, "rounds: many\n");
        StringWriter err = new StringWriter();

        assertThat(run(err, "--config", yaml.toString())).isEqualTo(2);
        assertThat(err.toString())
                .contains(yaml.toString())
                .contains("--rounds")
                .contains("many");

        Files.writeString(yaml, "equivocate: maybe\n");
        StringWriter err2 = new StringWriter();
        assertThat(run(err2, "--config", yaml.toString())).isEqualTo(2);
        assertThat(err2.toString()).contains("key 'equivocate' must be true or false");
    }

    @Test
    void durationsAndEndpointsParse() {
        assertThat(NodeCommandAccess.duration("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(NodeCommandAccess.duration("2.5s")).isEqualTo(Duration.ofMillis(2500));
        assertThat(NodeCommandAccess.duration("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(NodeSettings.apiEndpoint("127.0.0.1:8080")).isEqualTo(new NodeSettings.Endpoint("127.0.0.1", 8080));
        assertThat(NodeSettings.apiEndpoint("[::1]:0")).isEqualTo(new NodeSettings.Endpoint("::1", 0));
        assertThatThrownBy(() -> NodeSettings.apiEndpoint("localhost")).hasMessageContaining("HOST:PORT");
        assertThat(PayloadEncoding.parse("int8")).isEqualTo(PayloadEncoding.INT8);
    }
}
