package io.fedp2p.robustness.attack;

/**
 * A Byzantine node's message forger (ALGORITHMS.md §6). Implementations are immutable and thread-safe; every random
 * draw comes from {@link AttackContext#rng()} (or the collusion seed when colluders must agree), and inputs are never
 * modified.
 */
public interface Attack {
    /** The attack name as CLI.md lists it. */
    String name();

    /** The knowledge the attack needs; {@link Knowledge#TARGET_OMNISCIENT} attacks refuse a context without a target. */
    Knowledge knowledge();

    /** The message to send at the context's step. */
    ForgedMessage forge(AttackContext context);
}
