package io.fedp2p.node.dashboard;

import java.util.List;
import java.util.Objects;

/**
 * A row of the peer table (CLI.md's {@code /peers} fields, plus the outcome of the last round).
 *
 * @param peerId the peer's id (or node index in a simulation)
 * @param addrs its known addresses
 * @param reputation RFFL reputation in [0, 1], null if unknown
 * @param banned banned by the transport or removed by RFFL
 * @param reason why banned, or null
 * @param accepted updates of this peer the defence accepted so far
 * @param rejected updates rejected or missing so far
 * @param lastOutcome the last round's verdict ({@code accepted} or the rejection reason), or null
 * @param bytesIn bytes received from it
 * @param bytesOut bytes sent to it
 * @param neighbour currently a neighbour
 * @param byzantine known attacker (simulations only)
 */
public record PeerRow(
        String peerId,
        List<String> addrs,
        Double reputation,
        boolean banned,
        String reason,
        long accepted,
        long rejected,
        String lastOutcome,
        long bytesIn,
        long bytesOut,
        boolean neighbour,
        boolean byzantine) {
    public PeerRow {
        Objects.requireNonNull(peerId, "peerId");
        addrs = List.copyOf(addrs);
        if (reputation != null && !Double.isFinite(reputation))
            throw new IllegalArgumentException("reputation must be finite");
    }
}
