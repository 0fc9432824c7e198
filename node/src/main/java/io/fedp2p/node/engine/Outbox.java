package io.fedp2p.node.engine;

import io.fedp2p.gossip.identity.PeerId;
import io.fedp2p.gossip.protocol.ModelMessage;
import io.fedp2p.gossip.transport.GossipTransport;
import io.fedp2p.robustness.attack.ForgedMessage;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What the engine sends at each step (ALGORITHMS.md §8 steps 2 and 7): (θ, Δ, ρ, degree) at step 0, z^{(q)} later; a
 * Byzantine engine's forged messages instead. Remembers the last-step iterate as receivers decode it, for the next
 * round's mixing residual. Engine thread only.
 */
final class Outbox {
    private final GossipTransport transport;
    private final ByzantineRole byzantine;
    private final int gossipSteps;
    private final ExchangeMode mode;
    private float[] lastSentIterate;

    Outbox(
            GossipTransport transport,
            ByzantineRole byzantine,
            int gossipSteps,
            float[] lastSentIterate,
            ExchangeMode mode) {
        this.transport = transport;
        this.byzantine = byzantine;
        this.gossipSteps = gossipSteps;
        this.lastSentIterate = lastSentIterate;
        this.mode = mode;
    }

    float[] lastSentIterate() {
        return lastSentIterate;
    }

    /** Forgets the last iterate (after a jump, the residual would compare unrelated rounds). */
    void forgetIterate() {
        lastSentIterate = null;
    }

    /**
     * Sends step {@code q} of {@code rs}'s round; {@code x} is the round-start model θ^{t,0} (full; the mode takes
     * its float part as the attack reference).
     */
    void send(RoundState rs, int q, float[] x) {
        rs.sent = true;
        // fedp2p design (ALGORITHMS.md §8 step 7 says "exchange z^(q) with neighbours in A_i"): at q >= 1 the node
        // still sends to every exchange neighbour, because a neighbour that accepted us waits for our message
        // whether or not we accepted it; only the mixing is restricted to A_i.
        SortedSet<PeerId> to = new TreeSet<>(rs.exchange);
        to.retainAll(transport.neighbours());
        float[] own = q == 0 ? rs.theta : rs.z;
        if (byzantine == null) {
            transport.send(to, mode.decorate(rs, message(rs, q, own, rs.delta)));
            if (q == gossipSteps - 1) lastSentIterate = transport.asReceived(own);
            return;
        }
        if (mode.ranked() && byzantine.attacksRankings()) {
            ModelMessage honest = message(rs, q, own, rs.delta);
            for (Map.Entry<PeerId, int[][]> e :
                    byzantine.forgeRankings(rs.ranking, to).entrySet()) {
                transport.send(List.of(e.getKey()), honest.withRanking(e.getValue()));
            }
            if (q == gossipSteps - 1) lastSentIterate = transport.asReceived(own);
            return;
        }
        float[] reference = mode.floats(x);
        float[] ownUpdate = q == 0 ? rs.delta : RoundEngine.subtract(rs.z, reference);
        SortedMap<PeerId, ForgedMessage> forged = byzantine.forge(rs.round, q, reference, ownUpdate, rs.inbox, to);
        boolean first = true;
        for (Map.Entry<PeerId, ForgedMessage> e : forged.entrySet()) {
            ForgedMessage f = e.getValue();
            transport.send(List.of(e.getKey()), mode.decorate(rs, message(rs, q, f.theta(), f.delta())));
            if (first && q == gossipSteps - 1) lastSentIterate = transport.asReceived(f.theta());
            first = false;
        }
    }

    private ModelMessage message(RoundState rs, int q, float[] theta, float[] delta) {
        if (q > 0) return ModelMessage.of(rs.round, q, rs.degree, theta);
        return ModelMessage.withDelta(rs.round, 0, rs.degree, theta, delta, residual(theta, delta));
    }

    /**
     * ρ = ‖(θ − Δ) − z^{(Q−1)}_{previous round}‖ on the vectors as receivers decode them (ALGORITHMS.md §4.6.4).
     * SPEC-GAP: §4.6.4 defines ρ_j = ‖x_j − z_j^{(Q−1)}‖; measured on the sent vectors it is the same for float32 and
     * stays consistent with what receivers check when vectors are quantised.
     */
    private double residual(float[] theta, float[] delta) {
        if (lastSentIterate == null || lastSentIterate.length != theta.length) return Double.NaN;
        float[] t = transport.asReceived(theta);
        float[] d = transport.asReceived(delta);
        double s = 0;
        for (int i = 0; i < t.length; i++) {
            double v = (double) t[i] - d[i] - lastSentIterate[i];
            s += v * v;
        }
        return Math.sqrt(s);
    }
}
