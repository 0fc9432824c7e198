package io.fedp2p.node.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fedp2p.node.adapter.AdapterFile;
import io.fedp2p.node.adapter.AdapterKind;
import io.fedp2p.node.adapter.AdapterSpec;
import io.fedp2p.node.data.DatasetFormatException;
import io.fedp2p.node.data.FortuneCorpus;
import io.fedp2p.node.data.FortuneTopics;
import io.fedp2p.node.encoder.EncoderModel;
import io.fedp2p.node.train.TopicTaskConfig;
import io.fedp2p.node.train.TopicTasks;
import io.fedp2p.node.train.TopicTraining;
import io.fedp2p.node.train.TrainSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** The {@code fortunes-topic} half of {@code fedp2p train} (issue 11): a pretrained encoder, adapters and a head. */
final class TopicCli {
    /** Issue 11's batch size. */
    static final int DEFAULT_BATCH = 16;

    static final float DEFAULT_LR = 0.03f;

    /**
     * Gradient-norm clip: SGD with momentum diverged (NaN within 60 steps) with adapters on all six layers at lr 0.03
     * without it; 1 is the usual fine-tuning default.
     */
    static final float DEFAULT_CLIP = 1f;

    static final int DEFAULT_EPOCHS = 3;

    /**
     * Learning-rate factor per epoch (0.03, 0.015, 0.0075 over the 3 epochs). SPEC-GAP (issue 11 fixes no schedule):
     * with a constant rate the SGD-momentum noise of the last epoch moved the test accuracy by 1–2 points from epoch
     * to epoch (probe and adapters alike); halving per epoch lets both settle (BENCHMARKS.md "fortunes-topic on all-MiniLM-L6-v2").
     */
    static final float DEFAULT_DECAY = 0.5f;

    /**
     * Adapted roles. SPEC-GAP: issue 11 names q and v (the LoRA paper's choice) and makes the roles configurable;
     * on the top two layers every dense layer (q, k, v, o and both FFN layers) was among the best runs (within noise
     * of q, v on four layers and of plain LoRA, and exact under averaging) for 0.26% of the model (BENCHMARKS.md,
     * where the 3-point target over the probe is still not met). The node and the simulator keep q and v, which
     * gossip a 4× smaller vector.
     */
    static final List<String> DEFAULT_TARGETS = List.of("q", "k", "v", "o", "ffn");

    private TopicCli() {}

    /** The options of {@code train} that matter here. */
    record Options(
            Path dataDir,
            String model,
            String adapter,
            int rank,
            float alpha,
            List<String> targets,
            float frlKeep,
            int frozenLayers,
            int maxLength,
            int epochs,
            TrainSettings settings,
            long seed,
            Path saveAdapter) {}

    static ObjectNode train(CommandSpec spec, Options o) {
        FortuneTopics data;
        try {
            data = FortuneTopics.load(o.dataDir() == null ? FortuneCorpus.DEFAULT_DIR : o.dataDir());
        } catch (DatasetFormatException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        TopicTaskConfig config;
        AdapterSpec aspec;
        try {
            EncoderModel model = EncoderModel.parse(o.model() == null ? EncoderModel.MINILM.cliName() : o.model());
            config = TopicTaskConfig.centralized(model, o.seed())
                    .withFrozenLayers(o.frozenLayers())
                    .withMaxLength(o.maxLength());
            aspec = TopicTasks.adapterSpec(
                    model,
                    AdapterKind.parse(o.adapter()),
                    o.rank(),
                    o.alpha(),
                    o.targets() == null ? DEFAULT_TARGETS : o.targets(),
                    o.frlKeep(),
                    o.frozenLayers());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        TopicTraining.Result r;
        try (Progress cache =
                        new Progress("encode fortunes with " + config.model().cliName());
                Progress p = new Progress("train " + aspec.kind() + " on fortunes-topic")) {
            r = TopicTraining.run(data, aspec, config, o.epochs(), o.settings(), cache, p);
        }
        if (o.saveAdapter() != null) {
            AdapterFile.save(o.saveAdapter(), aspec, r.layout(), r.backboneSha256(), o.seed(), r.vector());
        }
        ObjectNode out = Json.object();
        out.put("task", TopicTasks.NAME);
        out.put("model", config.model().cliName());
        out.put("adapter", aspec.describe());
        out.put("testAccuracy", r.test().accuracy());
        out.set("perClassAccuracy", Json.array(r.test().perClassAccuracy()));
        out.put("initialAccuracy", r.initial().accuracy());
        out.put("trainableParams", r.trainableParams());
        out.put("adapterBytes", 4L * r.trainableParams());
        out.put("modelParams", r.modelParams());
        out.put("adapterFraction", (double) r.trainableParams() / r.modelParams());
        out.put("epochSeconds", r.epochSeconds());
        out.put("stepSeconds", r.stepSeconds());
        out.put("testLoss", r.test().meanLoss());
        out.put("trainEntries", r.trainEntries());
        out.put("frozenLayers", config.frozenLayers());
        out.put("maxLength", config.maxLength());
        out.put("cacheSeconds", r.cacheSeconds());
        out.put("cacheBytes", r.cacheBytes());
        out.put("backboneSha256", r.backboneSha256());
        out.put("epochs", o.epochs());
        org.slf4j.LoggerFactory.getLogger(TopicCli.class)
                .info(
                        "test accuracy {}",
                        String.format(Locale.ROOT, "%.4f", r.test().accuracy()));
        return out;
    }
}
