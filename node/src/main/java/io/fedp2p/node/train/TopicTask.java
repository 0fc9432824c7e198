package io.fedp2p.node.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.fedp2p.node.SeedTree;
import io.fedp2p.node.adapter.AdapterKind;
import io.fedp2p.node.adapter.AdapterModel;
import io.fedp2p.node.adapter.AdapterSpec;
import io.fedp2p.node.adapter.FedSbFactors;
import io.fedp2p.node.adapter.FedSbInit;
import io.fedp2p.node.adapter.LayerShape;
import io.fedp2p.node.adapter.ParamLayout;
import io.fedp2p.node.data.FortuneTopics;
import io.fedp2p.node.data.Partition;
import io.fedp2p.node.data.Partitioner;
import io.fedp2p.node.encoder.BertEncoder;
import io.fedp2p.node.encoder.EncoderTargets;
import io.fedp2p.node.encoder.PretrainedEncoder;
import io.fedp2p.node.encoder.SentenceTokenizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntUnaryOperator;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;

/**
 * The {@code fortunes-topic} {@link Task} (issue 11): 8-way topic classification of fortunes with a frozen
 * pretrained sentence encoder (all-MiniLM-L6-v2 or bge-small), adapters on its dense layers and a trained head.
 *
 * <p>Tables: {@link EvalSet.Source#TRAIN} holds the training entries (indices {@code 0..trainPool−1}, split among
 * nodes) followed by the validation pool; {@link EvalSet.Source#TEST} the held-out 20%. The backbone hash is the
 * SHA-256 of the ONNX file. Build once per JVM with {@link #create}; then read-only and thread-safe. Training runs
 * DJL autograd, which fedp2p serialises per process, so nodes of one JVM train one at a time.
 */
public final class TopicTask implements Task {
    final FortuneTopics data;
    final PretrainedEncoder weights;
    final AdapterModel adapter;
    final TopicTaskConfig config;
    final Partition partition;
    final int[] trainLabels;
    final int[] testLabels;
    final int[] validationPool;
    final NDManager shared;
    final BertEncoder encoder;
    final TopicFeatures features;
    final TopicNet net;

    private TopicTask(
            FortuneTopics data,
            TopicTaskConfig config,
            AdapterModel adapter,
            NDManager shared,
            BertEncoder encoder,
            TopicFeatures features) {
        this.data = data;
        this.weights = encoder.weights();
        this.config = config;
        this.adapter = adapter;
        this.shared = shared;
        this.encoder = encoder;
        this.features = features;
        int pool = data.train().size();
        this.trainLabels = IntStream.concat(
                        data.train().stream().mapToInt(FortuneTopics.Entry::label),
                        data.validation().stream().mapToInt(FortuneTopics.Entry::label))
                .toArray();
        this.testLabels =
                data.test().stream().mapToInt(FortuneTopics.Entry::label).toArray();
        this.validationPool = IntStream.range(pool, trainLabels.length).toArray();
        this.partition = Partitioner.split(
                config.partition(),
                IntStream.range(0, pool).toArray(),
                trainLabels,
                data.numClasses(),
                config.numNodes(),
                new SeedTree(config.seed()).rng("partition", 0));
        this.net = new TopicNet(encoder, adapter, features, shared);
    }

    /**
     * Loads the encoder (once per JVM), tokenizes every entry, builds the frozen-layer cache and the adapter. For
     * {@code fed-sb} without agreed factors the task computes them from the first {@code fedSbSamples} training
     * entries (it plays the leader of ALGORITHMS.md §7.5 #2).
     *
     * @throws IllegalArgumentException for targets below the frozen layers or unknown to the encoder
     */
    public static TopicTask create(
            FortuneTopics data, AdapterSpec spec, TopicTaskConfig config, ProgressListener progress) {
        PretrainedEncoder w = config.model().load();
        int layers = w.config().layers();
        if (config.frozenLayers() > layers) {
            throw new IllegalArgumentException(
                    "frozen layers " + config.frozenLayers() + " exceed the encoder's " + layers);
        }
        List<LayerShape> targets = new ArrayList<>();
        for (String t : spec.targets()) {
            if (EncoderTargets.layerOf(t) < config.frozenLayers()) {
                throw new IllegalArgumentException(t + " sits below the " + config.frozenLayers() + " frozen layers");
            }
            targets.add(EncoderTargets.shape(w, t));
        }
        int[][][] tokens = new int[2][][];
        try (SentenceTokenizer tok = new SentenceTokenizer(config.model(), config.maxLength())) {
            List<String> train = new ArrayList<>();
            data.train().forEach(e -> train.add(e.text()));
            data.validation().forEach(e -> train.add(e.text()));
            tokens[EvalSet.Source.TRAIN.ordinal()] = tok.encode(train);
            tokens[EvalSet.Source.TEST.ordinal()] = tok.encode(
                    data.test().stream().map(FortuneTopics.Entry::text).toList());
        }
        TopicFeatures.Level level = spec.kind() == AdapterKind.HEAD
                ? TopicFeatures.Level.POOLED
                : config.frozenLayers() > 0 ? TopicFeatures.Level.HIDDEN : TopicFeatures.Level.TOKENS;
        NDManager shared = EngineSetup.engine().newBaseManager();
        try {
            BertEncoder encoder = new BertEncoder(w, shared);
            TopicFeatures features =
                    TopicFeatures.shared(encoder, shared, tokens, level, config.frozenLayers(), progress);
            SeedTree seeds = new SeedTree(config.seed());
            int h = w.config().hidden();
            int c = data.numClasses();
            float[] headW = gaussian(seeds.frozen("head"), c * h, 1 / Math.sqrt(h));
            float[] headB = new float[c];
            FedSbFactors fedSb = config.fedSbFactors();
            if (spec.kind() == AdapterKind.FED_SB && fedSb == null) {
                int n = Math.min(config.fedSbSamples(), data.train().size());
                var grads = TopicFedSb.gradient(
                        encoder,
                        features,
                        targets,
                        headW,
                        headB,
                        IntStream.range(0, n).toArray(),
                        trainLabels(data));
                List<FedSbFactors.Layer> fl = new ArrayList<>();
                for (LayerShape t : targets) {
                    fl.add(FedSbInit.factors(t, grads.get(t.name()), config.fedSbFirstLr(), spec.rank()));
                }
                fedSb = new FedSbFactors(fl);
            }
            AdapterModel adapter =
                    AdapterModel.create(spec, targets, new LayerShape("head", h, c), headW, headB, seeds, fedSb);
            return new TopicTask(data, config, adapter, shared, encoder, features);
        } catch (RuntimeException e) {
            shared.close();
            throw e;
        }
    }

    /**
     * The network-wide initial head: Gaussian, std 1/√h, from the run seed's frozen stream (every node draws the
     * same). SPEC-GAP: the issue leaves the new head's initialisation open; a zero head would leave FFA-LoRA's B and
     * the Fed-SB gradient without a signal in the first step.
     */
    private static float[] gaussian(RandomGenerator rng, int n, double std) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float) (rng.nextGaussian() * std);
        return v;
    }

    static int[] trainLabels(FortuneTopics data) {
        return data.train().stream().mapToInt(FortuneTopics.Entry::label).toArray();
    }

    @Override
    public String backboneHash() {
        return weights.sha256();
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

    /** The imported encoder. */
    public PretrainedEncoder encoderWeights() {
        return weights;
    }

    public TopicTaskConfig config() {
        return config;
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
        return data.numClasses();
    }

    @Override
    public int numNodes() {
        return partition.numNodes();
    }

    public Partition partition() {
        return partition;
    }

    /** Labels of the training table (training pool, then validation pool). */
    public int[] trainLabels() {
        return trainLabels.clone();
    }

    @Override
    public EvalSet testSet() {
        return EvalSet.all("test", EvalSet.Source.TEST, testLabels.length);
    }

    /** Heap bytes of the frozen-layer cache (0 when nothing is cached). */
    public long cacheBytes() {
        return features.bytes();
    }

    @Override
    public LocalTrainer trainer(int node, RandomGenerator rng, IntUnaryOperator labelMap) {
        if (node < 0 || node >= numNodes())
            throw new IllegalArgumentException("node " + node + " outside 0.." + (numNodes() - 1));
        return new TopicTrainer(this, node, rng, labelMap);
    }

    @Override
    public List<Evaluation> evaluateAll(List<float[]> thetas, EvalSet set) {
        for (float[] t : thetas) checkVector(t);
        ConfusionCounter[] cc = new ConfusionCounter[thetas.size()];
        Arrays.setAll(cc, i -> new ConfusionCounter(numClasses()));
        int[][] tok = new int[set.size()][];
        for (int i = 0; i < tok.length; i++) tok[i] = features.tokens(set.source(), set.index(i));
        for (int[] chunk :
                TopicFeatures.chunksByLength(tok, IntStream.range(0, tok.length).toArray())) {
            int[] idx = new int[chunk.length];
            for (int i = 0; i < idx.length; i++) idx[i] = set.index(chunk[i]);
            int[] y = labels(set.source(), idx);
            try (NDManager m = shared.newSubManager()) {
                TopicNet.Input in = net.input(m, set.source(), idx);
                for (int i = 0; i < thetas.size(); i++) {
                    try (NDManager v = m.newSubManager()) {
                        // DJL puts a result in its first operand's manager: lend the shared input to v, or every
                        // model's intermediates would stay in m until the chunk ends (GBs for Bristle's many models)
                        in.x().tempAttach(v);
                        NDArray logits = net.logits(v, thetas.get(i), in, new java.util.HashMap<>(), false);
                        cc[i].add(logits, y);
                    }
                }
            }
        }
        List<Evaluation> out = new ArrayList<>();
        for (ConfusionCounter c : cc) out.add(c.result());
        return out;
    }

    int[] labels(EvalSet.Source source, int[] idx) {
        int[] table = source == EvalSet.Source.TRAIN ? trainLabels : testLabels;
        int[] y = new int[idx.length];
        for (int i = 0; i < idx.length; i++) y[i] = table[idx[i]];
        return y;
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
