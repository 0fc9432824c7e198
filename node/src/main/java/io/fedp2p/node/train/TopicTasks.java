package io.fedp2p.node.train;

import io.fedp2p.node.adapter.AdapterKind;
import io.fedp2p.node.adapter.AdapterSpec;
import io.fedp2p.node.data.FortuneCorpus;
import io.fedp2p.node.data.FortuneTopics;
import io.fedp2p.node.data.PartitionSpec;
import io.fedp2p.node.encoder.EncoderModel;
import io.fedp2p.node.encoder.EncoderTargets;
import java.nio.file.Path;
import java.util.List;

/**
 * How the node runtime, the simulator and the CLI select the {@code fortunes-topic} task: {@code --task
 * fortunes-topic --model minilm|bge-small} plus the usual adapter, partition and seed settings become a {@link
 * TopicTask} through {@link #create}. Everything after that goes through the {@link Task} / {@link LocalTrainer} API
 * like {@code fashion-mnist}.
 */
public final class TopicTasks {
    /** The CLI and scenario name of the task. */
    public static final String NAME = "fortunes-topic";

    /**
     * The optimiser of a decentralized run of the task (the simulator, the demo and {@code fedp2p node} take it):
     * {@code train}'s batch and momentum, and a rate above {@code train}'s 0.03 because eight averaged models move like
     * one larger batch (BENCHMARKS.md "minilm decentralized": 0.742 honest accuracy at 0.08, 0.713 at 0.05).
     * SPEC-GAP: ALGORITHMS.md §9 gives the vision defaults only.
     */
    public static final float DECENTRALIZED_LR = 0.08f;

    /** Minibatch of a decentralized run (as {@code train --task fortunes-topic}). */
    public static final int DECENTRALIZED_BATCH = 16;

    /** SGD momentum of a decentralized run, reset every round (as {@code train --task fortunes-topic}). */
    public static final float DECENTRALIZED_MOMENTUM = 0.9f;

    private TopicTasks() {}

    /**
     * The adapter spec of a kind on an encoder: {@code roles} ({@code q, k, v, o, ffn}) expanded to the dense layers
     * of every layer from {@code frozenLayers} up; no targets for {@code head}.
     */
    public static AdapterSpec adapterSpec(
            EncoderModel model,
            AdapterKind kind,
            int rank,
            float alpha,
            List<String> roles,
            float frlKeep,
            int frozenLayers) {
        List<String> targets = kind == AdapterKind.HEAD
                ? List.of()
                : EncoderTargets.expand(
                        roles, frozenLayers, model.load().config().layers());
        return new AdapterSpec(kind, rank, alpha, targets, frlKeep);
    }

    /**
     * The task with issue 11's defaults (q and v targets, rank 8, α 16, max length 128) for {@code numNodes} nodes.
     *
     * @param dataDir the fortunes directory, or null for the Debian package's
     * @param model {@code minilm} or {@code bge-small}
     * @param frozenLayers L, the lowest layers frozen and cached (0 = adapters on every layer)
     */
    public static TopicTask create(
            Path dataDir,
            String model,
            AdapterKind kind,
            int numNodes,
            PartitionSpec partition,
            int frozenLayers,
            long seed,
            ProgressListener progress) {
        EncoderModel m = EncoderModel.parse(model);
        FortuneTopics data = FortuneTopics.load(dataDir == null ? FortuneCorpus.DEFAULT_DIR : dataDir);
        AdapterSpec spec = adapterSpec(
                m,
                kind,
                AdapterSpec.DEFAULT_RANK,
                AdapterSpec.DEFAULT_ALPHA,
                EncoderTargets.DEFAULT_ROLES,
                AdapterSpec.DEFAULT_FRL_KEEP,
                frozenLayers);
        TopicTaskConfig config =
                TopicTaskConfig.of(m, numNodes, partition, seed).withFrozenLayers(frozenLayers);
        return TopicTask.create(data, spec, config, progress);
    }
}
