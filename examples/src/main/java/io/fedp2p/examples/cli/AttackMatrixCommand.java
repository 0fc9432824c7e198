package io.fedp2p.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fedp2p.examples.matrix.MatrixColumn;
import io.fedp2p.examples.matrix.MatrixPlan;
import io.fedp2p.examples.matrix.MatrixRow;
import io.fedp2p.sim.scenario.Scenario;
import io.fedp2p.sim.scenario.ScenarioException;
import io.fedp2p.sim.scenario.ScenarioReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code fedp2p attack-matrix} (CLI.md): every attack × every defence on the simulator, at 20% and 30% Byzantine by
 * default, written to {@code results.json}, {@code results.csv}, {@code results.md} and {@code matrix.png}, with the
 * table on stdout.
 */
@Command(
        name = "attack-matrix",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Runs every attack against every defence on the simulator (the node's round engine on a virtual clock) and"
                    + " prints the table of honest test accuracy. Deterministic: the same scenario and seed give an"
                    + " identical results.json.",
            "Default scenario: Fashion-MNIST (transfer setting), Dirichlet 0.3, 16 nodes on a random 6-regular graph,"
                    + " ffa-lora, K = 20, Q = 4, 10 rounds, 20%% and 30%% Byzantine (see --print-scenario).",
            "Writes --out DIR: results.json, results.csv, results.md, matrix.png, run.json."
        })
public final class AttackMatrixCommand implements Callable<Integer> {
    /** The built-in scenario (a classpath resource). */
    static final String DEFAULT_SCENARIO = "/io/fedp2p/examples/attack-matrix.yaml";

    /** The built-in scenario of {@code --task fortunes-topic}. */
    static final String TOPIC_SCENARIO = "/io/fedp2p/examples/attack-matrix-fortunes-topic.yaml";

    @Spec
    CommandSpec spec;

    @Option(names = "--scenario", paramLabel = "FILE", description = "base scenario YAML (keys of fedp2p sim)")
    Path scenario;

    @Option(
            names = "--byzantine-fraction",
            paramLabel = "F",
            split = ",",
            description = "Byzantine fractions, repeatable or comma-separated (default 0.2,0.3; --quick: 0.2)")
    List<Double> fractions = new ArrayList<>();

    @Option(
            names = "--attacks",
            paramLabel = "A,...",
            split = ",",
            description = "rows: attack names or specs (default: the 14 rows; 'none' is the no-attack row)")
    List<String> attacks = new ArrayList<>();

    @Option(
            names = "--defences",
            paramLabel = "D,...",
            split = ",",
            description = "columns: defence names or specs (default: the 10 columns)")
    List<String> defences = new ArrayList<>();

    @Option(
            names = "--quick",
            description =
                    "a smaller run for a first look: 20%% Byzantine only and 5 rounds (override with the options)")
    boolean quick;

    @Option(
            names = "--task",
            paramLabel = "NAME",
            description = "fashion-mnist or fortunes-topic; without --scenario, fortunes-topic starts from its own"
                    + " built-in scenario (8 nodes, small-world, Dirichlet 0.5; see --print-scenario)")
    String task;

    @Option(
            names = "--model",
            paramLabel = "NAME",
            description = "fortunes-topic: the pretrained encoder, minilm (default) or bge-small")
    String model;

    @Option(names = "--seed", paramLabel = "S", description = "seed (default: the scenario's)")
    String seed;

    @Option(names = "--nodes", paramLabel = "N", description = "nodes (default: the scenario's)")
    String nodes;

    @Option(names = "--rounds", paramLabel = "R", description = "rounds (default: the scenario's)")
    String rounds;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "set any scenario key (dotted for nested keys)")
    List<String> sets = new ArrayList<>();

    @Option(
            names = "--out",
            paramLabel = "DIR",
            defaultValue = "attack-matrix",
            description = "(default: ${DEFAULT-VALUE})")
    Path out;

    @Option(
            names = "--threads",
            paramLabel = "T",
            description = "workers for training and evaluation (default: min(2, cores)); results do not depend on it")
    Integer threads;

    @Option(names = "--no-chart", description = "skip matrix.png")
    boolean noChart;

    @Option(names = "--print-scenario", description = "print the built-in default scenario and exit")
    boolean printScenario;

    @Option(names = "--json", description = "print results.json as one JSON object on stdout")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (printScenario) {
            try (InputStream in = AttackMatrixCommand.class.getResourceAsStream(builtInName())) {
                System.out.print(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            }
            return 0;
        }
        int t = threads != null ? threads : io.fedp2p.node.train.EngineSetup.defaultThreads();
        if (t < 1 || t > 256) throw new ParameterException(spec.commandLine(), "--threads must be in 1..256");
        return new AttackMatrixRun(spec, plan(), out, t, !noChart, json).call();
    }

    MatrixPlan plan() {
        ObjectNode root;
        try {
            root = scenario != null ? ScenarioReader.load(scenario) : builtIn(builtInName());
            if (quick) ScenarioReader.override(root, "rounds", "5");
            put(root, "task", task);
            put(root, "model", model);
            put(root, "seed", seed);
            put(root, "nodes", nodes);
            put(root, "rounds", rounds);
            for (String kv : sets) {
                int eq = kv.indexOf('=');
                if (eq <= 0) throw bad("--set needs KEY=VALUE, got '" + kv + "'");
                ScenarioReader.override(
                        root, kv.substring(0, eq).strip(), kv.substring(eq + 1).strip());
            }
            Scenario base = ScenarioReader.parse(root);
            List<MatrixRow> rows = new ArrayList<>();
            if (attacks.isEmpty()) rows.addAll(MatrixRow.DEFAULTS);
            for (String a : attacks) rows.add(MatrixRow.of(a));
            List<MatrixColumn> cols = new ArrayList<>();
            if (defences.isEmpty()) cols.addAll(MatrixColumn.DEFAULTS);
            for (String d : defences) cols.add(MatrixColumn.of(d));
            List<Double> f = new ArrayList<>(fractions);
            if (f.isEmpty()) f.addAll(quick ? List.of(0.2) : List.of(0.2, 0.3));
            return new MatrixPlan(base, rows, cols, f);
        } catch (ScenarioException e) {
            throw bad((scenario == null ? "" : scenario + ": ") + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw bad(e.getMessage());
        }
    }

    private static void put(ObjectNode root, String key, String value) {
        if (value != null) ScenarioReader.override(root, key, value);
    }

    private ParameterException bad(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    private String builtInName() {
        return io.fedp2p.node.train.TopicTasks.NAME.equals(task) ? TOPIC_SCENARIO : DEFAULT_SCENARIO;
    }

    static ObjectNode builtIn() {
        return builtIn(DEFAULT_SCENARIO);
    }

    static ObjectNode builtIn(String resource) {
        try (InputStream in = AttackMatrixCommand.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing resource " + resource);
            return (ObjectNode) new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }
}
