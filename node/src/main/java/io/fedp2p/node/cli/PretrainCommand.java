package io.fedp2p.node.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fedp2p.node.data.DatasetFormatException;
import io.fedp2p.node.data.FashionMnist;
import io.fedp2p.node.data.VisionData;
import io.fedp2p.node.model.Backbone;
import io.fedp2p.node.model.BackboneFile;
import io.fedp2p.node.model.VisionArch;
import io.fedp2p.node.train.EngineSetup;
import io.fedp2p.node.train.Evaluation;
import io.fedp2p.node.train.TextPretraining;
import io.fedp2p.node.train.TrainSettings;
import io.fedp2p.node.train.VisionPretraining;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code fedp2p pretrain}: trains a frozen backbone on public data and saves it with its hash (CLI.md). */
@Command(
        name = "pretrain",
        mixinStandardHelpOptions = true,
        description = {
            "Trains a backbone on the public split and saves it with its SHA-256.",
            "Vision (fashion-mnist): cnn or mlp on the first --public-size training images of --public-classes;"
                    + " prints test accuracy. Default: the transfer setting (10,000 images, classes 0-4).",
            "Text (fortunes): tiny-gpt on the pretraining categories; prints held-out perplexity."
        })
public final class PretrainCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(PretrainCommand.class);

    @Spec
    CommandSpec spec;

    @Option(
            names = "--dataset",
            defaultValue = "fashion-mnist",
            description = "fashion-mnist or fortunes (default: ${DEFAULT-VALUE})")
    String dataset;

    @Option(names = "--data-dir", description = "dataset directory (default: the Debian package's location)")
    Path dataDir;

    @Option(names = "--model", description = "cnn or mlp (vision), tiny-gpt (text); default cnn / tiny-gpt")
    String model;

    @Option(
            names = "--public-size",
            defaultValue = "10000",
            description = "public split size (default: ${DEFAULT-VALUE})")
    int publicSize;

    @Option(
            names = "--public-classes",
            defaultValue = "0-4",
            description = "classes the backbone sees: 0-4, all, or a list like 0,2,5 (default: ${DEFAULT-VALUE})")
    String publicClasses;

    @Option(names = "--epochs", description = "passes over the public split (default: 5 for vision)")
    Integer epochs;

    @Option(names = "--steps", description = "text: training steps (default: " + TextPretraining.DEFAULT_STEPS + ")")
    Integer steps;

    @Option(names = "--lr", description = "learning rate (default: 0.05 vision (SGD), 0.003 text (Adam))")
    Float lr;

    @Option(
            names = "--batch-size",
            defaultValue = "64",
            description = "vision minibatch size (default: ${DEFAULT-VALUE}; text uses 16 windows of 128 characters)")
    int batchSize;

    @Option(
            names = "--seed",
            defaultValue = "0",
            description = "seed of every random choice (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--threads", description = "PyTorch intra-op threads (default: min(2, cores))")
    Integer threads;

    @Option(names = "--out", required = true, description = "backbone file to write")
    Path out;

    @Option(names = "--json", description = "print one JSON object on stdout")
    boolean json;

    @Override
    public Integer call() {
        if (out.toAbsolutePath().getParent() == null)
            throw new ParameterException(spec.commandLine(), "bad --out " + out);
        int t = threads == null ? EngineSetup.defaultThreads() : threads;
        if (t < 1) throw new ParameterException(spec.commandLine(), "--threads must be >= 1");
        EngineSetup.configure(t, seed);
        long t0 = System.nanoTime();
        ObjectNode result;
        switch (dataset.toLowerCase(Locale.ROOT)) {
            case "fashion-mnist" -> result = vision();
            case "fortunes" -> result = TextCli.pretrain(spec, dataDir, model, steps, lr, seed, out);
            default -> throw new ParameterException(
                    spec.commandLine(), "unknown --dataset " + dataset + "; valid: fashion-mnist, fortunes");
        }
        result.put("seconds", (System.nanoTime() - t0) / 1e9);
        result.put("threads", t);
        result.put("out", out.toString());
        if (json) {
            Json.print(spec.commandLine().getOut(), result);
        } else {
            spec.commandLine().getOut().println(result.toPrettyString());
        }
        return 0;
    }

    private ObjectNode vision() {
        VisionArch arch;
        boolean[] classes;
        try {
            arch = VisionArch.parse(model == null ? "cnn" : model);
            classes = VisionData.parseClasses(publicClasses);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (publicSize < 1 || publicSize >= 60_000) {
            throw new ParameterException(spec.commandLine(), "--public-size must be in [1, 59999]");
        }
        int e = epochs == null ? VisionPretraining.DEFAULT_EPOCHS : epochs;
        if (e < 1 || batchSize < 1)
            throw new ParameterException(spec.commandLine(), "--epochs and --batch-size must be >= 1");
        TrainSettings settings = new TrainSettings(lr == null ? 0.05f : lr, 1f, 1, batchSize, 0f, 0.9f, 0f, true);
        FashionMnist data = loadData();
        VisionPretraining.Spec s = new VisionPretraining.Spec(arch, publicSize, classes, e, settings, seed);
        Backbone b;
        try (Progress p = new Progress("pretrain " + arch.cliName())) {
            b = VisionPretraining.pretrain(data, s, p);
        }
        BackboneFile.save(b, out);
        ObjectNode meta = b.meta();
        log.info(
                "saved {} (sha256 {}), test accuracy {}",
                out,
                b.hash(),
                meta.path("testAccuracy").asDouble());
        ObjectNode r = Json.object();
        r.put("dataset", "fashion-mnist");
        r.put("model", arch.cliName());
        r.put("testAccuracy", meta.path("testAccuracy").asDouble());
        r.put("testLoss", meta.path("testLoss").asDouble());
        r.put("sha256", b.hash());
        r.put("parameters", b.parameterCount());
        r.put("publicSize", publicSize);
        r.put("publicClasses", VisionData.describeClasses(classes));
        r.put("pretrainImages", meta.path("pretrainImages").asInt());
        r.put("epochs", e);
        return r;
    }

    private FashionMnist loadData() {
        try {
            return FashionMnist.load(dataDir == null ? FashionMnist.DEFAULT_DIR : dataDir);
        } catch (DatasetFormatException ex) {
            throw new ParameterException(spec.commandLine(), ex.getMessage());
        }
    }

    static String accuracy(Evaluation e) {
        return String.format(Locale.ROOT, "%.4f", e.accuracy());
    }
}
