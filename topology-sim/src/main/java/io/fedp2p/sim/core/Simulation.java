package io.fedp2p.sim.core;

import io.fedp2p.node.SeedTree;
import io.fedp2p.node.train.Task;
import io.fedp2p.robustness.RobustnessState;
import io.fedp2p.sim.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one scenario: n nodes, each the node's own {@link io.fedp2p.node.engine.RoundEngine}, over the in-memory
 * transport on one virtual clock, until every engine has finished its rounds (or nothing is left to happen, or the
 * scenario's virtual-time limit). The same scenario, task and seed give the same result whatever the thread count.
 *
 * <p>The task is built by the caller (it is the expensive part: backbone, feature cache) so that twin runs share it;
 * it must have been built for {@code scenario.nodes()} nodes with the scenario's seed and partition.
 */
public final class Simulation {
    private static final Logger log = LoggerFactory.getLogger(Simulation.class);

    private Simulation() {}

    /**
     * @param threads workers for local training and evaluation (≥ 1); results do not depend on it
     */
    public static SimulationResult run(Scenario scenario, Task task, int threads, SimulationListener listener) {
        try (Workers workers = new Workers(threads)) {
            World w = WorldBuilder.build(scenario, task, workers, listener);
            try {
                return run(w, new SeedTree(scenario.seed()));
            } finally {
                w.evaluator.close();
                for (SimNode n : w.nodes) n.trainer.close();
            }
        }
    }

    private static SimulationResult run(World w, SeedTree seeds) {
        for (SimNode n : w.nodes) if (n.up()) w.linkUp(n);
        w.clock.runUntilIdle(Long.MAX_VALUE); // deliver the link events before the first round
        List<Integer> byzantine = new ArrayList<>();
        List<String> peers = new ArrayList<>();
        for (SimNode n : w.nodes) {
            if (n.byzantine) byzantine.add(n.index);
            peers.add(n.peer.toString());
        }
        SimulationStart start = new SimulationStart(
                w.scenario,
                w.topology,
                w.spectralGap,
                byzantine,
                w.lateJoiners,
                peers,
                w.task.dimension(),
                w.task.backboneHash());
        w.listener.onStart(start);
        Churn churn = new Churn(w, seeds.rng("churn", 1));
        churn.schedule(w.scenario.churn());
        long eventsBefore = w.clock.executed();
        for (SimNode n : w.nodes) {
            if (n.up()) w.startEngine(n, w.task.initialVector(), 0, RobustnessState.initial(), null);
        }
        long limit = w.scenario.maxVirtualTime().toNanos();
        while (w.running > 0 || churn.pending()) {
            if (!w.clock.runNext()) break;
            if (w.clock.nanos() > limit) {
                log.warn("virtual-time limit {} s reached; stopping", limit / 1e9);
                for (SimNode n : w.nodes) if (n.up()) n.engine.stop();
                break;
            }
        }
        if (w.running > 0) log.info("{} engines still waiting when nothing was left to happen", w.running);
        w.collector.finish();
        long bytes = 0;
        for (SimNode n : w.nodes) bytes += n.transport.traffic().bytesOut();
        SimulationResult result = new SimulationResult(
                start,
                w.collector.records(),
                w.lastStopNanos / 1e9,
                bytes,
                new SimulationResult.Work(
                        w.clock.executed() - eventsBefore,
                        w.pool.trainings(),
                        w.pool.batches(),
                        w.links.lost(),
                        w.collector.lateResults(),
                        w.trainingFailures,
                        w.equivocations));
        w.listener.onFinish(result);
        return result;
    }
}
