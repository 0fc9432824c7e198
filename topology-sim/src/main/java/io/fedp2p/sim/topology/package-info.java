/**
 * Topologies for fedp2p: the {@link io.fedp2p.sim.topology.Topology} value type (CSR adjacency with
 * Metropolis–Hastings weights, ALGORITHMS.md §0.1), the generator families and their parsed
 * {@link io.fedp2p.sim.topology.TopologySpec}, the spectral gap of the mixing matrix (dense EJML or Lanczos),
 * GraphML / edge-list / JSON files, round-dependent topologies and Byzantine placement strategies. Every random
 * choice takes a {@link java.util.random.RandomGenerator}; nothing here depends on hash iteration order.
 */
package io.fedp2p.sim.topology;
