package io.fedp2p.node.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fedp2p.node.adapter.AdapterFile;
import io.fedp2p.node.adapter.AdapterKind;
import io.fedp2p.node.adapter.AdapterSpec;
import io.fedp2p.node.data.DatasetFormatException;
import io.fedp2p.node.data.FashionMnist;
import io.fedp2p.node.model.Backbone;
import io.fedp2p.node.model.BackboneFile;
import io.fedp2p.node.model.VisionArch;
import io.fedp2p.node.train.BackboneCache;
import io.fedp2p.node.train.CentralizedTraining;
import io.fedp2p.node.train.EngineSetup;
import io.fedp2p.node.train.Evaluation;
import io.fedp2p.node.train.FullModelTraining;
import io.fedp2p.node.train.TrainSettings;
import io.fedp2p.node.train.VisionTaskConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code fedp2p train}: one-machine fine-tuning of an adapter and the head on the non-public data (CLI.md). */
@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        description = {
            "Centralized fine-tuning baseline: trains an adapter plus the full head on the non-public Fashion-MNIST",
            "images (training images after the public split) and reports test accuracy.",
            "Without --backbone it uses the transfer-setting backbone (classes 0-4), pretraining it on first use.",
            "--task fortunes-topic --model minilm fine-tunes the pretrained all-MiniLM-L6-v2 encoder on 8 fortune",
            "topics (--adapter head is the linear probe on its frozen sentence embeddings)."
        })
public final class TrainCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(TrainCommand.class);

    @Spec
    CommandSpec spec;

    @Option(
            names = "--task",
            defaultValue = "fashion-mnist",
            description = "fashion-mnist, or fortunes-topic (8 fortune topics on a pretrained encoder, --model minilm"
                    + "|bge-small) (default: ${DEFAULT-VALUE})")
    String task;

    @Option(
            names = "--model",
            description = "fortunes-topic: the pretrained encoder, minilm (all-MiniLM-L6-v2) or bge-small (default: "
                    + "minilm)")
    String model;

    @Option(
            names = "--frozen-layers",
            defaultValue = "4",
            description = "fortunes-topic: freeze and cache the lowest L encoder layers; adapters go on the layers "
                    + "above; 0 adapts every layer (default: ${DEFAULT-VALUE})")
    int frozenLayers;

    @Option(
            names = "--max-length",
            defaultValue = "128",
            description = "fortunes-topic: tokens per entry, longer ones are truncated (default: ${DEFAULT-VALUE})")
    int maxLength;

    @Option(
            names = "--backbone",
            description = "backbone file from 'fedp2p pretrain' (default: cached transfer backbone)")
    Path backbonePath;

    @Option(names = "--cache-dir", description = "where the default backbone is cached (default: ~/.cache/fedp2p)")
    Path cacheDir;

    @Option(
            names = "--adapter",
            defaultValue = "ffa-lora",
            description =
                    "lora, ffa-lora, fed-sb, head, frl-mask, or full (every weight; comparison only) (default: ${DEFAULT-VALUE})")
    String adapter;

    @Option(names = "--rank", defaultValue = "8", description = "adapter rank r (default: ${DEFAULT-VALUE})")
    int rank;

    @Option(
            names = "--alpha",
            defaultValue = "16",
            description = "LoRA alpha; scale alpha/r (Fed-SB: scale 1) (default: ${DEFAULT-VALUE})")
    float alpha;

    @Option(
            names = "--targets",
            split = ",",
            description = "adapted layers (default: every dense layer before the head); fortunes-topic: roles q, k, v, "
                    + "o, ffn on every unfrozen layer (default: q,k,v,o,ffn)")
    List<String> targets;

    @Option(
            names = "--frl-keep",
            defaultValue = "0.5",
            description = "frl-mask: kept fraction of R0 (default: ${DEFAULT-VALUE})")
    float frlKeep;

    @Option(
            names = "--epochs",
            defaultValue = "3",
            description = "passes over the training images (default: ${DEFAULT-VALUE})")
    int epochs;

    @Option(names = "--lr", defaultValue = "0.05", description = "learning rate (default: ${DEFAULT-VALUE})")
    float lr;

    @Option(
            names = "--decay",
            defaultValue = "1",
            description = "learning-rate factor per epoch (default: ${DEFAULT-VALUE}; fortunes-topic: 0.5)")
    float decay;

    @Option(names = "--momentum", defaultValue = "0.9", description = "SGD momentum (default: ${DEFAULT-VALUE})")
    float momentum;

    @Option(names = "--batch-size", defaultValue = "64", description = "(default: ${DEFAULT-VALUE})")
    int batchSize;

    @Option(names = "--rho", defaultValue = "0", description = "SAM radius; 0 = plain SGD (default: ${DEFAULT-VALUE})")
    float rho;

    @Option(
            names = "--clip",
            defaultValue = "0",
            description = "gradient-norm clip; 0 = off (default: ${DEFAULT-VALUE})")
    float clip;

    @Option(names = "--public-size", description = "images held out as public (default: the backbone's, else 10000)")
    Integer publicSize;

    @Option(
            names = "--no-feature-cache",
            description = "run the whole network every step instead of the cached features")
    boolean noCache;

    @Option(names = "--data-dir", description = "Fashion-MNIST directory (default: the Debian package's location)")
    Path dataDir;

    @Option(names = "--seed", defaultValue = "0", description = "(default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--threads", description = "PyTorch intra-op threads (default: min(2, cores))")
    Integer threads;

    @Option(names = "--save-adapter", description = "write the trained adapter here")
    Path saveAdapter;

    @Option(names = "--json", description = "print one JSON object on stdout")
    boolean json;

    @Override
    public Integer call() {
        int t = threads == null ? EngineSetup.defaultThreads() : threads;
        if (t < 1 || epochs < 1 || batchSize < 1) bad("--threads, --epochs and --batch-size must be >= 1");
        TrainSettings settings;
        try {
            settings = new TrainSettings(lr, decay, 1, batchSize, rho, momentum, clip, true);
        } catch (IllegalArgumentException e) {
            throw bad(e.getMessage());
        }
        EngineSetup.configure(t, seed);
        if (task.equals(io.fedp2p.node.train.TopicTasks.NAME)) return topic(t);
        if (!task.equals("fashion-mnist")) bad("unknown --task '" + task + "'; valid: fashion-mnist, fortunes-topic");
        if (model != null) bad("--model selects the encoder of --task fortunes-topic");
        if (backbonePath != null && isText(backbonePath)) return text(settings);
        Path dir = dataDir == null ? FashionMnist.DEFAULT_DIR : dataDir;
        FashionMnist data;
        try {
            data = FashionMnist.load(dir);
        } catch (DatasetFormatException e) {
            throw bad(e.getMessage());
        }
        Backbone backbone = loadBackbone(dir);
        VisionArch arch;
        try {
            arch = VisionArch.parse(backbone.architecture());
        } catch (IllegalArgumentException e) {
            throw bad("backbone " + backbone.architecture() + " is not a Fashion-MNIST model");
        }
        int pub = publicSize != null
                ? publicSize
                : backbone.meta().path("publicSize").asInt(10_000);
        VisionTaskConfig config =
                VisionTaskConfig.centralized(seed).withPublicSize(pub).withFeatureCache(!noCache);
        ObjectNode out = adapter.equals("full")
                ? full(data, backbone, config, settings)
                : adapted(data, backbone, arch, config, settings);
        out.put("backboneSha256", backbone.hash());
        out.put("modelParams", backbone.parameterCount());
        out.put("adapterFraction", out.path("trainableParams").asDouble() / backbone.parameterCount());
        out.put("epochs", epochs);
        out.put("threads", t);
        if (json) Json.print(spec.commandLine().getOut(), out);
        else spec.commandLine().getOut().println(out.toPrettyString());
        return 0;
    }

    @Option(
            names = "--category",
            defaultValue = "computers",
            description = "text backbones: the fortunes category to fine-tune on (default: ${DEFAULT-VALUE})")
    String category;

    /**
     * {@code --task fortunes-topic}: its own defaults (batch 16, lr 0.03 halved per epoch, clip 1, 3 epochs, targets
     * q, k, v, o, ffn) unless the user set one.
     */
    private Integer topic(int threads) {
        var parsed = spec.commandLine().getParseResult();
        TrainSettings s;
        try {
            s = new TrainSettings(
                    parsed.hasMatchedOption("--lr") ? lr : TopicCli.DEFAULT_LR,
                    parsed.hasMatchedOption("--decay") ? decay : TopicCli.DEFAULT_DECAY,
                    1,
                    parsed.hasMatchedOption("--batch-size") ? batchSize : TopicCli.DEFAULT_BATCH,
                    rho,
                    momentum,
                    parsed.hasMatchedOption("--clip") ? clip : TopicCli.DEFAULT_CLIP,
                    true);
        } catch (IllegalArgumentException e) {
            throw bad(e.getMessage());
        }
        if (backbonePath != null) bad("--backbone is not used by --task fortunes-topic (see --model)");
        ObjectNode out = TopicCli.train(
                spec,
                new TopicCli.Options(
                        dataDir,
                        model,
                        adapter,
                        rank,
                        alpha,
                        targets,
                        frlKeep,
                        frozenLayers,
                        maxLength,
                        parsed.hasMatchedOption("--epochs") ? epochs : TopicCli.DEFAULT_EPOCHS,
                        s,
                        seed,
                        saveAdapter));
        out.put("threads", threads);
        if (json) Json.print(spec.commandLine().getOut(), out);
        else spec.commandLine().getOut().println(out.toPrettyString());
        return 0;
    }

    private static boolean isText(Path file) {
        try {
            return BackboneFile.load(file).architecture().equals(io.fedp2p.node.model.TinyGpt.NAME);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private Integer text(TrainSettings s) {
        Backbone b = loadBackbone(null);
        int bs = batchSize == 64 ? 16 : batchSize;
        io.fedp2p.node.train.RoundPlan plan = new io.fedp2p.node.train.RoundPlan(
                0, 1, bs, s.learningRate(), s.rho(), s.momentum(), s.clipNorm(), true);
        ObjectNode out =
                TextCli.train(spec, dataDir, b, adapter, rank, alpha, targets, frlKeep, category, epochs, plan, seed);
        out.put("backboneSha256", b.hash());
        out.put("modelParams", b.parameterCount());
        out.put("adapterFraction", out.path("trainableParams").asDouble() / b.parameterCount());
        out.put("epochs", epochs);
        if (json) Json.print(spec.commandLine().getOut(), out);
        else spec.commandLine().getOut().println(out.toPrettyString());
        return 0;
    }

    private ObjectNode adapted(
            FashionMnist data, Backbone backbone, VisionArch arch, VisionTaskConfig config, TrainSettings s) {
        AdapterSpec aspec;
        try {
            AdapterKind kind = AdapterKind.parse(adapter);
            List<String> tg = kind == AdapterKind.HEAD ? List.of() : targets != null ? targets : arch.defaultTargets();
            aspec = new AdapterSpec(kind, rank, alpha, tg, frlKeep);
        } catch (IllegalArgumentException e) {
            throw bad(e.getMessage() + (adapter.equals("full") ? "" : "; or 'full'"));
        }
        CentralizedTraining.Result r;
        try (Progress p = new Progress("train " + aspec.kind())) {
            r = CentralizedTraining.run(data, backbone, aspec, config, epochs, s, p);
        } catch (IllegalArgumentException e) {
            throw bad(e.getMessage());
        }
        if (saveAdapter != null) {
            AdapterFile.save(saveAdapter, aspec, r.layout(), backbone.hash(), seed, r.vector());
            log.info("adapter saved to {}", saveAdapter);
        }
        ObjectNode o = result(r.test(), r.trainableParams(), r.epochSeconds());
        o.put("adapter", aspec.describe());
        o.put("backboneAccuracy", r.initial().accuracy());
        o.put("trainImages", r.trainImages());
        return o;
    }

    private ObjectNode full(FashionMnist data, Backbone backbone, VisionTaskConfig config, TrainSettings s) {
        int[] idx = IntStream.range(config.publicSize(), data.train().size()).toArray();
        int[] test = IntStream.range(0, data.test().size()).toArray();
        Evaluation before = FullModelTraining.evaluate(backbone, data.test(), test);
        long t0 = System.nanoTime();
        Backbone tuned;
        try (Progress p = new Progress("train full")) {
            tuned = FullModelTraining.train(
                    backbone, data.train(), idx, epochs, s, new io.fedp2p.node.SeedTree(seed).rng("node", 0), p);
        }
        double epochSeconds = (System.nanoTime() - t0) / 1e9 / epochs;
        ObjectNode o =
                result(FullModelTraining.evaluate(tuned, data.test(), test), backbone.parameterCount(), epochSeconds);
        o.put("adapter", "full");
        o.put("backboneAccuracy", before.accuracy());
        o.put("trainImages", idx.length);
        return o;
    }

    private ObjectNode result(Evaluation test, int trainable, double epochSeconds) {
        ObjectNode o = Json.object();
        o.put("testAccuracy", test.accuracy());
        o.set("perClassAccuracy", Json.array(test.perClassAccuracy()));
        o.put("trainableParams", trainable);
        o.put("adapterBytes", 4L * trainable);
        o.put("epochSeconds", epochSeconds);
        o.put("testLoss", test.meanLoss());
        log.info("test accuracy {}", String.format(Locale.ROOT, "%.4f", test.accuracy()));
        return o;
    }

    private Backbone loadBackbone(Path dir) {
        if (backbonePath == null) {
            try (Progress p = new Progress("pretrain transfer backbone")) {
                return BackboneCache.transferBackbone(cacheDir == null ? BackboneCache.defaultDir() : cacheDir, dir, p)
                        .backbone();
            }
        }
        try {
            return BackboneFile.load(backbonePath);
        } catch (IllegalArgumentException e) {
            throw bad(e.getMessage());
        }
    }

    private ParameterException bad(String message) {
        throw new ParameterException(spec.commandLine(), message);
    }
}
