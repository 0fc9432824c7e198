package io.fedp2p.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fedp2p.node.engine.ExchangeSetting;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code --exchange-mode} of {@code fedp2p node} (ALGORITHMS.md §3.9a) reaches the settings, from options or YAML. */
class NodeExchangeModeTest {
    @TempDir
    Path dir;

    private static NodeCommand parsed(String... args) {
        NodeCommand c = new NodeCommand();
        new CommandLine(c).parseArgs(args);
        return c;
    }

    @Test
    void theOptionSelectsFrlNativeAndFloatIsTheDefault() {
        assertThat(parsed("--adapter", "frl-mask", "--exchange-mode", "frl-native")
                        .settings()
                        .exchangeMode())
                .isEqualTo(ExchangeSetting.FRL_NATIVE);
        assertThat(parsed("--adapter", "frl-mask").settings().exchangeMode()).isEqualTo(ExchangeSetting.FLOAT);
    }

    @Test
    void theYamlKeyIsTheOptionName() throws Exception {
        Path yaml = dir.resolve("node.yaml");
        Files.writeString(yaml, "adapter: frl-mask\nexchange-mode: frl-native\n");
        NodeCommand c = new NodeCommand();
        CommandLine cl = new CommandLine(c);
        cl.parseArgs("--config", yaml.toString());
        NodeCommand merged = new NodeCommand();
        new CommandLine(merged).parseArgs(ConfigFile.toArgs(yaml, c.spec).toArray(String[]::new));

        assertThat(merged.settings().exchangeMode()).isEqualTo(ExchangeSetting.FRL_NATIVE);
    }

    @Test
    void parseNamesTheValidModes() {
        assertThat(ExchangeSetting.parse(" frl-native ")).isEqualTo(ExchangeSetting.FRL_NATIVE);
        assertThat(ExchangeSetting.FLOAT.hashSuffix()).isEmpty();
        assertThat(ExchangeSetting.FRL_NATIVE.hashSuffix()).isEqualTo("|exchange=frl-native");
    }
}
