/**
 * Baseline Byzantine-robust aggregation rules of ALGORITHMS.md §5 (and the weighted mean they are compared with),
 * each a pure function of a {@link io.fedp2p.robustness.aggregate.VectorSet}: the multiset X_i = {x_i} ∪ {x_j} a
 * node holds at one gossip step, with mixing weights and the index of its own vector. Where implementations in the
 * field disagree, the class Javadoc names the variant fedp2p pins and the section that decides it.
 */
package io.fedp2p.robustness.aggregate;
