package io.fedp2p.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fedp2p.node.cli.NodeCommand;
import io.fedp2p.sim.scenario.Scenario;
import io.fedp2p.sim.scenario.ScenarioReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every configuration shipped under {@code examples/} is valid for the command its guide runs it with. */
class ExampleConfigsTest {
    private static final Path ROOT = Path.of("").toAbsolutePath();

    private static List<Path> yamls(String dir) throws Exception {
        try (Stream<Path> s = Files.list(ROOT.resolve(dir))) {
            return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @Test
    void simulationScenariosParse() throws Exception {
        List<Path> files = new java.util.ArrayList<>();
        for (String d : List.of("topology-study", "attack-study", "tuning", "scenarios")) files.addAll(yamls(d));
        assertThat(files).hasSizeGreaterThanOrEqualTo(6);
        for (Path f : files) {
            Scenario s = ScenarioReader.read(f, Map.of());
            assertThat(s.nodes()).as(f.toString()).isGreaterThan(1);
        }
    }

    @Test
    void nodeConfigsUseOnlyNodeOptions() throws Exception {
        CommandLine node = new CommandLine(new NodeCommand());
        List<Path> files = yamls("configs");
        assertThat(files).isNotEmpty();
        for (Path f : files) {
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(f.toFile());
            root.fieldNames()
                    .forEachRemaining(k -> assertThat(node.getCommandSpec().findOption("--" + k))
                            .as(f + ": " + k)
                            .isNotNull());
        }
    }
}
