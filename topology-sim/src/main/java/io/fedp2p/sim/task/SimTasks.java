package io.fedp2p.sim.task;

import io.fedp2p.node.adapter.AdapterKind;
import io.fedp2p.node.adapter.AdapterSpec;
import io.fedp2p.node.data.FashionMnist;
import io.fedp2p.node.data.FortuneCorpus;
import io.fedp2p.node.data.FortuneTopics;
import io.fedp2p.node.encoder.EncoderModel;
import io.fedp2p.node.encoder.EncoderTargets;
import io.fedp2p.node.model.Backbone;
import io.fedp2p.node.model.BackboneFile;
import io.fedp2p.node.model.VisionArch;
import io.fedp2p.node.train.BackboneCache;
import io.fedp2p.node.train.EngineSetup;
import io.fedp2p.node.train.ProgressListener;
import io.fedp2p.node.train.Task;
import io.fedp2p.node.train.TopicTask;
import io.fedp2p.node.train.TopicTaskConfig;
import io.fedp2p.node.train.TopicTasks;
import io.fedp2p.node.train.VisionTask;
import io.fedp2p.node.train.VisionTaskConfig;
import io.fedp2p.sim.scenario.Scenario;
import io.fedp2p.sim.scenario.TaskSettings;
import java.nio.file.Path;
import java.util.List;

/**
 * The simulator's task factory: a scenario's {@code task} becomes a {@link Task} shared by all simulated nodes (and
 * by the twin runs). {@code fashion-mnist} is the node's own vision task in the transfer setting of EXPERIMENTS.md
 * (the cached backbone pretrained on classes 0–4 of the public split, pretrained on first use), one frozen backbone
 * and one feature cache for the whole JVM; {@code fortunes-topic} is the node's {@link TopicTask} on a pretrained
 * sentence encoder (one encoder and one frozen-layer cache for the whole JVM); {@code vector} is {@link VectorTask},
 * which needs no native library.
 */
public final class SimTasks {
    private SimTasks() {}

    /**
     * Builds the task for {@code scenario.nodes()} nodes with the scenario's seed and partition.
     *
     * @throws IllegalArgumentException for settings the task refuses (adapter, layers, sizes)
     * @throws io.fedp2p.node.data.DatasetFormatException when the data is missing or malformed
     */
    public static Task create(Scenario scenario, ProgressListener progress) {
        TaskSettings t = scenario.task();
        if (t.isVector()) return VectorTask.create(t.vector(), scenario.nodes(), t.partition(), scenario.seed());
        // one intra-op thread: trainings of different nodes run on different workers, bit-identically
        EngineSetup.configure(1, scenario.seed());
        if (t.isTopic()) {
            Path dir = t.dataDir() != null ? t.dataDir() : FortuneCorpus.DEFAULT_DIR;
            return topic(scenario, FortuneTopics.load(dir), progress);
        }
        Path dataDir = t.dataDir() != null ? t.dataDir() : FashionMnist.DEFAULT_DIR;
        FashionMnist data = FashionMnist.load(dataDir);
        Backbone backbone = t.backbone() != null
                ? BackboneFile.load(t.backbone())
                : BackboneCache.transferBackbone(
                                t.cacheDir() != null ? t.cacheDir() : BackboneCache.defaultDir(), dataDir, progress)
                        .backbone();
        return vision(scenario, data, backbone, progress);
    }

    /**
     * The {@code fortunes-topic} task on given data (tests pass a small subset): the pretrained encoder loaded once per
     * JVM, its lowest {@code frozen-layers} layers run once per entry into a cache that every simulated node (and
     * every twin run) reads, adapters of the scenario's kind and rank on q and v of the layers above, the scenario's
     * partition of the training entries, evaluation on the held-out 20%.
     */
    public static TopicTask topic(Scenario scenario, FortuneTopics data, ProgressListener progress) {
        TaskSettings t = scenario.task();
        EncoderModel model = EncoderModel.parse(t.topic().model());
        AdapterSpec spec = TopicTasks.adapterSpec(
                model,
                AdapterKind.parse(t.adapter()),
                t.rank(),
                AdapterSpec.DEFAULT_ALPHA,
                EncoderTargets.DEFAULT_ROLES,
                AdapterSpec.DEFAULT_FRL_KEEP,
                t.topic().frozenLayers());
        TopicTaskConfig config = TopicTaskConfig.of(model, scenario.nodes(), t.partition(), scenario.seed())
                .withFrozenLayers(t.topic().frozenLayers())
                .withMaxLength(t.topic().maxLength());
        return TopicTask.create(data, spec, config, progress);
    }

    /** The vision task on given data and backbone (tests pass small ones). */
    public static VisionTask vision(
            Scenario scenario, FashionMnist data, Backbone backbone, ProgressListener progress) {
        TaskSettings t = scenario.task();
        VisionArch arch = VisionArch.parse(backbone.architecture());
        AdapterKind kind = AdapterKind.parse(t.adapter());
        List<String> targets = kind == AdapterKind.HEAD ? List.of() : arch.defaultTargets();
        AdapterSpec spec =
                new AdapterSpec(kind, t.rank(), AdapterSpec.DEFAULT_ALPHA, targets, AdapterSpec.DEFAULT_FRL_KEEP);
        int publicSize = backbone.meta().path("publicSize").asInt(10_000);
        VisionTaskConfig config = VisionTaskConfig.of(scenario.nodes(), t.partition(), scenario.seed())
                .withPublicSize(publicSize);
        return VisionTask.create(data, backbone, spec, config, progress);
    }
}
