/**
 * The attacks of ALGORITHMS.md §6, for scenario tests and the attack matrix: each rewrites a Byzantine node's outgoing
 * message from what the attacker can see ({@link io.fedp2p.robustness.attack.AttackContext}). Data-side label flipping
 * is a {@link io.fedp2p.robustness.attack.LabelMapping} the trainer applies. Attacks are selected by name through
 * {@link io.fedp2p.robustness.attack.AttackSpec}; every one can be limited to some MGS steps ({@code steps=all|q0|q>=1}).
 * They never touch honest nodes' state, and all randomness comes from the context's generator.
 */
package io.fedp2p.robustness.attack;
