package io.fedp2p.node.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fedp2p.node.SeedTree;
import io.fedp2p.node.adapter.AdapterKind;
import io.fedp2p.node.adapter.AdapterSpec;
import io.fedp2p.node.adapter.ParamLayout;
import io.fedp2p.node.data.FortuneCorpus;
import io.fedp2p.node.model.Backbone;
import io.fedp2p.node.model.TinyGpt;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * {@code fedp2p pretrain --dataset fortunes}: trains {@code tiny-gpt} from scratch with Adam on the training parts
 * of the pretraining categories (every category that is not a node category), on random windows.
 */
public final class TextPretraining {
    public static final int DEFAULT_STEPS = 600;
    public static final float DEFAULT_LR = 3e-3f;
    public static final int DEFAULT_BATCH = 16;

    private TextPretraining() {}

    /** What to pretrain. */
    public record Spec(TinyGpt shape, List<String> categories, int steps, int batch, float lr, long seed) {
        public Spec {
            categories = List.copyOf(categories);
            if (categories.isEmpty() || steps < 1 || batch < 1 || !(lr > 0))
                throw new IllegalArgumentException("bad text pretraining spec");
        }

        /** Every category except {@link FortuneCorpus#DEFAULT_NODE_CATEGORIES}, default sizes. */
        public static Spec defaults(FortuneCorpus corpus, long seed) {
            List<String> pre = corpus.names().stream()
                    .filter(n -> !FortuneCorpus.DEFAULT_NODE_CATEGORIES.contains(n))
                    .toList();
            return new Spec(TinyGpt.defaults(FortuneCorpus.VOCAB), pre, DEFAULT_STEPS, DEFAULT_BATCH, DEFAULT_LR, seed);
        }
    }

    /** The architecture stored in a backbone's metadata. */
    public static TinyGpt model(Backbone b) {
        if (!b.architecture().equals(TinyGpt.NAME))
            throw new IllegalArgumentException("not a tiny-gpt backbone: " + b.architecture());
        ObjectNode m = b.meta();
        return new TinyGpt(
                m.path("vocab").asInt(FortuneCorpus.VOCAB),
                m.path("width").asInt(128),
                m.path("heads").asInt(4),
                m.path("layers").asInt(2),
                m.path("context").asInt(128));
    }

    public static Backbone pretrain(FortuneCorpus corpus, Spec spec, ProgressListener progress) {
        TinyGpt g = spec.shape();
        SeedTree seeds = new SeedTree(spec.seed());
        ParamLayout layout = ParamLayout.of(g.shapes());
        float[] theta = init(layout, seeds.rng("backbone-init", 0));
        List<byte[]> texts = new ArrayList<>();
        for (String c : spec.categories()) texts.add(corpus.category(c).train());
        RandomGenerator rng = seeds.rng("pretrain-order", 0);
        Adam adam = new Adam(theta.length);
        int ctx = g.context();
        double running = Double.NaN;
        for (int s = 0; s < spec.steps(); s++) {
            int[] in = new int[spec.batch() * ctx];
            int[] target = new int[in.length];
            sample(texts, ctx, rng, in, target);
            float lr = (float) (spec.lr() * Math.min(1.0, (s + 1) / 50.0)); // 50-step warm-up
            float loss = adam.step(
                    theta, (t, grad) -> lossAndGradient(g, layout, t, in, target, spec.batch(), grad), lr, "step " + s);
            running = Double.isNaN(running) ? loss : 0.95 * running + 0.05 * loss;
            progress.progress(s + 1, spec.steps(), String.format(Locale.ROOT, "loss %.3f", running));
        }
        ObjectNode meta = new ObjectMapper().createObjectNode();
        meta.put("dataset", "fortunes");
        meta.put("model", TinyGpt.NAME);
        meta.put("vocab", g.vocab());
        meta.put("width", g.width());
        meta.put("heads", g.heads());
        meta.put("layers", g.layers());
        meta.put("context", g.context());
        meta.put("steps", spec.steps());
        meta.put("seed", spec.seed());
        meta.put("pretrainCategories", String.join(",", spec.categories()));
        Backbone b = new Backbone(TinyGpt.NAME, layout, theta, meta);
        try (TextTask t = TextTask.create(
                corpus, b, AdapterSpec.of(AdapterKind.HEAD, List.of()), spec.categories(), spec.seed())) {
            Evaluation e =
                    t.evaluateAll(List.of(t.initialVector()), t.testSet()).get(0);
            meta.put("testPerplexity", e.perplexity());
            meta.put("testLoss", e.meanLoss());
        }
        return b.withMeta(meta);
    }

    /** Random windows: a category with probability ∝ its length, then a uniform offset. */
    private static void sample(List<byte[]> texts, int ctx, RandomGenerator rng, int[] in, int[] target) {
        long total = 0;
        for (byte[] t : texts) total += Math.max(0, t.length - ctx - 1);
        int n = in.length / ctx;
        for (int w = 0; w < n; w++) {
            long pick = rng.nextLong(total);
            int c = 0;
            while (pick >= Math.max(0, texts.get(c).length - ctx - 1))
                pick -= Math.max(0, texts.get(c++).length - ctx - 1);
            byte[] t = texts.get(c);
            for (int j = 0; j < ctx; j++) {
                in[w * ctx + j] = t[(int) pick + j];
                target[w * ctx + j] = t[(int) pick + j + 1];
            }
        }
    }

    /** GPT-2 style: weights and embeddings N(0, 0.02), biases 0, LayerNorm γ = 1, β = 0. */
    private static float[] init(ParamLayout layout, RandomGenerator rng) {
        float[] v = new float[layout.dimension()];
        for (ParamLayout.Entry e : layout.entries()) {
            String n = e.name();
            for (int i = 0; i < e.size(); i++) {
                float x;
                if (n.endsWith(".gamma")) x = 1f;
                else if (n.endsWith(".bias") || n.endsWith(".beta")) x = 0f;
                else x = (float) (rng.nextGaussian() * 0.02);
                v[e.offset() + i] = x;
            }
        }
        return v;
    }

    private static float lossAndGradient(
            TinyGpt g, ParamLayout layout, float[] theta, int[] in, int[] target, int batch, float[] grad) {
        try (NDManager m = EngineSetup.engine().newBaseManager()) {
            Map<String, NDArray> p = new HashMap<>();
            for (ParamLayout.Entry e : layout.entries()) {
                NDArray a = m.create(layout.slice(theta, e.name()), new Shape(e.shapeArray()));
                a.setRequiresGradient(true);
                p.put(e.name(), a);
            }
            float loss = Autograd.backward(() -> ConfusionCounter.crossEntropy(
                    g.logits(m, in, batch, g.context(), p::get).reshape(target.length, g.vocab()), target, g.vocab()));
            for (ParamLayout.Entry e : layout.entries()) {
                System.arraycopy(p.get(e.name()).getGradient().toFloatArray(), 0, grad, e.offset(), e.size());
            }
            return loss;
        }
    }
}
