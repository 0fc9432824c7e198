package io.fedp2p.node.engine;

import java.time.Duration;
import java.util.Objects;

/**
 * Round-engine settings.
 *
 * @param rounds stop after round {@code rounds − 1} (0 = run until stopped)
 * @param gossipSteps Q ≥ 1 mixing steps per round (ALGORITHMS.md §1.1)
 * @param exchangeTimeout how long step 0 waits for neighbours after this node sent its own model; it covers the
 *     neighbours' slower training
 * @param stepTimeout how long each step q ≥ 1 waits (ALGORITHMS.md §1.6 #2: a silent neighbour's weight goes to self)
 * @param bufferRounds messages up to this many rounds ahead are kept for later; later ones only count for catch-up
 * @param maxBufferedPerPeer early messages kept per neighbour (more are dropped)
 * @param minNeighbours a round starts only once the node has this many neighbours (0: at once)
 */
public record EngineConfig(
        long rounds,
        int gossipSteps,
        Duration exchangeTimeout,
        Duration stepTimeout,
        int bufferRounds,
        int maxBufferedPerPeer,
        int minNeighbours) {
    public EngineConfig {
        Objects.requireNonNull(exchangeTimeout, "exchangeTimeout");
        Objects.requireNonNull(stepTimeout, "stepTimeout");
        if (rounds < 0) throw new IllegalArgumentException("rounds must be >= 0");
        if (gossipSteps < 1) throw new IllegalArgumentException("gossip steps Q must be >= 1, got " + gossipSteps);
        if (!positive(exchangeTimeout) || !positive(stepTimeout)) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
        if (bufferRounds < 0 || maxBufferedPerPeer < 1) throw new IllegalArgumentException("bad buffer settings");
        if (minNeighbours < 0) throw new IllegalArgumentException("minNeighbours must be >= 0");
    }

    private static boolean positive(Duration d) {
        return !d.isNegative() && !d.isZero();
    }

    /**
     * Q = 4 (ALGORITHMS.md §9), 60 s for step 0, 10 s per later step, one round of look-ahead, rounds start once
     * there is one neighbour.
     */
    public static EngineConfig defaults(long rounds) {
        return new EngineConfig(rounds, 4, Duration.ofSeconds(60), Duration.ofSeconds(10), 1, 16, 1);
    }

    public EngineConfig withGossipSteps(int q) {
        return new EngineConfig(
                rounds,
                q,
                exchangeTimeout,
                stepTimeout,
                bufferRounds,
                Math.max(maxBufferedPerPeer, 4 * q),
                minNeighbours);
    }

    public EngineConfig withTimeouts(Duration exchange, Duration step) {
        return new EngineConfig(rounds, gossipSteps, exchange, step, bufferRounds, maxBufferedPerPeer, minNeighbours);
    }

    public EngineConfig withRounds(long r) {
        return new EngineConfig(
                r, gossipSteps, exchangeTimeout, stepTimeout, bufferRounds, maxBufferedPerPeer, minNeighbours);
    }

    public EngineConfig withMinNeighbours(int n) {
        return new EngineConfig(rounds, gossipSteps, exchangeTimeout, stepTimeout, bufferRounds, maxBufferedPerPeer, n);
    }
}
