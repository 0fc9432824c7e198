package io.fedp2p.node.dashboard;

/**
 * One completed round as the charts show it.
 *
 * @param round t
 * @param accuracy test accuracy of the honest nodes (null when not evaluated that round)
 * @param loss test loss of the honest nodes (null when unknown)
 * @param bytes bytes sent and received during the round (summed over nodes)
 * @param seconds duration of the round (virtual seconds in a simulation)
 * @param accepted neighbour updates accepted by the defence
 * @param rejected neighbour updates rejected or missing
 */
public record RoundPoint(
        long round, Stats accuracy, Stats loss, long bytes, double seconds, long accepted, long rejected) {
    public RoundPoint {
        if (round < 0) throw new IllegalArgumentException("round must be >= 0");
        if (bytes < 0 || accepted < 0 || rejected < 0) throw new IllegalArgumentException("negative count");
        if (!Double.isFinite(seconds)) seconds = 0;
    }
}
