package io.fedp2p.node.train;

import io.fedp2p.node.SeedTree;
import io.fedp2p.node.adapter.AdapterSpec;
import io.fedp2p.node.adapter.ParamLayout;
import io.fedp2p.node.data.FashionMnist;
import io.fedp2p.node.model.Backbone;
import java.util.List;
import java.util.Locale;

/**
 * {@code fedp2p train}: the one-machine fine-tuning baseline. One "node" holds the whole non-public pool; it trains
 * the adapter and head for some epochs (SGD with momentum, optionally SAM) and is evaluated on the test set.
 */
public final class CentralizedTraining {
    private static final int CHUNK_STEPS = 50;

    private CentralizedTraining() {}

    /** The outcome. {@code epochSeconds} is the mean wall time of one epoch of training (no evaluation). */
    public record Result(
            Evaluation test,
            Evaluation initial,
            int trainableParams,
            int trainImages,
            double epochSeconds,
            float[] vector,
            ParamLayout layout,
            String backboneSha256,
            double cacheSeconds) {}

    /**
     * @param settings lr η₀ (decayed per epoch by {@code decay}), batch, ρ, momentum, clip; localSteps is ignored
     */
    public static Result run(
            FashionMnist data,
            Backbone backbone,
            AdapterSpec spec,
            VisionTaskConfig config,
            int epochs,
            TrainSettings settings,
            ProgressListener progress) {
        long c0 = System.nanoTime();
        try (VisionTask task = VisionTask.create(data, backbone, spec, config, ProgressListener.NONE)) {
            double cacheSeconds = (System.nanoTime() - c0) / 1e9;
            float[] theta = task.initialVector();
            Evaluation initial =
                    task.evaluateAll(List.of(theta), task.testSet()).get(0);
            int n = task.partition().size(0);
            int perEpoch = (n + settings.batchSize() - 1) / settings.batchSize();
            long total = (long) perEpoch * epochs;
            long done = 0;
            double trainNanos = 0;
            SeedTree seeds = new SeedTree(config.seed());
            try (LocalTrainer trainer = task.trainer(0, seeds.rng("node", 0), y -> y)) {
                for (int e = 0; e < epochs; e++) {
                    RoundPlan plan = settings.plan(e);
                    int left = perEpoch;
                    while (left > 0) {
                        int k = Math.min(CHUNK_STEPS, left);
                        RoundPlan chunk = new RoundPlan(
                                e,
                                k,
                                plan.batchSize(),
                                plan.learningRate(),
                                plan.rho(),
                                plan.momentum(),
                                plan.clipNorm(),
                                done > 0 || plan.carryMomentum());
                        long t0 = System.nanoTime();
                        TrainReport r = trainer.train(theta, chunk);
                        trainNanos += System.nanoTime() - t0;
                        theta = r.vector();
                        left -= k;
                        done += k;
                        progress.progress(
                                done, total, String.format(Locale.ROOT, "epoch %d loss %.4f", e + 1, r.meanLoss()));
                    }
                }
            }
            Evaluation test = task.evaluateAll(List.of(theta), task.testSet()).get(0);
            return new Result(
                    test,
                    initial,
                    task.dimension(),
                    n,
                    trainNanos / 1e9 / epochs,
                    theta,
                    task.layout(),
                    task.backboneHash(),
                    cacheSeconds);
        }
    }
}
