package io.fedp2p.node.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fedp2p.gossip.host.TrafficStats;
import io.fedp2p.gossip.identity.PeerId;
import io.fedp2p.gossip.multiaddr.Multiaddr;
import io.fedp2p.gossip.peers.Ban;
import io.fedp2p.gossip.peers.PeerStore;
import io.fedp2p.node.engine.PeerOutcome;
import io.fedp2p.node.engine.RoundResult;
import io.fedp2p.robustness.NeighbourState;
import io.fedp2p.robustness.PeerKey;
import io.fedp2p.robustness.RobustnessState;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The {@code /peers} table (CLI.md: {@code peerId}, {@code addrs}, {@code reputation}, {@code banned}, {@code
 * reason}, {@code accepted}, {@code rejected}, {@code bytesIn}, {@code bytesOut}) and the cumulative per-peer
 * accepted/rejected counters, which the checkpoint keeps. Engine thread only.
 */
final class PeerTable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final TreeMap<String, long[]> counts = new TreeMap<>();
    private final TreeMap<String, String> lastReason = new TreeMap<>();

    /** Counts a round's outcomes. */
    void add(RoundResult r) {
        for (PeerOutcome o : r.outcomes()) {
            long[] c = counts.computeIfAbsent(o.peerId(), k -> new long[2]);
            c[o.accepted() ? 0 : 1]++;
            lastReason.put(o.peerId(), o.reason());
        }
    }

    ObjectNode countersJson() {
        ObjectNode n = JSON.createObjectNode();
        counts.forEach((p, c) ->
                n.putObject(p).put("accepted", c[0]).put("rejected", c[1]).put("last", lastReason.getOrDefault(p, "")));
        return n;
    }

    void restore(ObjectNode saved) {
        saved.fields().forEachRemaining(e -> {
            counts.put(e.getKey(), new long[] {
                e.getValue().path("accepted").asLong(),
                e.getValue().path("rejected").asLong()
            });
            if (!e.getValue().path("last").asText().isEmpty())
                lastReason.put(e.getKey(), e.getValue().path("last").asText());
        });
    }

    ArrayNode rows(
            SortedSet<PeerId> neighbours,
            PeerStore store,
            SortedMap<PeerId, Ban> bans,
            RobustnessState state,
            Map<PeerId, TrafficStats> traffic) {
        TreeSet<PeerId> all = new TreeSet<>(neighbours);
        for (PeerStore.Record r : store.snapshot()) all.add(r.peer());
        all.addAll(bans.keySet());
        ArrayNode out = JSON.createArrayNode();
        for (PeerId p : all) {
            String id = p.toString();
            ObjectNode row = out.addObject();
            row.put("peerId", id);
            ArrayNode addrs = row.putArray("addrs");
            for (Multiaddr a : store.addrs(p)) addrs.add(a.toString());
            NeighbourState ns = state.neighbours().get(PeerKey.of(id));
            if (ns != null) row.put("reputation", ns.reputation());
            else row.putNull("reputation");
            Ban ban = bans.get(p);
            boolean rffl = ns != null && ns.status() == NeighbourState.Status.BANNED;
            row.put("banned", ban != null || rffl);
            if (ban != null) row.put("reason", ban.reason());
            else if (rffl) row.put("reason", "rffl: removed until round " + ns.bannedUntilRound());
            else row.putNull("reason");
            long[] c = counts.getOrDefault(id, new long[2]);
            row.put("accepted", c[0]);
            row.put("rejected", c[1]);
            TrafficStats t = traffic.getOrDefault(p, TrafficStats.ZERO);
            row.put("bytesIn", t.bytesIn());
            row.put("bytesOut", t.bytesOut());
            row.put("neighbour", neighbours.contains(p));
            String last = lastReason.get(id);
            if (last != null) row.put("lastOutcome", last);
        }
        return out;
    }
}
