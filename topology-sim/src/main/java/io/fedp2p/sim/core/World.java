package io.fedp2p.sim.core;

import io.fedp2p.gossip.clock.VirtualClock;
import io.fedp2p.gossip.identity.PeerId;
import io.fedp2p.gossip.protocol.EquivocationProof;
import io.fedp2p.gossip.transport.InMemoryNetwork;
import io.fedp2p.node.engine.ByzantineRole;
import io.fedp2p.node.engine.EngineConfig;
import io.fedp2p.node.engine.EngineListener;
import io.fedp2p.node.engine.RoundEngine;
import io.fedp2p.node.engine.RoundEngineBuilder;
import io.fedp2p.node.engine.RoundResult;
import io.fedp2p.node.train.Task;
import io.fedp2p.robustness.RobustnessState;
import io.fedp2p.robustness.defence.Defence;
import io.fedp2p.sim.network.NetworkModel;
import io.fedp2p.sim.scenario.AdversarySettings;
import io.fedp2p.sim.scenario.Scenario;
import io.fedp2p.sim.topology.SpectralGap;
import io.fedp2p.sim.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * Everything a running simulation shares — clock, network, nodes, collector — and the life-cycle operations on a
 * node: start an engine, crash, come back, leave, join (built by {@link WorldBuilder}). Simulation thread only.
 */
final class World {
    final Scenario scenario;
    final Task task;
    final VirtualClock clock;
    final Topology topology;
    final SpectralGap spectralGap;
    final InMemoryNetwork network;
    final NetworkModel links;
    final SimNode[] nodes;
    final Map<PeerId, Integer> index;
    final List<Integer> lateJoiners;
    final RoundCollector collector;
    final TrainingPool pool;
    final BatchEvaluator evaluator;
    final Defence defence;
    final EngineConfig engineConfig;
    final TargetViews targets;
    final SimulationListener listener;
    final long collusionSeed;
    LongConsumer roundStarted = r -> {};
    int running;
    long lastStopNanos;
    long trainingFailures;
    long equivocations;

    World(WorldBuilder b) {
        this.scenario = b.scenario;
        this.task = b.task;
        this.clock = b.clock;
        this.topology = b.topology;
        this.spectralGap = b.spectralGap;
        this.network = b.network;
        this.links = b.links;
        this.nodes = b.nodes;
        this.index = b.index;
        this.lateJoiners = b.lateJoiners;
        this.collector = b.collector;
        this.pool = b.pool;
        this.evaluator = b.evaluator;
        this.defence = b.defence;
        this.engineConfig = b.engineConfig;
        this.targets = b.targets;
        this.listener = b.listener;
        this.collusionSeed = b.collusionSeed;
    }

    /** Starts a new engine for {@code n} at {@code nextRound} with the given model and robustness state. */
    void startEngine(SimNode n, float[] model, long nextRound, RobustnessState state, float[] lastIterate) {
        RoundEngineBuilder b = RoundEngine.builder()
                .clock(clock)
                .transport(n.transport)
                .compute(n.compute)
                .defence(defence)
                .evaluators(n.evaluators)
                .rng(n.robustnessRng)
                .listener(new NodeEvents(n.index))
                .config(engineConfig)
                .model(model)
                .resume(nextRound, state, lastIterate);
        scenario.task().exchangeMode().apply(b, task);
        AdversarySettings adv = scenario.adversary();
        if (n.byzantine && !adv.attack().name().equals("none")) {
            b.byzantine(new ByzantineRole(
                    adv.attack().create(),
                    adv.equivocate(),
                    adv.rushFraction(),
                    scenario.nodes(),
                    adv.byzantine(),
                    WorldBuilder.victimF(scenario.defence()),
                    collusionSeed,
                    n.attackRng,
                    targets));
        }
        n.engine = b.build();
        n.status = SimNode.Status.UP;
        collector.skippedTo(n.index, nextRound);
        collector.setUp(n.index, true);
        running++;
        n.engine.start();
    }

    /** Links {@code n} to its topology neighbours that are up. */
    void linkUp(SimNode n) {
        for (int j : topology.neighbours(n.index)) if (nodes[j].up()) network.connect(n.peer, nodes[j].peer);
    }

    /** Stops {@code n}'s engine and cuts its links; it comes back with {@link #restore} unless it left. */
    void takeDown(SimNode n, boolean forGood) {
        n.status = forGood ? SimNode.Status.LEFT : SimNode.Status.DOWN;
        n.engine.stop();
        n.transport.detach();
        for (PeerId p : network.neighbours(n.peer)) network.disconnect(n.peer, p);
        collector.setUp(n.index, false);
    }

    /**
     * Brings a crashed node back with the state of its last completed round (as from its checkpoint), after the last
     * round it signed a message for: a real node's signing guard does the same, since a second, different message for
     * a round it already signed would be proven as equivocation by its neighbours.
     */
    void restore(SimNode n) {
        RoundEngine old = n.engine;
        n.status = SimNode.Status.UP;
        linkUp(n);
        long next = Math.max(old.round(), n.signedRound + 1);
        startEngine(n, old.model(), next, old.robustnessState(), next == old.round() ? old.lastSentIterate() : null);
    }

    /**
     * A late joiner arrives: it links to its neighbours that are up and starts from the model and round of the first
     * of them (ALGORITHMS.md §1.6 #5), or from the initial model when none is up.
     */
    void join(SimNode n) {
        n.status = SimNode.Status.UP;
        SimNode from = null;
        for (int j : topology.neighbours(n.index)) {
            if (nodes[j].up() && nodes[j].engine != null && !nodes[j].byzantine) {
                from = nodes[j];
                break;
            }
        }
        linkUp(n);
        if (from == null) {
            startEngine(n, task.initialVector(), 0, RobustnessState.initial(), null);
        } else {
            startEngine(n, from.engine.model(), from.engine.round(), RobustnessState.initial(), null);
        }
    }

    /** Up nodes, in index order. */
    List<SimNode> upNodes() {
        List<SimNode> out = new ArrayList<>();
        for (SimNode n : nodes) if (n.up()) out.add(n);
        return out;
    }

    /** One node's engine events. */
    private final class NodeEvents implements EngineListener {
        private final int node;

        NodeEvents(int node) {
            this.node = node;
        }

        @Override
        public void beforeSigning(long round) {
            nodes[node].signedRound = Math.max(nodes[node].signedRound, round);
        }

        @Override
        public void onRoundStarted(long round) {
            roundStarted.accept(round);
        }

        @Override
        public void onRoundCompleted(RoundResult result) {
            listener.onNodeRound(node, result);
            collector.completed(node, result);
        }

        @Override
        public void onCatchUp(long fromRound, long toRound) {
            collector.skippedTo(node, toRound);
        }

        @Override
        public void onTrainingFailed(long round, Throwable failure) {
            trainingFailures++;
        }

        @Override
        public void onEquivocation(EquivocationProof proof) {
            if (!nodes[node].byzantine) equivocations++;
        }

        @Override
        public void onStopped(long nextRound) {
            running--;
            lastStopNanos = clock.nanos();
        }
    }
}
