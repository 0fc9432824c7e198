package io.fedp2p.examples.demo;

import java.util.List;
import java.util.Set;

/**
 * One round of a run over its honest peers: the table line of the demo.
 *
 * @param round t
 * @param mean honest mean test accuracy
 * @param min lowest honest accuracy
 * @param max highest honest accuracy
 * @param byzantineAccepted step-0 messages of Byzantine peers that honest peers accepted
 * @param byzantineRejected those they rejected
 * @param honestRejected step-0 messages of honest peers that honest peers rejected
 * @param bytesSentPerPeer mean bytes an honest peer sent in the round
 * @param roundSeconds mean wall time of the round at the honest peers
 */
public record RoundRow(
        long round,
        double mean,
        double min,
        double max,
        int byzantineAccepted,
        int byzantineRejected,
        int honestRejected,
        double bytesSentPerPeer,
        double roundSeconds) {
    /** Sums the honest peers' records of one round. */
    static RoundRow of(long round, List<PeerRound> honest, Set<String> byzantineIds) {
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        int byzAcc = 0;
        int byzRej = 0;
        int honRej = 0;
        double bytes = 0;
        double secs = 0;
        for (PeerRound p : honest) {
            sum += p.accuracy();
            min = Math.min(min, p.accuracy());
            max = Math.max(max, p.accuracy());
            for (String a : p.acceptedFrom()) if (byzantineIds.contains(a)) byzAcc++;
            for (String[] r : p.rejectedFrom()) {
                if (byzantineIds.contains(r[0])) byzRej++;
                else honRej++;
            }
            bytes += p.bytesSent();
            secs += p.roundSeconds();
        }
        int n = honest.size();
        return new RoundRow(round, sum / n, min, max, byzAcc, byzRej, honRej, bytes / n, secs / n);
    }
}
