package io.fedp2p.sim.topology;

import java.util.random.RandomGenerator;

/**
 * The topology in force in each round of a run. The simulator (and a node following a shared schedule) asks for
 * round t and gets the same graph for the same seed whatever order the rounds are asked in.
 */
public interface DynamicTopology {
    /** Number of nodes, the same in every round. */
    int size();

    /** The graph used during round {@code round} ({@code round >= 0}). */
    Topology at(long round);

    /** A topology that never changes. */
    static DynamicTopology fixed(Topology topology) {
        return new DynamicTopology() {
            @Override
            public int size() {
                return topology.size();
            }

            @Override
            public Topology at(long round) {
                if (round < 0) throw new IllegalArgumentException("negative round " + round);
                return topology;
            }
        };
    }

    /**
     * Neighbours resampled every {@code everyRounds} rounds: rounds {@code [k·R, (k+1)·R)} share the graph of epoch
     * k. Random families draw a fresh graph per epoch; structured ones (ring, torus, complete, file) keep their
     * shape under a fresh uniform relabelling, so nodes get new neighbours while the spectrum stays the same. Takes
     * one {@code nextLong()} from {@code rng} here; each epoch's draw is seeded from that value and the epoch number
     * (see {@link ResampledTopology}). Epoch 0 is built at once, so bad parameters fail here.
     */
    static DynamicTopology resampled(TopologySpec spec, int n, int everyRounds, RandomGenerator rng) {
        return new ResampledTopology(spec, n, everyRounds, rng.nextLong());
    }
}
