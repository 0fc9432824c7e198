package io.fedp2p.node.runtime;

import com.google.protobuf.ByteString;
import io.fedp2p.node.adapter.AdapterKind;
import io.fedp2p.node.adapter.AdapterSpec;
import io.fedp2p.node.data.FashionMnist;
import io.fedp2p.node.data.PartitionSpec;
import io.fedp2p.node.engine.ExchangeSetting;
import io.fedp2p.node.model.Backbone;
import io.fedp2p.node.model.BackboneFile;
import io.fedp2p.node.model.VisionArch;
import io.fedp2p.node.train.BackboneCache;
import io.fedp2p.node.train.ProgressListener;
import io.fedp2p.node.train.VisionTask;
import io.fedp2p.node.train.VisionTaskConfig;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;

/**
 * The experiment a node takes part in: the data, the frozen backbone (the cached transfer-setting one by default,
 * EXPERIMENTS.md), the adapter spec and the task partitioned with the shared seed. Also the two hashes that gossip
 * headers carry, so that nodes of incompatible setups refuse each other's messages.
 */
public record NodeTask(VisionTask task, Backbone backbone, AdapterSpec spec, long seed) {
    /**
     * Loads data and backbone and builds the task.
     *
     * @throws IllegalArgumentException naming the bad setting (adapter, partition, backbone architecture)
     */
    public static NodeTask load(NodeSettings s, ProgressListener progress) {
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
        return new NodeTask(task, backbone, spec, s.seed());
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

    /** The backbone's SHA-256 as 32 bytes. */
    public ByteString backboneHash() {
        return ByteString.copyFrom(HexFormat.of().parseHex(backbone.hash()));
    }
}
