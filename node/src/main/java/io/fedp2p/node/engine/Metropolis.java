package io.fedp2p.node.engine;

/**
 * Metropolis–Hastings weights from the two degrees (ALGORITHMS.md §0.1): {@code W[i][j] = 1 / (1 + max(deg_i,
 * deg_j))}. Every message carries its sender's degree, so both ends compute the same weight.
 */
final class Metropolis {
    private Metropolis() {}

    static double weight(int ownDegree, int neighbourDegree) {
        return 1.0 / (1 + Math.max(ownDegree, Math.max(0, neighbourDegree)));
    }
}
