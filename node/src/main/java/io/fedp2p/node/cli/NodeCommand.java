package io.fedp2p.node.cli;

import io.fedp2p.gossip.multiaddr.Multiaddr;
import io.fedp2p.gossip.protocol.PayloadEncoding;
import io.fedp2p.node.engine.ExchangeSetting;
import io.fedp2p.node.runtime.NodeRuntime;
import io.fedp2p.node.runtime.NodeSettings;
import io.fedp2p.node.runtime.NodeSetupException;
import io.fedp2p.node.runtime.TaskChoice;
import io.fedp2p.node.train.EngineSetup;
import io.fedp2p.node.train.TopicTasks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code fedp2p node}: a full peer (CLI.md). Options may also come from {@code --config node.yaml}, whose keys are the
 * option names without dashes; options on the command line override the file. The first stdout line is {@code
 * Listening on <multiaddr>}; logs go to stderr.
 */
@Command(
        name = "node",
        mixinStandardHelpOptions = true,
        description = {
            "Runs a peer: libp2p host, signed gossip (/fedp2p/gossip/1.0.0), local DFedSAM training of the adapter,"
                    + " the robustness pipeline, checkpoints and an HTTP API (/status, /peers, /rounds, /metrics).",
            "Prints 'Listening on <multiaddr>' first; writes metrics.jsonl and checkpoints into --out; a restart with"
                    + " the same --out resumes after the last completed round. Ctrl-C stops cleanly."
        })
public final class NodeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--config", description = "YAML file with the same settings (keys without dashes)")
    Path config;

    @Option(
            names = "--listen",
            defaultValue = "/ip4/0.0.0.0/tcp/4001",
            description = "listen address (default: ${DEFAULT-VALUE}; tests use /ip4/127.0.0.1/tcp/0)")
    String listen;

    @Option(
            names = "--key",
            description = "identity key file, created (mode 0600) when missing (default: OUT/identity.key)")
    Path key;

    @Option(names = "--bootstrap", description = "peer to join through, repeatable (/p2p/<id> checked when given)")
    List<String> bootstrap = new ArrayList<>();

    @Option(
            names = "--task",
            defaultValue = "fashion-mnist",
            description = "fashion-mnist, or fortunes-topic (8 fortune topics on a pretrained encoder, --model) "
                    + "(default: ${DEFAULT-VALUE})")
    String task;

    @Option(
            names = "--model",
            defaultValue = "minilm",
            description = "fortunes-topic: the pretrained encoder, minilm or bge-small (default: ${DEFAULT-VALUE})")
    String model;

    @Option(
            names = "--frozen-layers",
            defaultValue = "4",
            description = "fortunes-topic: freeze and cache the lowest L encoder layers (default: ${DEFAULT-VALUE})")
    int frozenLayers;

    @Option(
            names = "--max-length",
            defaultValue = "128",
            description = "fortunes-topic: tokens per entry, longer ones are truncated (default: ${DEFAULT-VALUE})")
    int maxLength;

    @Option(names = "--backbone", description = "frozen backbone file (default: the transfer-setting backbone, cached)")
    Path backbone;

    @Option(names = "--cache-dir", description = "cache of the default backbone (default: ~/.cache/fedp2p)")
    Path cacheDir;

    @Option(
            names = "--adapter",
            defaultValue = "ffa-lora",
            description = "lora, ffa-lora, fed-sb, head, frl-mask (default: ${DEFAULT-VALUE})")
    String adapter;

    @Option(
            names = "--exchange-mode",
            defaultValue = "float",
            description = "float (θ as floats) or frl-native (with --adapter frl-mask: per-layer rankings voted with a"
                    + " W-weighted Borda count, only the head as floats) (default: ${DEFAULT-VALUE})")
    String exchangeMode;

    @Option(names = "--rank", defaultValue = "8", description = "adapter rank r (default: ${DEFAULT-VALUE})")
    int rank;

    @Option(
            names = "--data-dir",
            description = "Fashion-MNIST or fortunes directory (default: the Debian package's location)")
    Path dataDir;

    @Option(
            names = "--partition",
            defaultValue = "iid",
            description = "iid, dirichlet:A, shards:K (default: ${DEFAULT-VALUE})")
    String partition;

    @Option(
            names = "--node-index",
            defaultValue = "0",
            description = "this node's part I of the data (default: ${DEFAULT-VALUE})")
    int nodeIndex;

    @Option(
            names = "--num-nodes",
            defaultValue = "1",
            description = "parts N the data is split into (default: ${DEFAULT-VALUE})")
    int numNodes;

    @Option(
            names = "--rounds",
            defaultValue = "0",
            description = "stop after N rounds; 0 = run until stopped (default: ${DEFAULT-VALUE})")
    long rounds;

    @Option(
            names = "--local-steps",
            defaultValue = "0",
            description = "K local SAM steps per round; 0 = one local epoch (default: ${DEFAULT-VALUE})")
    int localSteps;

    @Option(
            names = "--gossip-steps",
            defaultValue = "4",
            description = "Q mixing steps per round (default: ${DEFAULT-VALUE})")
    int gossipSteps;

    @Option(names = "--rho", defaultValue = "0.01", description = "SAM radius; 0 = SGD (default: ${DEFAULT-VALUE})")
    float rho;

    @Option(
            names = "--lr",
            defaultValue = "0.05",
            description = "learning rate of round 0 (default: ${DEFAULT-VALUE}; fortunes-topic: 0.08)")
    float lr;

    @Option(
            names = "--lr-decay",
            defaultValue = "0.998",
            description = "learning-rate factor per round (default: ${DEFAULT-VALUE})")
    float lrDecay;

    @Option(
            names = "--batch-size",
            defaultValue = "64",
            description = "(default: ${DEFAULT-VALUE}; fortunes-topic: 16)")
    int batchSize;

    @Option(
            names = "--momentum",
            defaultValue = "0",
            description = "SGD momentum, reset every round (default: ${DEFAULT-VALUE}; fortunes-topic: 0.9)")
    float momentum;

    @Option(
            names = "--defence",
            defaultValue = "pipeline",
            description =
                    "pipeline or any rule of 'fedp2p aggregate', with parameters as name:k=v (default: ${DEFAULT-VALUE})")
    String defence;

    @Option(
            names = "--attack",
            defaultValue = "none",
            description =
                    "misbehave as this attack (experiments only; names as attack-matrix) (default: ${DEFAULT-VALUE})")
    String attack;

    @Option(
            names = "--equivocate",
            description = "with --attack: send the forged model to half the neighbours, the honest one to the rest")
    boolean equivocate;

    @Option(
            names = "--out",
            defaultValue = "fedp2p-node",
            description = "metrics.jsonl, checkpoints, identity (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(
            names = "--api",
            defaultValue = "127.0.0.1:0",
            description = "HTTP API HOST:PORT (default: ${DEFAULT-VALUE}); the bound address is printed on stderr")
    String api;

    @Option(
            names = "--seed",
            defaultValue = "0",
            description = "every random choice (shared by the network's nodes) (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(
            names = "--network",
            defaultValue = "fedp2p",
            description = "network id; nodes of other networks are refused (default: ${DEFAULT-VALUE})")
    String network;

    @Option(
            names = "--encoding",
            defaultValue = "float32",
            description = "how vectors travel: float32, fp16, int8 (default: ${DEFAULT-VALUE})")
    String encoding;

    @Option(
            names = "--max-message-bytes",
            defaultValue = "268435456",
            description = "largest model message accepted (default: ${DEFAULT-VALUE})")
    long maxMessageBytes;

    @Option(
            names = "--target-degree",
            defaultValue = "8",
            description = "neighbours to dial for (default: ${DEFAULT-VALUE})")
    int targetDegree;

    @Option(
            names = "--max-degree",
            defaultValue = "16",
            description = "connections beyond are closed (default: ${DEFAULT-VALUE})")
    int maxDegree;

    @Option(
            names = "--topology",
            description = "fixed neighbours for experiments: YAML/JSON 'peers: [multiaddr/p2p/ID, ...]'")
    Path topology;

    @Option(
            names = "--min-neighbours",
            defaultValue = "1",
            description = "start a round only with this many neighbours (default: ${DEFAULT-VALUE})")
    int minNeighbours;

    @Option(
            names = "--exchange-timeout",
            defaultValue = "60s",
            description = "how long step 0 waits for neighbours (default: ${DEFAULT-VALUE})")
    String exchangeTimeout;

    @Option(
            names = "--step-timeout",
            defaultValue = "10s",
            description = "how long each later gossip step waits (default: ${DEFAULT-VALUE})")
    String stepTimeout;

    @Option(names = "--threads", description = "PyTorch intra-op threads (default: min(2, cores))")
    Integer threads;

    @Option(names = "--no-pex", description = "do not ask neighbours for more peers")
    boolean noPex;

    @Override
    public Integer call() {
        if (config != null) return fromConfig();
        return run(settings());
    }

    private Integer fromConfig() {
        List<String> args = ConfigFile.toArgs(config, spec);
        List<String> cli = new ArrayList<>(spec.commandLine().getParseResult().originalArgs());
        for (int i = 0; i < cli.size(); i++) {
            if (cli.get(i).equals("--config")) {
                cli.remove(i + 1);
                cli.remove(i);
                break;
            }
            if (cli.get(i).startsWith("--config=")) {
                cli.remove(i);
                break;
            }
        }
        args.addAll(cli);
        NodeCommand merged = new NodeCommand();
        CommandLine cl = new CommandLine(merged).setOverwrittenOptionsAllowed(true);
        try {
            cl.parseArgs(args.toArray(String[]::new));
        } catch (ParameterException e) {
            throw new ParameterException(spec.commandLine(), config + ": " + e.getMessage());
        }
        merged.spec = spec;
        return merged.run(merged.settings());
    }

    /**
     * {@code --task fortunes-topic} without the option given: the task's decentralized optimiser ({@link
     * TopicTasks#DECENTRALIZED_LR} and its neighbours), so that peers on many machines learn as the simulated network
     * does.
     */
    private float topicDefault(String option, float given, float topic) {
        boolean matched = spec.commandLine().getParseResult() != null
                && spec.commandLine().getParseResult().hasMatchedOption(option);
        return TopicTasks.NAME.equals(task) && !matched ? topic : given;
    }

    NodeSettings settings() {
        try {
            return new NodeSettings(
                    Multiaddr.parse(listen),
                    key,
                    bootstrap.stream().map(NodeCommand::dialable).toList(),
                    backbone,
                    cacheDir,
                    adapter,
                    rank,
                    ExchangeSetting.parse(exchangeMode),
                    dataDir,
                    partition,
                    nodeIndex,
                    numNodes,
                    rounds,
                    localSteps,
                    gossipSteps,
                    rho,
                    topicDefault("--lr", lr, TopicTasks.DECENTRALIZED_LR),
                    lrDecay,
                    (int) topicDefault("--batch-size", batchSize, TopicTasks.DECENTRALIZED_BATCH),
                    topicDefault("--momentum", momentum, TopicTasks.DECENTRALIZED_MOMENTUM),
                    defence,
                    attack,
                    equivocate,
                    out,
                    api,
                    seed,
                    network,
                    PayloadEncoding.parse(encoding),
                    maxMessageBytes,
                    targetDegree,
                    maxDegree,
                    topology,
                    minNeighbours,
                    duration("exchange-timeout", exchangeTimeout),
                    duration("step-timeout", stepTimeout),
                    threads == null ? EngineSetup.defaultThreads() : threads,
                    !noPex,
                    new TaskChoice(task, model, frozenLayers, maxLength));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private static Multiaddr dialable(String text) {
        Multiaddr a = Multiaddr.parse(text);
        a.tcpEndpoint();
        return a;
    }

    /** Parses {@code 500ms}, {@code 10s}, {@code 2m}, {@code 1h}; errors name the option. */
    static Duration duration(String name, String text) {
        String t = text.trim();
        try {
            if (t.endsWith("ms")) return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            if (t.endsWith("s"))
                return Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 1000));
            if (t.endsWith("m")) return Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)) * 60);
            if (t.endsWith("h")) return Duration.ofHours(Long.parseLong(t.substring(0, t.length() - 1)));
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException(name + " must be a duration like 500ms, 10s, 2m or 1h, got '" + text + "'");
    }

    private Integer run(NodeSettings s) {
        NodeRuntime node;
        try (Progress progress = new Progress("node setup")) {
            node = NodeRuntime.start(s, progress);
        } catch (NodeSetupException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread hook = new Thread(node::close, "fedp2p-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        spec.commandLine().getOut().println("Listening on " + node.listenAddr());
        spec.commandLine().getOut().flush();
        System.err.println("API on http://" + NodeSettings.apiEndpoint(s.api()).host() + ":" + node.apiPort()
                + " (/status /peers /rounds /metrics /events)");
        System.err.println("Dashboard on " + node.dashboardUrl());
        node.stopped().join();
        node.close();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down (a signal arrived): the hook runs the same close
        }
        return 0;
    }
}
