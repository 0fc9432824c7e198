package io.fedp2p.node.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.fedp2p.node.SeedTree;
import io.fedp2p.node.adapter.AdapterKind;
import io.fedp2p.node.adapter.AdapterModel;
import io.fedp2p.node.adapter.AdapterSpec;
import io.fedp2p.node.adapter.FedSbFactors;
import io.fedp2p.node.adapter.FedSbInit;
import io.fedp2p.node.adapter.LayerShape;
import io.fedp2p.node.adapter.ParamLayout;
import io.fedp2p.node.data.FashionMnist;
import io.fedp2p.node.data.ImageSet;
import io.fedp2p.node.data.Partition;
import io.fedp2p.node.data.Partitioner;
import io.fedp2p.node.model.Backbone;
import io.fedp2p.node.model.Scalars;
import io.fedp2p.node.model.VisionArch;
import io.fedp2p.node.model.VisionNet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntUnaryOperator;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;

/**
 * The Fashion-MNIST {@link Task}: a frozen {@code cnn}/{@code mlp} backbone, one adapter spec, the non-public pool
 * partitioned among nodes, the official test set, and (by default) the frozen-prefix feature cache.
 *
 * <p>Build it once per JVM with {@link #create}; it is then read-only and thread-safe. Native memory: the cache
 * (for {@code ffa-lora} on {@code cnn}: 136 floats per image, 38 MB for all 70,000) and the frozen dense weights.
 */
public final class VisionTask implements Task {
    private static final int EVAL_CHUNK = 2000;

    final FashionMnist data;
    final VisionArch arch;
    final Backbone backbone;
    final AdapterModel adapter;
    final VisionTaskConfig config;
    final Partition partition;
    final int[] trainLabels;
    final int[] validationPool;
    final NDManager shared;
    final SuffixNet suffix;
    final ReferenceNet reference;
    final FeatureCache cache;

    private VisionTask(
            FashionMnist data,
            Backbone backbone,
            AdapterModel adapter,
            VisionTaskConfig config,
            ProgressListener progress) {
        this.data = data;
        this.arch = VisionArch.parse(backbone.architecture());
        this.backbone = backbone;
        this.adapter = adapter;
        this.config = config;
        ImageSet train = data.train();
        this.trainLabels = IntStream.range(0, train.size()).map(train::label).toArray();
        int poolEnd = train.size() - config.validationPool();
        if (config.publicSize() >= poolEnd) throw new IllegalArgumentException("no non-public images left");
        int[] pool = IntStream.range(config.publicSize(), poolEnd).toArray();
        this.validationPool = config.validationPool() > 0
                ? IntStream.range(poolEnd, train.size()).toArray()
                : IntStream.range(0, config.publicSize()).toArray();
        SeedTree seeds = new SeedTree(config.seed());
        this.partition = Partitioner.split(
                config.partition(),
                pool,
                trainLabels,
                FashionMnist.CLASSES,
                config.numNodes(),
                seeds.rng("partition", 0));
        this.shared = EngineSetup.engine().newBaseManager();
        int first = firstStage(arch, adapter.spec());
        boolean projected = config.featureCache() && adapter.spec().kind().frozenInputFactor();
        this.suffix = new SuffixNet(arch, backbone, adapter, first, projected, shared);
        this.reference = new ReferenceNet(arch, backbone, adapter, shared);
        this.cache = config.featureCache() ? buildCache(first, projected, progress) : null;
    }

    /**
     * Builds the task. For {@code fed-sb} without agreed factors in the config, the factors come from the gradient of
     * the target layers on the first {@code fedSbSamples} images of the non-public pool (the task plays the leader of
     * ALGORITHMS.md §7.5 #2).
     */
    public static VisionTask create(
            FashionMnist data,
            Backbone backbone,
            AdapterSpec spec,
            VisionTaskConfig config,
            ProgressListener progress) {
        VisionArch arch = VisionArch.parse(backbone.architecture());
        for (String t : spec.targets()) {
            if (!arch.adaptableLayers().contains(t)) {
                throw new IllegalArgumentException("layer '" + t + "' cannot carry an adapter in " + arch.cliName()
                        + "; valid: " + arch.adaptableLayers());
            }
        }
        List<LayerShape> targets = new ArrayList<>();
        for (String t : spec.targets()) {
            VisionArch.Dense d = arch.denseLayers().get(arch.denseIndex(t));
            targets.add(new LayerShape(t, d.in(), d.out()));
        }
        // fedp2p design (ALGORITHMS.md §7.5 #2): without agreed factors the task plays the leader; a Byzantine leader
        // could choose poor factors but never make nodes disagree (all check FedSbFactors.hash()).
        FedSbFactors fedSb = config.fedSbFactors();
        if (spec.kind() == AdapterKind.FED_SB && fedSb == null) {
            int[] sample = IntStream.range(config.publicSize(), config.publicSize() + config.fedSbSamples())
                    .toArray();
            List<FedSbFactors.Layer> layers = new ArrayList<>();
            var grads = fedSbGradient(backbone, data.train(), sample, spec.targets());
            for (LayerShape t : targets) {
                layers.add(FedSbInit.factors(t, grads.get(t.name()), config.fedSbFirstLr(), spec.rank()));
            }
            fedSb = new FedSbFactors(layers);
        }
        VisionArch.Dense head = arch.denseLayers().get(arch.denseLayers().size() - 1);
        AdapterModel adapter = AdapterModel.create(
                spec,
                targets,
                new LayerShape(VisionArch.HEAD, head.in(), head.out()),
                backbone.param(head.weight()),
                backbone.param(head.bias()),
                new SeedTree(config.seed()),
                fedSb);
        return new VisionTask(data, backbone, adapter, config, progress);
    }

    /**
     * The local half of the LoRA-SB initialisation (ALGORITHMS.md §7.3 step 1): the mean full-weight gradient
     * {@code G} of each named dense layer at the backbone, on the given samples. Row-major {@code out × in}, fp64.
     */
    public static java.util.Map<String, double[]> fedSbGradient(
            Backbone backbone, ImageSet images, int[] samples, List<String> layers) {
        VisionArch arch = VisionArch.parse(backbone.architecture());
        float[] grad = new float[backbone.parameterCount()];
        try (NDManager m = EngineSetup.engine().newBaseManager()) {
            FullModelTraining.lossAndGradient(
                    m,
                    arch,
                    backbone.layout(),
                    backbone.values(),
                    images.normalised(samples),
                    images.labels(samples),
                    grad);
        }
        java.util.Map<String, double[]> out = new java.util.TreeMap<>();
        for (String l : layers) {
            float[] g = backbone.layout().slice(grad, l + ".weight");
            double[] d = new double[g.length];
            for (int i = 0; i < g.length; i++) d[i] = g[i];
            out.put(l, d);
        }
        return out;
    }

    private static int firstStage(VisionArch arch, AdapterSpec spec) {
        if (spec.targets().isEmpty()) return arch.denseLayers().size() - 1;
        return spec.targets().stream().mapToInt(arch::denseIndex).min().orElseThrow();
    }

    private FeatureCache buildCache(int first, boolean projected, ProgressListener progress) {
        String key = backbone.hash() + "/" + adapter.spec().describe() + "/seed=" + config.seed();
        VisionArch.Dense d = arch.denseLayers().get(first);
        NDArray a = projected
                ? shared.create(
                                adapter.a(d.name(), adapter.initialVector()),
                                new Shape(adapter.spec().rank(), d.in()))
                        .transpose()
                        .duplicate()
                : null;
        NDArray w0t = projected
                ? shared.create(backbone.param(d.weight()), new Shape(d.out(), d.in()))
                        .transpose()
                        .duplicate()
                : null;
        NDArray b0 = projected ? shared.create(backbone.param(d.bias()), new Shape(d.out())) : null;
        var frozen = new java.util.HashMap<String, NDArray>();
        for (ParamLayout.Entry e : backbone.layout().entries()) {
            frozen.put(e.name(), shared.create(backbone.param(e.name()), new Shape(e.shapeArray())));
        }
        return new FeatureCache(
                key,
                shared,
                data.train(),
                data.test(),
                (m, images) -> {
                    NDArray x = VisionNet.prefix(arch, images, frozen::get);
                    for (int i = 0; i < first; i++) {
                        VisionArch.Dense l = arch.denseLayers().get(i);
                        x = Scalars.maximum(
                                ai.djl.nn.core.Linear.linear(x, frozen.get(l.weight()), frozen.get(l.bias()))
                                        .singletonOrThrow(),
                                0f);
                    }
                    if (!projected) return x;
                    return x.matMul(w0t).add(b0).concat(x.matMul(a), 1);
                },
                progress);
    }

    @Override
    public String backboneHash() {
        return backbone.hash();
    }

    @Override
    public AdapterSpec adapterSpec() {
        return adapter.spec();
    }

    @Override
    public java.util.Optional<String> fedSbFactorsHash() {
        return adapter.fedSbFactorsHash();
    }

    /** The adapter's Java-side model (frozen matrices, ΔW of a vector). */
    public AdapterModel adapterModel() {
        return adapter;
    }

    public Backbone backbone() {
        return backbone;
    }

    @Override
    public ParamLayout layout() {
        return adapter.layout();
    }

    @Override
    public float[] initialVector() {
        return adapter.initialVector();
    }

    @Override
    public int numClasses() {
        return FashionMnist.CLASSES;
    }

    @Override
    public int numNodes() {
        return partition.numNodes();
    }

    /** The partition of the non-public pool. */
    public Partition partition() {
        return partition;
    }

    /** Labels of the whole training table (for partition summaries). */
    public int[] trainLabels() {
        return trainLabels.clone();
    }

    @Override
    public EvalSet testSet() {
        return EvalSet.all("test", EvalSet.Source.TEST, data.test().size());
    }

    /** Bytes of native memory the feature cache holds (0 without cache). */
    public long cacheBytes() {
        return cache == null ? 0 : cache.bytes();
    }

    @Override
    public LocalTrainer trainer(int node, RandomGenerator rng, IntUnaryOperator labelMap) {
        if (node < 0 || node >= numNodes())
            throw new IllegalArgumentException("node " + node + " outside 0.." + (numNodes() - 1));
        return new VisionTrainer(this, node, rng, labelMap);
    }

    @Override
    public List<Evaluation> evaluateAll(List<float[]> thetas, EvalSet set) {
        for (float[] t : thetas) checkVector(t);
        List<Evaluation> out = new ArrayList<>();
        try (NDManager m = shared.newSubManager()) {
            ConfusionCounter[] cc = new ConfusionCounter[thetas.size()];
            Arrays.setAll(cc, i -> new ConfusionCounter(numClasses()));
            int[] all = set.indices();
            for (int s = 0; s < all.length; s += EVAL_CHUNK) {
                int[] idx = Arrays.copyOfRange(all, s, Math.min(all.length, s + EVAL_CHUNK));
                int[] labels = labels(set.source(), idx);
                try (NDManager c = m.newSubManager()) {
                    NDArray input = inputs(c, set.source(), idx);
                    for (int i = 0; i < thetas.size(); i++) {
                        try (NDManager v = c.newSubManager()) {
                            cc[i].add(logits(v, thetas.get(i), input), labels);
                        }
                    }
                }
            }
            for (ConfusionCounter c : cc) out.add(c.result());
        }
        return out;
    }

    /** Cache rows (cached path) or normalised images (reference path) of the given samples. */
    NDArray inputs(NDManager m, EvalSet.Source source, int[] idx) {
        if (cache != null) return cache.rows(m, source, idx);
        ImageSet images = source == EvalSet.Source.TRAIN ? data.train() : data.test();
        return m.create(images.normalised(idx), new Shape(idx.length, images.pixelsPerImage()));
    }

    NDArray logits(NDManager m, float[] theta, NDArray input) {
        return cache != null ? suffix.logits(m, theta, input) : reference.logits(m, theta, input);
    }

    float lossAndGradient(NDManager m, float[] theta, NDArray input, int[] labels, float[] grad) {
        return cache != null
                ? suffix.lossAndGradient(m, theta, input, labels, grad)
                : reference.lossAndGradient(m, theta, input, labels, grad);
    }

    int[] labels(EvalSet.Source source, int[] idx) {
        return (source == EvalSet.Source.TRAIN ? data.train() : data.test()).labels(idx);
    }

    void checkVector(float[] theta) {
        adapter.layout().checkLength(theta);
        for (int i = 0; i < theta.length; i++) {
            if (!Float.isFinite(theta[i]))
                throw new IllegalArgumentException("vector component " + i + " is " + theta[i]);
        }
    }

    @Override
    public void close() {
        shared.close();
    }
}
