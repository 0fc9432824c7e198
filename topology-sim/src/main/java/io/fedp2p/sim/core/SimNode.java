package io.fedp2p.sim.core;

import io.fedp2p.gossip.identity.PeerId;
import io.fedp2p.node.engine.RoundEngine;
import io.fedp2p.node.train.LocalTrainer;
import java.util.random.RandomGenerator;

/**
 * One simulated node: its identity, transport, trainer and compute port (kept for the whole run), and the engine of
 * its current life (replaced when it comes back from a crash). Simulation thread only.
 */
final class SimNode {
    /** Where a node is in its life. */
    enum Status {
        /** A late joiner that has not joined yet. */
        ABSENT,
        UP,
        /** Crashed, coming back later. */
        DOWN,
        /** Left for good. */
        LEFT
    }

    final int index;
    final PeerId peer;
    final boolean byzantine;
    final NodeTransport transport;
    final LocalTrainer trainer;
    final SimCompute compute;
    final TaskEvaluators evaluators;
    final RandomGenerator robustnessRng;
    final RandomGenerator attackRng;
    RoundEngine engine;
    Status status = Status.UP;
    /** The last round this node signed a message for (−1: none), over all its lives. */
    long signedRound = -1;

    SimNode(
            int index,
            PeerId peer,
            boolean byzantine,
            NodeTransport transport,
            LocalTrainer trainer,
            SimCompute compute,
            TaskEvaluators evaluators,
            RandomGenerator robustnessRng,
            RandomGenerator attackRng) {
        this.index = index;
        this.peer = peer;
        this.byzantine = byzantine;
        this.transport = transport;
        this.trainer = trainer;
        this.compute = compute;
        this.evaluators = evaluators;
        this.robustnessRng = robustnessRng;
        this.attackRng = attackRng;
    }

    boolean up() {
        return status == Status.UP;
    }
}
