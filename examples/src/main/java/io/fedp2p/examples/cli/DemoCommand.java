package io.fedp2p.examples.cli;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fedp2p.examples.demo.DemoNetwork;
import io.fedp2p.examples.demo.DemoReport;
import io.fedp2p.examples.demo.DemoRun;
import io.fedp2p.examples.demo.DemoSettings;
import io.fedp2p.examples.demo.DemoVariant;
import io.fedp2p.examples.demo.RoundRow;
import io.fedp2p.node.data.DatasetFormatException;
import io.fedp2p.node.runtime.TaskChoice;
import io.fedp2p.node.train.ProgressListener;
import io.fedp2p.node.train.TopicTaskConfig;
import io.fedp2p.robustness.attack.AttackSpec;
import io.fedp2p.robustness.attack.Knowledge;
import io.fedp2p.robustness.defence.DefenceSpec;
import io.fedp2p.sim.report.RunInfo;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code fedp2p demo} (CLI.md): the embedded default main job — a small fedp2p network on this machine, with real
 * libp2p connections between peers that have their own keys, two of them attacking, run with the defence and as its
 * two twins (without the defence, without attackers).
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Runs a small fedp2p network on this machine: 8 peers in one process, each a full node with its own"
                    + " Ed25519 key, listening on its own loopback port and gossiping signed adapters over libp2p"
                    + " (TCP, Noise, yamux) along a small-world topology. 2 peers attack; the others fine-tune an"
                    + " FFA-LoRA adapter on their Fashion-MNIST shards with DFedSAM-MGS and filter what they receive"
                    + " with the fedp2p pipeline.",
            "The same network runs three times with the same seed, data, keys and topology: with the defence, without"
                    + " it (mean), and without attackers. Prints a table per round and the comparison; writes --out"
                    + " DIR: summary.json, run.json, accuracy.png, and every peer's metrics.jsonl under runs/."
        })
public final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "demo-out", description = "(default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--peers", paramLabel = "N", defaultValue = "8", description = "(default: ${DEFAULT-VALUE})")
    int peers;

    @Option(names = "--byzantine", paramLabel = "F", defaultValue = "2", description = "(default: ${DEFAULT-VALUE})")
    int byzantine;

    @Option(names = "--rounds", paramLabel = "R", defaultValue = "10", description = "(default: ${DEFAULT-VALUE})")
    int rounds;

    @Option(
            names = "--attack",
            paramLabel = "NAME",
            defaultValue = "sign-flip",
            description =
                    "the attackers' attack, any local-knowledge attack of attack-matrix (default: ${DEFAULT-VALUE})")
    String attack;

    @Option(
            names = "--defence",
            paramLabel = "NAME",
            defaultValue = "pipeline",
            description = "the honest peers' defence, any rule of aggregate (default: ${DEFAULT-VALUE})")
    String defence;

    @Option(
            names = "--topology",
            paramLabel = "SPEC",
            defaultValue = "small-world:4:0.2",
            description = "as fedp2p topology takes it (default: ${DEFAULT-VALUE})")
    String topology;

    @Option(
            names = "--partition",
            paramLabel = "P",
            defaultValue = "dirichlet:1.0",
            description = "iid, dirichlet:A, shards:K (default: ${DEFAULT-VALUE})")
    String partition;

    @Option(
            names = "--local-steps",
            paramLabel = "K",
            description = "(default: 20; fortunes-topic: 0 = one local epoch)")
    Integer localSteps;

    @Option(
            names = "--task",
            paramLabel = "NAME",
            defaultValue = "fashion-mnist",
            description = "fashion-mnist, or fortunes-topic (8 fortune topics on a pretrained encoder, --model;"
                    + " minutes per round on 2 cores) (default: ${DEFAULT-VALUE})")
    String task;

    @Option(
            names = "--model",
            paramLabel = "NAME",
            defaultValue = "minilm",
            description = "fortunes-topic: the pretrained encoder, minilm or bge-small (default: ${DEFAULT-VALUE})")
    String model;

    @Option(names = "--gossip-steps", paramLabel = "Q", defaultValue = "4", description = "(default: ${DEFAULT-VALUE})")
    int gossipSteps;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "(default: ${DEFAULT-VALUE})")
    long seed;

    @Option(
            names = "--train-images",
            paramLabel = "N",
            defaultValue = "30000",
            description = "use the first N training images: 10,000 public, the peers share the rest but 1,000"
                    + " (default: ${DEFAULT-VALUE})")
    int trainImages;

    @Option(
            names = "--test-images",
            paramLabel = "N",
            defaultValue = "10000",
            description = "measure accuracy on the first N test images (default: ${DEFAULT-VALUE})")
    int testImages;

    @Option(names = "--no-twins", description = "skip the runs without the defence and without attackers")
    boolean noTwins;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Fashion-MNIST (or fortunes) directory")
    Path dataDir;

    @Option(names = "--backbone", paramLabel = "FILE", description = "frozen backbone (default: the cached one)")
    Path backbone;

    @Option(names = "--cache-dir", paramLabel = "DIR", description = "backbone cache (default: ~/.cache/fedp2p)")
    Path cacheDir;

    @Option(names = "--verbose", description = "keep every peer's log lines on stderr")
    boolean verbose;

    @Option(names = "--json", description = "print summary.json as one JSON object on stdout (the tables go to stderr)")
    boolean json;

    @Override
    public Integer call() throws Exception {
        DemoSettings s = settings();
        PrintStream say = json ? System.err : System.out;
        if (!verbose) quietPeers();
        long t0 = System.nanoTime();
        Files.createDirectories(s.out());
        say.printf(
                Locale.ROOT,
                "fedp2p demo: %d peers on loopback (real libp2p connections, own keys, signed gossip), %d of them"
                        + " attacking with %s; topology %s; %s %s; %d rounds of %s and Q=%d"
                        + " gossip steps; seed %d%n",
                s.peers(),
                s.byzantine(),
                s.attack(),
                s.topology(),
                s.task().isTopic() ? "fortunes-topic on " + s.task().model() : "Fashion-MNIST",
                s.partition(),
                s.rounds(),
                s.localSteps() == 0 ? "one local epoch" : "K=" + s.localSteps() + " local steps",
                s.gossipSteps(),
                s.seed());
        DemoNetwork net;
        try {
            net = DemoNetwork.create(
                    s,
                    stage(say, "pretraining the backbone (first use only, then cached)"),
                    stage(say, "computing the frozen layers' features (once per process)"));
        } catch (IllegalArgumentException | DatasetFormatException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        double setup = (System.nanoTime() - t0) / 1e9;
        say.printf(Locale.ROOT, "set-up done in %.0f s: %s%n", setup, net);
        ObjectNode run = RunInfoJson.object();
        run.put("setupSeconds", setup);
        List<DemoRun.Result> results = new ArrayList<>();
        try (DemoNetwork shared = net) {
            for (DemoVariant v : DemoVariant.of(s)) {
                say.printf(Locale.ROOT, "%nrun '%s': defence %s, attack %s%n", v.title(), v.defence(), v.attack());
                say.println("round  honest accuracy mean [min, max]   Byzantine msgs accepted/rejected"
                        + "  honest msgs rejected   KB sent/peer   s/round");
                DemoRun.Result r = DemoRun.run(shared, v, row -> say.println(line(row)), say::println);
                results.add(r);
                run.put(v.key() + "WallSeconds", r.wallSeconds());
                run.put(
                        v.key() + "RoundSecondsSum",
                        r.rows().stream().mapToDouble(RoundRow::roundSeconds).sum());
            }
            DemoReport report = new DemoReport(shared, results);
            report.writeSummary(s.out());
            try {
                report.chart(s.out().resolve("accuracy.png"));
            } catch (java.io.IOException | RuntimeException | LinkageError e) {
                LoggerFactory.getLogger("io.fedp2p.demo").warn("could not draw accuracy.png: {}", e.toString());
            }
            say.print(report.comparison());
            ObjectNode summary = report.summary();
            say.printf(
                    Locale.ROOT,
                    "%nhonest accuracy after %d rounds: %.4f with %s, %s without the defence, %s without"
                            + " attackers (backbone alone: about 0.44)%noutputs in %s (summary.json, run.json,"
                            + " accuracy.png, runs/*/peer-*/metrics.jsonl)%n",
                    s.rounds(),
                    summary.path("honestAccuracy").path("mean").asDouble(),
                    s.defence(),
                    fmt(summary.path("noDefenceAccuracy")),
                    fmt(summary.path("noAttackAccuracy")),
                    s.out());
            run.put("bytesSentPerNodePerRound", DemoReport.bytesPerPeerPerRound(results.get(0)));
            run.put("wallSeconds", (System.nanoTime() - t0) / 1e9);
            run.setAll(RunInfo.machine(1));
            Files.writeString(
                    s.out().resolve("run.json"),
                    RunInfoJson.PRETTY.writeValueAsString(run) + "\n",
                    StandardCharsets.UTF_8);
            if (json) System.out.println(RunInfoJson.COMPACT.writeValueAsString(summary));
        }
        return 0;
    }

    private static String fmt(com.fasterxml.jackson.databind.JsonNode n) {
        return n.isNull() || n.isMissingNode() ? "-" : String.format(Locale.ROOT, "%.4f", n.asDouble());
    }

    static String line(RoundRow r) {
        return String.format(
                Locale.ROOT,
                "%5d  %.4f [%.4f, %.4f]          %6d / %-6d          %6d          %9.1f   %7.2f",
                r.round(),
                r.mean(),
                r.min(),
                r.max(),
                r.byzantineAccepted(),
                r.byzantineRejected(),
                r.honestRejected(),
                r.bytesSentPerPeer() / 1000,
                r.roundSeconds());
    }

    DemoSettings settings() {
        try {
            AttackSpec a = AttackSpec.parse(attack);
            if (a.create().knowledge() == Knowledge.TARGET_OMNISCIENT) {
                throw new IllegalArgumentException("attack " + a.name()
                        + " needs target-omniscient knowledge, which only the simulator has (try fedp2p sim)");
            }
            DefenceSpec.parse(defence);
            // fortunes-topic: minilm, L = 4 and 64 tokens, as fedp2p sim runs it
            TaskChoice choice = new TaskChoice(task, model, TopicTaskConfig.DEFAULT_FROZEN_LAYERS, 64);
            return new DemoSettings(
                    peers,
                    byzantine,
                    rounds,
                    attack,
                    defence,
                    topology,
                    partition,
                    localSteps != null ? localSteps : choice.isTopic() ? 0 : 20,
                    gossipSteps,
                    seed,
                    trainImages,
                    testImages,
                    !noTwins && byzantine > 0 && !a.name().equals("none"),
                    dataDir,
                    backbone,
                    cacheDir,
                    out,
                    choice);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** A progress listener that announces its stage once and then prints every tenth. */
    private static ProgressListener stage(PrintStream say, String what) {
        return new ProgressListener() {
            private long lastTenth = -1;

            @Override
            public void progress(long done, long total, String message) {
                long tenth = total <= 0 ? 10 : done * 10 / total;
                if (lastTenth < 0) say.println(what + " ...");
                if (tenth != lastTenth) {
                    lastTenth = tenth;
                    if (tenth > 0) say.printf(Locale.ROOT, "  %d%% %s%n", tenth * 10, message);
                }
            }
        };
    }

    /** The peers' own per-round log lines would drown the table: keep their warnings only. */
    private static void quietPeers() {
        for (String name : List.of("io.fedp2p.node", "io.fedp2p.gossip")) {
            ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(name)).setLevel(Level.WARN);
        }
    }
}
