package io.fedp2p.node.runtime;

import com.google.protobuf.ByteString;
import io.fedp2p.node.adapter.AdapterKind;
import io.fedp2p.node.adapter.AdapterSpec;
import io.fedp2p.node.data.FashionMnist;
import io.fedp2p.node.data.FortuneCorpus;
import io.fedp2p.node.data.FortuneTopics;
import io.fedp2p.node.data.PartitionSpec;
import io.fedp2p.node.encoder.EncoderModel;
import io.fedp2p.node.encoder.EncoderTargets;
import io.fedp2p.node.engine.ExchangeSetting;
import io.fedp2p.node.model.Backbone;
import io.fedp2p.node.model.BackboneFile;
import io.fedp2p.node.model.VisionArch;
import io.fedp2p.node.train.BackboneCache;
import io.fedp2p.node.train.ProgressListener;
import io.fedp2p.node.train.Task;
import io.fedp2p.node.train.TopicTask;
import io.fedp2p.node.train.TopicTaskConfig;
import io.fedp2p.node.train.TopicTasks;
import io.fedp2p.node.train.VisionTask;
import io.fedp2p.node.train.VisionTaskConfig;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;

/**
 * The experiment a node takes part in: the data, the frozen backbone (for {@code fashion-mnist} the cached
 * transfer-setting one by default, EXPERIMENTS.md; for {@code fortunes-topic} the pretrained encoder), the adapter
 * spec and the task partitioned with the shared seed. Also the two hashes that gossip headers carry, so that nodes of
 * incompatible setups refuse each other's messages.
 */
public record NodeTask(Task task, AdapterSpec spec, long seed) {
    /**
     * Loads data and backbone and builds the task {@code s.task()} names.
     *
     * @throws IllegalArgumentException naming the bad setting (adapter, partition, backbone architecture)
     */
    public static NodeTask load(NodeSettings s, ProgressListener progress) {
        return s.task().isTopic() ? topic(s, progress) : vision(s, progress);
    }

    private static NodeTask vision(NodeSettings s, ProgressListener progress) {
        Path dir = s.dataDir() != null ? s.dataDir() : FashionMnist.DEFAULT_DIR;
        FashionMnist data = FashionMnist.load(dir);
        Backbone backbone = s.backbone() != null
                ? BackboneFile.load(s.backbone())
                : BackboneCache.transferBackbone(
                                s.cacheDir() != null ? s.cacheDir() : BackboneCache.defaultDir(), dir, progress)
                        .backbone();
        VisionArch arch = VisionArch.parse(backbone.architecture());
        AdapterKind kind = AdapterKind.parse(s.adapter());
        List<String> targets = kind == AdapterKind.HEAD ? List.of() : arch.defaultTargets();
        AdapterSpec spec =
                new AdapterSpec(kind, s.rank(), AdapterSpec.DEFAULT_ALPHA, targets, AdapterSpec.DEFAULT_FRL_KEEP);
        int publicSize = backbone.meta().path("publicSize").asInt(10_000);
        VisionTaskConfig config = VisionTaskConfig.of(s.numNodes(), PartitionSpec.parse(s.partition()), s.seed())
                .withPublicSize(publicSize);
        VisionTask task = VisionTask.create(data, backbone, spec, config, progress);
        return new NodeTask(task, spec, s.seed());
    }

    /** {@code fortunes-topic}: the node builds the frozen-layer cache of every entry itself (minutes on one core). */
    private static NodeTask topic(NodeSettings s, ProgressListener progress) {
        if (s.backbone() != null) {
            throw new IllegalArgumentException("--backbone is for fashion-mnist; fortunes-topic takes --model");
        }
        Path dir = s.dataDir() != null ? s.dataDir() : FortuneCorpus.DEFAULT_DIR;
        return topic(s, FortuneTopics.load(dir), progress);
    }

    /** {@code fortunes-topic} on given data (tests pass small ones). */
    public static NodeTask topic(NodeSettings s, FortuneTopics data, ProgressListener progress) {
        return topic(s.task(), s.adapter(), s.rank(), s.numNodes(), s.partition(), s.seed(), data, progress);
    }

    /**
     * {@code fortunes-topic} for {@code numNodes} nodes: the adapter of kind {@code adapter} and rank {@code rank} on q
     * and v of the layers from {@code t.frozenLayers()} up, the training entries split by {@code partition} with
     * {@code seed} (in-process networks such as the demo build one and share it).
     */
    public static NodeTask topic(
            TaskChoice t,
            String adapter,
            int rank,
            int numNodes,
            String partition,
            long seed,
            FortuneTopics data,
            ProgressListener progress) {
        EncoderModel model = EncoderModel.parse(t.model());
        AdapterSpec spec = TopicTasks.adapterSpec(
                model,
                AdapterKind.parse(adapter),
                rank,
                AdapterSpec.DEFAULT_ALPHA,
                EncoderTargets.DEFAULT_ROLES,
                AdapterSpec.DEFAULT_FRL_KEEP,
                t.frozenLayers());
        TopicTaskConfig config = TopicTaskConfig.of(model, numNodes, PartitionSpec.parse(partition), seed)
                .withFrozenLayers(t.frozenLayers())
                .withMaxLength(t.maxLength());
        return new NodeTask(TopicTask.create(data, spec, config, progress), spec, seed);
    }

    /**
     * SHA-256 binding the adapter spec, the parameter layout, the seed of the frozen matrices (ALGORITHMS.md §0.1)
     * and, for {@code fed-sb}, the factors' hash (§7.5 #2): two nodes gossip only when all agree. Float exchange mode.
     */
    public ByteString adapterHash() {
        return adapterHash(ExchangeSetting.FLOAT);
    }

    /** {@link #adapterHash()} bound to the exchange mode too: float and FRL-native peers refuse each other. */
    public ByteString adapterHash(ExchangeSetting mode) {
        return AdapterHash.of(task, seed, mode);
    }

    /** The backbone's (or the encoder's ONNX file's) SHA-256 as 32 bytes. */
    public ByteString backboneHash() {
        return ByteString.copyFrom(HexFormat.of().parseHex(task.backboneHash()));
    }
}
