package io.fedp2p.examples.demo;

import io.fedp2p.gossip.identity.Identity;
import io.fedp2p.gossip.identity.KeyFiles;
import io.fedp2p.node.SeedTree;
import io.fedp2p.node.adapter.AdapterKind;
import io.fedp2p.node.adapter.AdapterSpec;
import io.fedp2p.node.data.FashionMnist;
import io.fedp2p.node.data.FortuneCorpus;
import io.fedp2p.node.data.FortuneTopics;
import io.fedp2p.node.data.PartitionSpec;
import io.fedp2p.node.model.Backbone;
import io.fedp2p.node.model.BackboneFile;
import io.fedp2p.node.model.VisionArch;
import io.fedp2p.node.runtime.NodeTask;
import io.fedp2p.node.train.BackboneCache;
import io.fedp2p.node.train.EngineSetup;
import io.fedp2p.node.train.ProgressListener;
import io.fedp2p.node.train.VisionTask;
import io.fedp2p.node.train.VisionTaskConfig;
import io.fedp2p.sim.topology.ByzantinePlacement;
import io.fedp2p.sim.topology.MixingSpectrum;
import io.fedp2p.sim.topology.SpectralGap;
import io.fedp2p.sim.topology.Topology;
import io.fedp2p.sim.topology.TopologySpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * What the three demo runs share: the data, the backbone and the task (one feature cache for every peer of the
 * process), the topology, which peers are Byzantine, and the peers' keys. Keys are derived from the seed (so that
 * peer ids, and with them every result, repeat from run to run) and written to {@code out/keys}; they are demo keys,
 * never to be used for a real deployment ({@code fedp2p keygen} makes those).
 */
public final class DemoNetwork implements AutoCloseable {
    final DemoSettings settings;
    final NodeTask task;
    final Topology topology;
    final SpectralGap spectralGap;
    final boolean[] byzantine;
    final List<Identity> identities;
    final List<Path> keyFiles;

    private DemoNetwork(
            DemoSettings settings,
            NodeTask task,
            Topology topology,
            SpectralGap gap,
            boolean[] byzantine,
            List<Identity> identities,
            List<Path> keyFiles) {
        this.settings = settings;
        this.task = task;
        this.topology = topology;
        this.spectralGap = gap;
        this.byzantine = byzantine;
        this.identities = List.copyOf(identities);
        this.keyFiles = List.copyOf(keyFiles);
    }

    /**
     * Loads the data, gets the backbone (pretraining it on first use), builds the task and draws the network.
     *
     * @param pretraining told while the backbone is pretrained (first use only)
     * @param features told while the frozen layers' features are computed
     */
    public static DemoNetwork create(DemoSettings s, ProgressListener pretraining, ProgressListener features)
            throws IOException {
        SeedTree seeds = new SeedTree(s.seed());
        Topology topology = TopologySpec.parse(s.topology()).build(s.peers(), seeds.rng("demo-topology", 0));
        if (!topology.isConnected())
            throw new IllegalArgumentException("topology " + s.topology() + " is not connected");
        SpectralGap gap = MixingSpectrum.of(topology, seeds.rng("demo-spectrum", 0));
        boolean[] byz = new boolean[s.peers()];
        for (int b : ByzantinePlacement.parse("random")
                .place(topology, s.byzantine(), seeds.rng("demo-byzantine", 0))
                .byzantine()) byz[b] = true;
        NodeTask task = s.task().isTopic() ? topicTask(s, features) : visionTask(s, pretraining, features);
        List<Identity> ids = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        Path keys = s.out().resolve("keys");
        Files.createDirectories(keys);
        for (int i = 0; i < s.peers(); i++) {
            Identity id = Identity.fromSeed(keySeed(seeds.rng("demo-key", i)));
            Path f = keys.resolve("peer-" + i + ".key");
            if (Files.exists(f)) {
                if (!KeyFiles.read(f).peerId().equals(id.peerId())) {
                    throw new IllegalArgumentException(
                            f + " holds another key than seed " + s.seed() + " gives; use another --out");
                }
            } else {
                KeyFiles.write(f, id);
            }
            ids.add(id);
            files.add(f);
        }
        return new DemoNetwork(s, task, topology, gap, byz, ids, files);
    }

    private static NodeTask visionTask(DemoSettings s, ProgressListener pretraining, ProgressListener features) {
        Path dataDir = s.dataDir() != null ? s.dataDir() : FashionMnist.DEFAULT_DIR;
        FashionMnist full = FashionMnist.load(dataDir);
        if (full.train().size() < s.trainImages() || full.test().size() < s.testImages()) {
            throw new IllegalArgumentException(
                    "the data in " + dataDir + " has " + full.train().size() + " training and "
                            + full.test().size() + " test images; fewer than asked for");
        }
        FashionMnist data =
                new FashionMnist(full.train().head(s.trainImages()), full.test().head(s.testImages()));
        EngineSetup.configure(1, s.seed());
        Backbone backbone = s.backbone() != null
                ? BackboneFile.load(s.backbone())
                : BackboneCache.transferBackbone(
                                s.cacheDir() != null ? s.cacheDir() : BackboneCache.defaultDir(), dataDir, pretraining)
                        .backbone();
        VisionArch arch = VisionArch.parse(backbone.architecture());
        AdapterSpec spec = new AdapterSpec(
                AdapterKind.FFA_LORA,
                8,
                AdapterSpec.DEFAULT_ALPHA,
                arch.defaultTargets(),
                AdapterSpec.DEFAULT_FRL_KEEP);
        VisionTaskConfig config = VisionTaskConfig.of(s.peers(), PartitionSpec.parse(s.partition()), s.seed())
                .withPublicSize(backbone.meta().path("publicSize").asInt(10_000));
        VisionTask vision = VisionTask.create(data, backbone, spec, config, features);
        return new NodeTask(vision, spec, s.seed());
    }

    /** fortunes-topic: FFA-LoRA r = 8 on the encoder, one frozen-layer cache for every peer. */
    private static NodeTask topicTask(DemoSettings s, ProgressListener features) {
        EngineSetup.configure(1, s.seed());
        Path dir = s.dataDir() != null ? s.dataDir() : FortuneCorpus.DEFAULT_DIR;
        return NodeTask.topic(
                s.task(), "ffa-lora", 8, s.peers(), s.partition(), s.seed(), FortuneTopics.load(dir), features);
    }

    // SPEC-GAP: the demo's peers have "own keys"; deriving them from the seed (instead of SecureRandom) keeps peer
    // ids, and with them the Metropolis order and every result, the same from run to run.
    private static byte[] keySeed(RandomGenerator rng) {
        byte[] b = new byte[Identity.SEED_BYTES];
        for (int i = 0; i < b.length; i++) b[i] = (byte) rng.nextInt(256);
        return b;
    }

    /** Indices of the Byzantine peers, ascending. */
    public int[] byzantinePeers() {
        int[] out = new int[settings.byzantine()];
        int k = 0;
        for (int i = 0; i < byzantine.length; i++) if (byzantine[i]) out[k++] = i;
        return out;
    }

    /** Indices of the honest peers, ascending. */
    public int[] honestPeers() {
        return java.util.stream.IntStream.range(0, byzantine.length)
                .filter(i -> !byzantine[i])
                .toArray();
    }

    /** The peer id strings, by index. */
    public List<String> peerIds() {
        return identities.stream().map(i -> i.peerId().toString()).toList();
    }

    @Override
    public void close() {
        task.task().close();
    }

    @Override
    public String toString() {
        return settings.peers() + " peers, Byzantine " + Arrays.toString(byzantinePeers()) + ", " + settings.topology();
    }
}
