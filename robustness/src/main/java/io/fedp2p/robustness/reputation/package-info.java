/**
 * RFFL reputation (Xu and Lyu 2021; ALGORITHMS.md §4) in fedp2p's decentralized form (§4.6.4): per-neighbour
 * reputations from leave-one-out cosine contributions, the α-update, clamp, normalisation, grace period, the 1/3
 * threshold, bans and re-admission, plus the fair-mode reward fraction and sparsification. Pure functions over
 * {@link io.fedp2p.robustness.NeighbourState} maps that the node persists.
 */
package io.fedp2p.robustness.reputation;
