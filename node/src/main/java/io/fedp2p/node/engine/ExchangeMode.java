package io.fedp2p.node.engine;

import io.fedp2p.gossip.identity.PeerId;
import io.fedp2p.gossip.protocol.ModelMessage;
import io.fedp2p.robustness.Evaluators;
import io.fedp2p.robustness.defence.MixOutcome;
import java.util.SortedMap;

/**
 * What travels and how it mixes in a round (fedp2p design): {@link FloatExchange}, the whole trainable vector θ as
 * floats through the defence (DFedSAM-MGS, ALGORITHMS.md §1.1, §8), or {@link FrlNativeExchange}, per-layer rankings
 * through a W-weighted Borda vote with only the head as floats through the defence (§3.9a). The engine drives the
 * defence on {@link #floats} of θ and lets the mode add to messages, screen them, and rebuild x_{t+1}. Engine thread
 * only.
 */
sealed interface ExchangeMode permits FloatExchange, FrlNativeExchange {
    /** The part of θ that travels as floats and goes through the defence (θ itself, not a copy, in float mode). */
    float[] floats(float[] theta);

    /** True when messages carry rankings. */
    boolean ranked();

    /** Local training ended with θ (the full vector): prepare the round's mode state. */
    void trained(RoundState rs, float[] theta);

    /** {@code m} with what the mode adds at the round's current step (this node's honest content). */
    ModelMessage decorate(RoundState rs, ModelMessage m);

    /**
     * Removes from the step's inbox every message whose mode content is invalid and returns why, by sender. Peer
     * input: the caller penalises each sender.
     */
    SortedMap<PeerId, String> screen(RoundState rs);

    /** The defence's model callbacks for vectors of {@link #floats} length. */
    Evaluators evaluators(RoundState rs, Evaluators full);

    /** The defence mixed the floats of the current step into {@code o}: mix the mode's content too. */
    void mixed(RoundState rs, MixOutcome o, StepBook book);

    /** x_{t+1} at the end of the round. */
    float[] next(RoundState rs);
}
