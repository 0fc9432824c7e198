package io.fedp2p.robustness.attack;

/** What an attack reads (ALGORITHMS.md §6, knowledge modes). */
public enum Knowledge {
    /** Only the attacker's own honestly computed vectors (and its colluders'). */
    OWN,
    /** The honest messages the attacker itself received at this gossip step (the default). */
    LOCAL,
    /** The target's message, its honest neighbours' messages and its W row: a simulator capability only. */
    TARGET_OMNISCIENT
}
