package io.fedp2p.sim.core;

import io.fedp2p.node.engine.EvaluatorSource;
import io.fedp2p.node.train.EvalSet;
import io.fedp2p.node.train.LocalBatch;
import io.fedp2p.node.train.LocalTrainer;
import io.fedp2p.node.train.Task;
import io.fedp2p.robustness.Evaluators;
import java.util.List;

/**
 * A simulated node's defence callbacks (ALGORITHMS.md §2.3, §5.7), as the node runtime provides them: per-class F1
 * of a candidate on the node's κ-per-class validation slice, and for Mozi the loss on one fresh minibatch per call
 * (drawn only when the defence uses it, since drawing consumes the trainer's generator). Simulation thread only.
 */
final class TaskEvaluators implements EvaluatorSource {
    private final Task task;
    private final LocalTrainer trainer;
    private final EvalSet validation;
    private final int[] familiar;
    private final boolean loss;
    private final int batchSize;

    TaskEvaluators(Task task, LocalTrainer trainer, boolean loss, int batchSize) {
        this.task = task;
        this.trainer = trainer;
        this.validation = trainer.localValidation();
        this.familiar = trainer.familiarClasses();
        this.loss = loss;
        this.batchSize = batchSize;
    }

    @Override
    public Evaluators evaluators(long round, int step) {
        if (familiar.length == 0) return Evaluators.none();
        Evaluators e = Evaluators.withScorer(
                theta -> task.evaluateAll(List.of(theta), validation).get(0).perClassF1(), familiar);
        if (!loss) return e;
        LocalBatch batch = trainer.drawBatch(batchSize);
        return e.withLoss(theta -> trainer.minibatchLoss(theta, batch));
    }
}
