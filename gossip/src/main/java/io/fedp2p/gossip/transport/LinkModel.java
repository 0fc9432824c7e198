package io.fedp2p.gossip.transport;

import io.fedp2p.gossip.identity.PeerId;

/**
 * How long a message takes on a directed link of the in-memory network, or whether it is lost. Called in send order
 * on the clock's thread, so a model that draws random numbers stays deterministic.
 */
@FunctionalInterface
public interface LinkModel {
    /**
     * @param nowNanos the clock time of the send
     * @return the delivery delay in nanoseconds (≥ 0), or a negative value when the message is lost
     */
    long delayNanos(PeerId from, PeerId to, long bytes, long nowNanos);

    /** Every message arrives at once (still through the clock, after the current task). */
    static LinkModel instant() {
        return (from, to, bytes, now) -> 0;
    }
}
