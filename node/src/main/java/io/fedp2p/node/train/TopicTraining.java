package io.fedp2p.node.train;

import io.fedp2p.node.SeedTree;
import io.fedp2p.node.adapter.AdapterSpec;
import io.fedp2p.node.data.FortuneTopics;
import java.util.List;
import java.util.Locale;

/**
 * {@code fedp2p train --task fortunes-topic}: centralized fine-tuning of an adapter and the head on every training
 * entry (one node), evaluated on the held-out 20%. With {@code --adapter head} it is the linear probe on the frozen
 * sentence embeddings.
 */
public final class TopicTraining {
    private static final int CHUNK_STEPS = 10;

    private TopicTraining() {}

    /**
     * The outcome. Times are wall-clock: {@code stepSeconds} is the mean time of one training step (SAM/SGD on one
     * batch), {@code cacheSeconds} the time to load the encoder, tokenize and build the frozen-layer cache.
     */
    public record Result(
            Evaluation test,
            Evaluation initial,
            int trainableParams,
            int trainEntries,
            double epochSeconds,
            double stepSeconds,
            float[] vector,
            String backboneSha256,
            long modelParams,
            double cacheSeconds,
            long cacheBytes,
            io.fedp2p.node.adapter.ParamLayout layout) {}

    /** Builds the task, trains for {@code epochs} passes, evaluates before and after. */
    public static Result run(
            FortuneTopics data,
            AdapterSpec spec,
            TopicTaskConfig config,
            int epochs,
            TrainSettings settings,
            ProgressListener cacheProgress,
            ProgressListener progress) {
        long c0 = System.nanoTime();
        try (TopicTask task = TopicTask.create(data, spec, config, cacheProgress)) {
            double cacheSeconds = (System.nanoTime() - c0) / 1e9;
            float[] theta = task.initialVector();
            Evaluation initial =
                    task.evaluateAll(List.of(theta), task.testSet()).get(0);
            int n = task.partition().size(0);
            int perEpoch = (n + settings.batchSize() - 1) / settings.batchSize();
            long total = (long) perEpoch * epochs;
            long done = 0;
            double trainNanos = 0;
            try (LocalTrainer trainer = task.trainer(0, new SeedTree(config.seed()).rng("node", 0), y -> y)) {
                for (int e = 0; e < epochs; e++) {
                    RoundPlan plan = settings.plan(e);
                    for (int left = perEpoch; left > 0; ) {
                        int k = Math.min(CHUNK_STEPS, left);
                        RoundPlan chunk = plan.withLocalSteps(k).withCarry(done > 0 || plan.carryMomentum());
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
                    total == 0 ? 0 : trainNanos / 1e9 / total,
                    theta,
                    task.backboneHash(),
                    task.encoderWeights().parameterCount(),
                    cacheSeconds,
                    task.cacheBytes(),
                    task.layout());
        }
    }
}
