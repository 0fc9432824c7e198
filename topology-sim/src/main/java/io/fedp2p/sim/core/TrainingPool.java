package io.fedp2p.sim.core;

import io.fedp2p.node.engine.LocalCompute.TrainOutcome;
import io.fedp2p.node.train.LocalTrainer;
import io.fedp2p.node.train.RoundPlan;
import io.fedp2p.node.train.TrainReport;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Local trainings, run lazily: a submitted job is computed only when the simulation needs its result (when its
 * virtual training time has passed), and then every job pending at that moment is computed, the nodes spread over the
 * {@link Workers}. A node's jobs run in submission order on one thread, and a job's result depends only on its node's
 * trainer (own generator and buffers) and inputs, so the results are bit-identical whatever the thread count
 * (with one PyTorch intra-op thread per worker for the DJL task). Simulation thread only.
 */
final class TrainingPool {
    /** One local training: its inputs, then its outcome. */
    static final class Job {
        final int node;
        final LocalTrainer trainer;
        final float[] start;
        final RoundPlan plan;
        TrainOutcome outcome;

        Job(int node, LocalTrainer trainer, float[] start, RoundPlan plan) {
            this.node = node;
            this.trainer = trainer;
            this.start = start;
            this.plan = plan;
        }
    }

    private final Workers workers;
    private List<Job> pending = new ArrayList<>();
    private long trainings;
    private long batches;

    TrainingPool(Workers workers) {
        this.workers = workers;
    }

    /** Queues a training of {@code trainer} from {@code start} (owned by the job from now on). */
    Job submit(int node, LocalTrainer trainer, float[] start, RoundPlan plan) {
        Job j = new Job(node, trainer, start, plan);
        pending.add(j);
        return j;
    }

    /** The outcome of {@code job}, computing it (and everything else pending) first when needed. */
    TrainOutcome await(Job job) {
        if (job.outcome == null) runPending();
        return job.outcome;
    }

    private void runPending() {
        List<Job> batch = pending;
        pending = new ArrayList<>();
        TreeMap<Integer, List<Job>> byNode = new TreeMap<>();
        for (Job j : batch)
            byNode.computeIfAbsent(j.node, k -> new ArrayList<>()).add(j);
        List<List<Job>> groups = new ArrayList<>(byNode.values());
        workers.forEach(groups.size(), g -> {
            for (Job j : groups.get(g)) j.outcome = train(j);
        });
        trainings += batch.size();
        batches++;
    }

    private static TrainOutcome train(Job j) {
        try {
            TrainReport r = j.trainer.train(j.start, j.plan);
            return TrainOutcome.of(r.vector(), r.meanLoss());
        } catch (RuntimeException e) {
            return TrainOutcome.failed(e);
        }
    }

    /** Trainings computed so far. */
    long trainings() {
        return trainings;
    }

    /** Parallel batches they were computed in. */
    long batches() {
        return batches;
    }
}
