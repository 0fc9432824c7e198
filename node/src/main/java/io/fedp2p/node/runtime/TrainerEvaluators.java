package io.fedp2p.node.runtime;

import io.fedp2p.node.engine.EvaluatorSource;
import io.fedp2p.node.train.EvalSet;
import io.fedp2p.node.train.LocalBatch;
import io.fedp2p.node.train.LocalTrainer;
import io.fedp2p.node.train.Task;
import io.fedp2p.robustness.Evaluators;
import java.util.List;

/**
 * The defence's model callbacks from the node's trainer (ALGORITHMS.md §2.3, §5.7): per-class F1 of a candidate on
 * the node's κ-per-class validation slice, through the thread-safe {@link Task#evaluateAll}; and, for Mozi only, the
 * loss on one fresh training minibatch per call (drawing it consumes the trainer's generator, so it is drawn only
 * when the defence uses it).
 */
final class TrainerEvaluators implements EvaluatorSource {
    private final Task task;
    private final LocalTrainer trainer;
    private final EvalSet validation;
    private final int[] familiar;
    private final boolean loss;
    private final int batchSize;

    TrainerEvaluators(Task task, LocalTrainer trainer, boolean loss, int batchSize) {
        this.task = task;
        this.trainer = trainer;
        this.validation = trainer.localValidation();
        this.familiar = trainer.familiarClasses();
        this.loss = loss;
        this.batchSize = batchSize;
    }

    @Override
    public Evaluators evaluators(long round, int step) {
        Evaluators e = Evaluators.withScorer(
                theta -> task.evaluateAll(List.of(theta), validation).get(0).perClassF1(), familiar);
        if (!loss) return e;
        LocalBatch batch;
        synchronized (trainer) {
            batch = trainer.drawBatch(batchSize);
        }
        return e.withLoss(theta -> {
            synchronized (trainer) {
                return trainer.minibatchLoss(theta, batch);
            }
        });
    }
}
