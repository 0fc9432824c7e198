package io.fedp2p.sim.cli;

import io.fedp2p.node.train.EngineSetup;
import io.fedp2p.sim.dashboard.SimServe;
import io.fedp2p.sim.scenario.Scenario;
import io.fedp2p.sim.scenario.ScenarioException;
import io.fedp2p.sim.scenario.ScenarioReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code fedp2p sim} (CLI.md): a deterministic discrete-event simulation running the node's round engine over the
 * in-memory transport on a virtual clock. Settings come from {@code --scenario FILE.yaml}; options override the
 * file's keys of the same name (and {@code --set KEY=VALUE} any nested key). Writes {@code metrics.jsonl}, {@code
 * summary.json}, {@code run.json} and the plots into {@code --out}.
 */
@Command(
        name = "sim",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Simulates a fedp2p network in one JVM: every node runs the real round engine over an in-memory transport"
                    + " on a virtual clock. The same scenario and seed give a byte-identical summary.json.",
            "Writes --out DIR: metrics.jsonl (one line per round), summary.json, run.json, accuracy.png,"
                    + " consensus.png, bytes.png."
        })
public final class SimCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--scenario", paramLabel = "FILE", description = "scenario YAML; options override its keys")
    Path scenario;

    @Option(names = "--nodes", paramLabel = "N", description = "number of nodes (default 20)")
    String nodes;

    @Option(names = "--rounds", paramLabel = "R", description = "rounds (default 20)")
    String rounds;

    @Option(
            names = "--topology",
            paramLabel = "KIND[:DEGREE]",
            description = "ring, torus, random-regular:4 (default), erdos-renyi:P, small-world:4:0.1, scale-free:4,"
                    + " complete, file:GRAPH")
    String topology;

    @Option(
            names = "--task",
            paramLabel = "NAME",
            description =
                    "fashion-mnist (default), fortunes-topic (8 fortune topics on a pretrained encoder) or vector")
    String task;

    @Option(
            names = "--model",
            paramLabel = "NAME",
            description = "fortunes-topic: the pretrained encoder, minilm (default) or bge-small")
    String model;

    @Option(
            names = "--frozen-layers",
            paramLabel = "L",
            description =
                    "fortunes-topic: freeze and cache the lowest L encoder layers, shared by all nodes (default 4)")
    String frozenLayers;

    @Option(
            names = "--max-length",
            paramLabel = "T",
            description = "fortunes-topic: tokens per entry, longer ones are truncated (default 64)")
    String maxLength;

    @Option(names = "--attack", paramLabel = "NAME[:K=V,...]", description = "attack of the Byzantine nodes (none)")
    String attack;

    @Option(names = "--byzantine", paramLabel = "COUNT", description = "number of Byzantine nodes (default 0)")
    String byzantine;

    @Option(names = "--byzantine-fraction", paramLabel = "F", description = "instead of --byzantine: a share of n")
    String byzantineFraction;

    @Option(
            names = "--placement",
            paramLabel = "P",
            description = "random (default), highest-degree, around-victim[:V]")
    String placement;

    @Option(names = "--defence", paramLabel = "NAME[:K=V,...]", description = "pipeline (default) or a rule name")
    String defence;

    @Option(names = "--seed", paramLabel = "S", description = "seed of every random choice (default 1)")
    String seed;

    @Option(names = "--partition", paramLabel = "P", description = "iid (default), dirichlet:A, shards:K, quantity:A")
    String partition;

    @Option(names = "--adapter", paramLabel = "NAME", description = "ffa-lora (default), lora, fed-sb, head, frl-mask")
    String adapter;

    @Option(
            names = "--exchange-mode",
            paramLabel = "MODE",
            description =
                    "float (default) or frl-native (with --adapter frl-mask: rankings voted on, ALGORITHMS §3.9a)")
    String exchangeMode;

    @Option(names = "--local-steps", paramLabel = "K", description = "local steps; 0 = one local epoch (default)")
    String localSteps;

    @Option(names = "--gossip-steps", paramLabel = "Q", description = "mixing steps per round (default 4)")
    String gossipSteps;

    @Option(names = "--rho", paramLabel = "R", description = "SAM radius; 0 = SGD (default 0.01)")
    String rho;

    @Option(
            names = "--lr",
            paramLabel = "LR",
            description = "learning rate of round 0 (default 0.05; fortunes-topic: 0.08)")
    String lr;

    @Option(names = "--batch-size", paramLabel = "B", description = "minibatch size (default 64; fortunes-topic: 16)")
    String batchSize;

    @Option(names = "--twin", paramLabel = "NAME", description = "also run the twin no-attack or no-defence")
    List<String> twins = new ArrayList<>();

    @Option(names = "--target-accuracy", paramLabel = "A", description = "report the rounds to reach A")
    String targetAccuracy;

    @Option(names = "--latency", paramLabel = "DIST", description = "e.g. 20ms, lognormal:20ms:0.5 (default 10ms)")
    String latency;

    @Option(names = "--bandwidth", paramLabel = "RATE", description = "per link, e.g. 100Mbit/s (default), inf")
    String bandwidth;

    @Option(names = "--loss", paramLabel = "P", description = "message loss probability (default 0)")
    String loss;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Fashion-MNIST or fortunes directory")
    String dataDir;

    @Option(names = "--backbone", paramLabel = "FILE", description = "frozen backbone (default: the transfer one)")
    String backbone;

    @Option(
            names = "--set",
            paramLabel = "KEY=VALUE",
            description = "set any scenario key, nested keys dotted (compute.step-time=20ms)")
    List<String> sets = new ArrayList<>();

    @Option(
            names = "--out",
            paramLabel = "DIR",
            defaultValue = "sim-out",
            description = "output (default ${DEFAULT-VALUE})")
    Path out;

    @Option(
            names = "--threads",
            paramLabel = "T",
            description = "worker threads for training and evaluation (default: min(2, cores)); results do not"
                    + " depend on it")
    Integer threads;

    @Option(names = "--no-charts", description = "skip the PNG plots")
    boolean noCharts;

    @Option(names = "--json", description = "print summary.json as one JSON object on stdout")
    boolean json;

    @Option(
            names = "--serve",
            paramLabel = "HOST:PORT",
            description = "serve the live dashboard here while the simulation runs and after it ends, until Ctrl-C"
                    + " (URL on stderr; loopback unless you mean it: no authentication)")
    String serve;

    @Option(
            names = "--serve-round-delay",
            paramLabel = "DURATION",
            description = "with --serve: wait this long after each round so a browser can follow (e.g. 200ms;"
                    + " results do not change)")
    String serveRoundDelay;

    @Option(
            names = "--replay",
            paramLabel = "DIR",
            description = "do not simulate: serve the dashboard of a finished run's --out DIR (at --serve, default"
                    + " 127.0.0.1:0)")
    Path replay;

    @Override
    public Integer call() throws Exception {
        SimServe serving = serving();
        if (replay != null) {
            try {
                serving.replay(replay);
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            return 0;
        }
        Scenario s = scenario();
        int t = threads != null ? threads : EngineSetup.defaultThreads();
        if (t < 1 || t > 256) throw new ParameterException(spec.commandLine(), "--threads must be in 1..256");
        return new SimRun(spec, s, out, t, !noCharts, json, serve == null ? null : serving).call();
    }

    private SimServe serving() {
        if (serveRoundDelay != null && serve == null)
            throw new ParameterException(spec.commandLine(), "--serve-round-delay needs --serve");
        try {
            return SimServe.parse(serve, serveRoundDelay);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--serve: " + e.getMessage());
        }
    }

    private Scenario scenario() {
        Map<String, String> o = new LinkedHashMap<>();
        put(o, "nodes", nodes);
        put(o, "rounds", rounds);
        put(o, "topology", topology);
        put(o, "task", task);
        put(o, "model", model);
        put(o, "frozen-layers", frozenLayers);
        put(o, "max-length", maxLength);
        put(o, "attack", attack);
        // a count on the command line replaces a fraction in the file, and the other way round
        if (byzantine != null) o.put("byzantine-fraction", null);
        if (byzantineFraction != null) o.put("byzantine", null);
        put(o, "byzantine", byzantine);
        put(o, "byzantine-fraction", byzantineFraction);
        put(o, "placement", placement);
        put(o, "defence", defence);
        put(o, "seed", seed);
        put(o, "partition", partition);
        put(o, "adapter", adapter);
        put(o, "exchange-mode", exchangeMode);
        put(o, "local-steps", localSteps);
        put(o, "gossip-steps", gossipSteps);
        put(o, "rho", rho);
        put(o, "lr", lr);
        put(o, "batch-size", batchSize);
        if (!twins.isEmpty()) o.put("twins", String.join(",", twins));
        put(o, "target-accuracy", targetAccuracy);
        put(o, "network.latency", latency);
        put(o, "network.bandwidth", bandwidth);
        put(o, "network.loss", loss);
        put(o, "data-dir", dataDir);
        put(o, "backbone", backbone);
        for (String kv : sets) {
            int eq = kv.indexOf('=');
            if (eq <= 0) throw new ParameterException(spec.commandLine(), "--set needs KEY=VALUE, got '" + kv + "'");
            o.put(kv.substring(0, eq).strip(), kv.substring(eq + 1).strip());
        }
        try {
            return ScenarioReader.read(scenario, o);
        } catch (ScenarioException e) {
            String where = scenario == null ? "" : scenario + ": ";
            throw new ParameterException(spec.commandLine(), where + e.getMessage());
        }
    }

    private static void put(Map<String, String> o, String key, String value) {
        if (value != null) o.put(key, value);
    }
}
