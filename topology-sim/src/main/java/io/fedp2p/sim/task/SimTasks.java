package io.fedp2p.sim.task;

import io.fedp2p.node.adapter.AdapterKind;
import io.fedp2p.node.adapter.AdapterSpec;
import io.fedp2p.node.data.FashionMnist;
import io.fedp2p.node.model.Backbone;
import io.fedp2p.node.model.BackboneFile;
import io.fedp2p.node.model.VisionArch;
import io.fedp2p.node.train.BackboneCache;
import io.fedp2p.node.train.EngineSetup;
import io.fedp2p.node.train.ProgressListener;
import io.fedp2p.node.train.Task;
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
 * and one feature cache for the whole JVM; {@code vector} is {@link VectorTask}, which needs no native library.
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
        Path dataDir = t.dataDir() != null ? t.dataDir() : FashionMnist.DEFAULT_DIR;
        FashionMnist data = FashionMnist.load(dataDir);
        Backbone backbone = t.backbone() != null
                ? BackboneFile.load(t.backbone())
                : BackboneCache.transferBackbone(
                                t.cacheDir() != null ? t.cacheDir() : BackboneCache.defaultDir(), dataDir, progress)
                        .backbone();
        return vision(scenario, data, backbone, progress);
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
