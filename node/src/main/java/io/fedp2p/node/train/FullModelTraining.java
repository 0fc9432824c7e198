package io.fedp2p.node.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.fedp2p.node.adapter.ParamLayout;
import io.fedp2p.node.data.ImageSet;
import io.fedp2p.node.data.Sampling;
import io.fedp2p.node.model.Backbone;
import io.fedp2p.node.model.VisionArch;
import io.fedp2p.node.model.VisionNet;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Trains every parameter of a vision backbone (pretraining on the public split, and the full fine-tuning baseline)
 * with DJL autograd and {@link SamSgd}, and evaluates a backbone as it is.
 */
public final class FullModelTraining {
    private static final int EVAL_CHUNK = 1000;

    private FullModelTraining() {}

    /**
     * Runs {@code epochs} passes over {@code indices} in an order drawn from {@code rng} (a fresh permutation per
     * epoch; the last batch of an epoch may be smaller), and returns the trained backbone with the same metadata.
     */
    public static Backbone train(
            Backbone start,
            ImageSet images,
            int[] indices,
            int epochs,
            TrainSettings settings,
            RandomGenerator rng,
            ProgressListener progress) {
        VisionArch arch = VisionArch.parse(start.architecture());
        ParamLayout layout = start.layout();
        float[] theta = start.values();
        SamSgd opt = new SamSgd(theta.length);
        int batch = settings.batchSize();
        int perEpoch = (indices.length + batch - 1) / batch;
        long total = (long) epochs * perEpoch;
        long done = 0;
        double runningLoss = Double.NaN;
        EngineSetup.engine();
        try (NDManager manager = NDManager.newBaseManager()) {
            for (int e = 0; e < epochs; e++) {
                int[] order = indices.clone();
                Sampling.shuffle(order, rng);
                RoundPlan plan = settings.plan(e);
                for (int s = 0; s < perEpoch; s++) {
                    int[] idx = Arrays.copyOfRange(order, s * batch, Math.min(order.length, (s + 1) * batch));
                    float[] x = images.normalised(idx);
                    int[] y = images.labels(idx);
                    SamSgd.GradientFn fn = (t, g) -> lossAndGradient(manager, arch, layout, t, x, y, g);
                    float loss = opt.step(theta, fn, plan, "epoch " + e + ", step " + s);
                    runningLoss = Double.isNaN(runningLoss) ? loss : 0.98 * runningLoss + 0.02 * loss;
                    progress.progress(++done, total, String.format(Locale.ROOT, "loss %.4f", runningLoss));
                }
            }
        }
        return start.withValues(theta);
    }

    static float lossAndGradient(
            NDManager parent, VisionArch arch, ParamLayout layout, float[] theta, float[] x, int[] y, float[] grad) {
        try (NDManager m = parent.newSubManager()) {
            Map<String, NDArray> p = new HashMap<>();
            for (ParamLayout.Entry e : layout.entries()) {
                NDArray a = m.create(
                        Arrays.copyOfRange(theta, e.offset(), e.offset() + e.size()), new Shape(e.shapeArray()));
                a.setRequiresGradient(true);
                p.put(e.name(), a);
            }
            NDArray images = m.create(x, new Shape(y.length, 784));
            float loss = Autograd.backward(
                    () -> ConfusionCounter.crossEntropy(VisionNet.logits(arch, images, p::get), y, 10));
            for (ParamLayout.Entry e : layout.entries()) {
                float[] g = p.get(e.name()).getGradient().toFloatArray();
                System.arraycopy(g, 0, grad, e.offset(), e.size());
            }
            return loss;
        }
    }

    /** Accuracy, loss and per-class metrics of a backbone as it is on the given samples. */
    public static Evaluation evaluate(Backbone b, ImageSet images, int[] indices) {
        VisionArch arch = VisionArch.parse(b.architecture());
        EngineSetup.engine();
        try (NDManager m = NDManager.newBaseManager()) {
            Map<String, NDArray> p = new HashMap<>();
            for (ParamLayout.Entry e : b.layout().entries()) {
                p.put(e.name(), m.create(b.param(e.name()), new Shape(e.shapeArray())));
            }
            ConfusionCounter cc = new ConfusionCounter(10);
            for (int s = 0; s < indices.length; s += EVAL_CHUNK) {
                int[] idx = Arrays.copyOfRange(indices, s, Math.min(indices.length, s + EVAL_CHUNK));
                try (NDManager c = m.newSubManager()) {
                    NDArray images1 = c.create(images.normalised(idx), new Shape(idx.length, 784));
                    cc.add(VisionNet.logits(arch, images1, p::get), images.labels(idx));
                }
            }
            return cc.result();
        }
    }
}
