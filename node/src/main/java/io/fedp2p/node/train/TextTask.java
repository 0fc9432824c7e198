package io.fedp2p.node.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.fedp2p.node.SeedTree;
import io.fedp2p.node.adapter.AdapterModel;
import io.fedp2p.node.adapter.AdapterSpec;
import io.fedp2p.node.adapter.LayerShape;
import io.fedp2p.node.adapter.ParamLayout;
import io.fedp2p.node.data.FortuneCorpus;
import io.fedp2p.node.model.Backbone;
import io.fedp2p.node.model.TinyGpt;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;
import java.util.random.RandomGenerator;

/**
 * The fortunes language-modelling {@link Task}: a frozen {@code tiny-gpt}, one node per category (a natural non-IID
 * shard), evaluation on the held-out tails. "Classes" are the 98 character ids; an {@link Evaluation}'s loss is
 * nats per predicted character and its {@code perplexity()} the character perplexity.
 *
 * <p>No feature cache: adapters sit inside every block. Training uses DJL autograd, which fedp2p serialises per
 * process, so text nodes train one at a time. Thread-safe.
 */
public final class TextTask implements Task {
    private static final int EVAL_WINDOWS = 32;

    final TinyGpt model;
    final Backbone backbone;
    final AdapterModel adapter;
    final List<String> categories;
    final TextWindows train;
    final TextWindows test;

    private TextTask(TinyGpt model, Backbone backbone, AdapterModel adapter, List<FortuneCorpus.Category> cats) {
        this.model = model;
        this.backbone = backbone;
        this.adapter = adapter;
        this.categories = cats.stream().map(FortuneCorpus.Category::name).toList();
        this.train = new TextWindows(cats, false, model.context());
        this.test = new TextWindows(cats, true, model.context());
    }

    /** A task whose nodes are the given categories of the corpus, in order. */
    public static TextTask create(
            FortuneCorpus corpus, Backbone backbone, AdapterSpec spec, List<String> nodeCategories, long seed) {
        TinyGpt model = TextPretraining.model(backbone);
        List<LayerShape> targets = new ArrayList<>();
        for (String t : spec.targets()) {
            int[] s = model.denseShape(t);
            if (s == null) throw new IllegalArgumentException("layer '" + t + "' cannot carry an adapter in tiny-gpt");
            targets.add(new LayerShape(t, s[0], s[1]));
        }
        AdapterModel adapter = AdapterModel.create(
                spec,
                targets,
                new LayerShape("head", model.width(), model.vocab()),
                backbone.param("head.weight"),
                backbone.param("head.bias"),
                new SeedTree(seed),
                null);
        List<FortuneCorpus.Category> cats =
                nodeCategories.stream().map(corpus::category).toList();
        return new TextTask(model, backbone, adapter, cats);
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
        return model.vocab();
    }

    @Override
    public int numNodes() {
        return categories.size();
    }

    /** Category names, node i holding category i. */
    public List<String> categories() {
        return categories;
    }

    @Override
    public EvalSet testSet() {
        return EvalSet.all("test", EvalSet.Source.TEST, test.size());
    }

    /** The held-out tail of one node's category. */
    public EvalSet testSet(int node) {
        return new EvalSet("test-" + categories.get(node), EvalSet.Source.TEST, test.ofText(node));
    }

    @Override
    public LocalTrainer trainer(int node, RandomGenerator rng, IntUnaryOperator labelMap) {
        if (node < 0 || node >= numNodes()) throw new IllegalArgumentException("no node " + node);
        return new TextTrainer(this, node, rng, labelMap);
    }

    @Override
    public List<Evaluation> evaluateAll(List<float[]> thetas, EvalSet set) {
        List<Evaluation> out = new ArrayList<>();
        TextWindows w = set.source() == EvalSet.Source.TRAIN ? train : test;
        int ctx = model.context();
        for (float[] theta : thetas) {
            checkVector(theta);
            ConfusionCounter cc = new ConfusionCounter(model.vocab());
            int[] all = set.indices();
            for (int s = 0; s < all.length; s += EVAL_WINDOWS) {
                int[] idx = java.util.Arrays.copyOfRange(all, s, Math.min(all.length, s + EVAL_WINDOWS));
                int[] in = new int[idx.length * ctx];
                int[] target = new int[idx.length * ctx];
                w.fill(idx, in, target);
                try (NDManager m = EngineSetup.engine().newBaseManager()) {
                    NDArray logits = logits(m, theta, in, idx.length, new HashMap<>(), false);
                    cc.add(logits.reshape(idx.length * ctx, model.vocab()), target);
                }
            }
            out.add(cc.result());
        }
        return out;
    }

    /** Logits {@code n × ctx × V}; every array is created in {@code m}. */
    NDArray logits(NDManager m, float[] theta, int[] tokens, int n, Map<String, NDArray> trainables, boolean grad) {
        ParamLayout l = adapter.layout();
        for (ParamLayout.Entry e : l.entries()) {
            NDArray a = m.create(l.slice(theta, e.name()), new Shape(e.shapeArray()));
            if (grad) a.setRequiresGradient(true);
            trainables.put(e.name(), a);
        }
        Map<String, NDArray> params = new HashMap<>();
        for (ParamLayout.Entry e : backbone.layout().entries()) {
            params.put(e.name(), m.create(backbone.param(e.name()), new Shape(e.shapeArray())));
        }
        for (LayerShape t : adapter.targets()) {
            String wn = t.name() + ".weight";
            params.put(wn, MergedWeights.merged(m, adapter, t, theta, trainables, params.get(wn)));
        }
        params.put("head.weight", trainables.get("head.weight"));
        params.put("head.bias", trainables.get("head.bias"));
        return model.logits(m, tokens, n, model.context(), params::get);
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
        // every native array is per call; nothing shared to free
    }
}
