package io.fedp2p.sim.core;

import io.fedp2p.gossip.clock.Clock;
import io.fedp2p.node.engine.LocalCompute;
import io.fedp2p.node.train.LocalTrainer;
import io.fedp2p.node.train.RoundPlan;
import io.fedp2p.node.train.TrainSettings;
import java.util.function.Consumer;

/**
 * One simulated node's {@link LocalCompute}: queues the training in the {@link TrainingPool} and reports it after the
 * {@link ComputeModel}'s virtual training time. Simulation thread only.
 */
final class SimCompute implements LocalCompute {
    private final int node;
    private final LocalTrainer trainer;
    private final TrainSettings settings;
    private final ComputeModel model;
    private final TrainingPool pool;
    private final Clock clock;

    SimCompute(
            int node,
            LocalTrainer trainer,
            TrainSettings settings,
            ComputeModel model,
            TrainingPool pool,
            Clock clock) {
        this.node = node;
        this.trainer = trainer;
        this.settings = settings;
        this.model = model;
        this.pool = pool;
        this.clock = clock;
    }

    @Override
    public void train(long round, float[] start, Consumer<TrainOutcome> done) {
        RoundPlan plan = settings.plan(round);
        TrainingPool.Job job = pool.submit(node, trainer, start.clone(), plan);
        long delay = model.trainNanos(node, round, plan.localSteps(), plan.rho() > 0);
        clock.schedule(delay, () -> done.accept(pool.await(job)));
    }

    LocalTrainer trainer() {
        return trainer;
    }
}
