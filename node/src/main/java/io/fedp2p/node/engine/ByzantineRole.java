package io.fedp2p.node.engine;

import io.fedp2p.gossip.identity.PeerId;
import io.fedp2p.gossip.protocol.ModelMessage;
import io.fedp2p.robustness.attack.Attack;
import io.fedp2p.robustness.attack.AttackContext;
import io.fedp2p.robustness.attack.ForgedMessage;
import io.fedp2p.robustness.attack.Knowledge;
import io.fedp2p.robustness.attack.RankReversalAttack;
import io.fedp2p.robustness.filter.RankVote;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.random.RandomGenerator;

/**
 * How a Byzantine engine misbehaves (ALGORITHMS.md §6, experiments only): at every gossip step it is <em>rushing</em>
 * — it waits until it has heard every neighbour, or until {@code rushFraction} of the step timeout has passed, then
 * forges its message with the robustness {@link Attack} from what it received ({@code local} knowledge) and sends it.
 * Its own model follows the honest protocol, so its reference θ^{t,0} stays plausible.
 *
 * @param attack the forger
 * @param equivocate send the forged message to the first half of the recipients (by peer id) and the honest one to
 *     the rest: two different signed messages for one slot, which the gossip layer must catch
 * @param rushFraction share of the step timeout the attacker waits at most for honest messages, in (0, 1)
 * @param nodes global node count n for ALIE's formulas (0 when unknown)
 * @param byzantine global Byzantine count f (0 when unknown)
 * @param victimF the f the victims' rules assume (Fang-Krum)
 * @param collusionSeed seed shared by colluding identities
 * @param rng this identity's attack generator
 * @param targets target-omniscient knowledge (simulation only), or null
 */
public record ByzantineRole(
        Attack attack,
        boolean equivocate,
        double rushFraction,
        int nodes,
        int byzantine,
        int victimF,
        long collusionSeed,
        RandomGenerator rng,
        TargetViewSource targets) {
    public ByzantineRole {
        Objects.requireNonNull(attack, "attack");
        Objects.requireNonNull(rng, "rng");
        if (!(rushFraction > 0 && rushFraction < 1)) throw new IllegalArgumentException("rushFraction in (0, 1)");
        if (attack.knowledge() == Knowledge.TARGET_OMNISCIENT && targets == null) {
            throw new IllegalArgumentException(
                    "attack " + attack.name() + " needs target-omniscient knowledge, which only the simulator has");
        }
    }

    /**
     * A local-knowledge attacker with defaults: waits at most half the step timeout, no global counts. SPEC-GAP:
     * §6 makes attackers rushing without saying how long they wait; half the timeout leaves honest nodes time to
     * receive the forged message before their own deadline.
     */
    public static ByzantineRole of(Attack attack, RandomGenerator rng) {
        return new ByzantineRole(attack, false, 0.5, 0, 0, 1, 0, rng, null);
    }

    public ByzantineRole withEquivocation(boolean on) {
        return new ByzantineRole(attack, on, rushFraction, nodes, byzantine, victimF, collusionSeed, rng, targets);
    }

    /** True when the attack forges FRL-native rankings (rank reversal, ALGORITHMS.md §3.4, §6.10). */
    boolean attacksRankings() {
        return attack instanceof RankReversalAttack;
    }

    /**
     * The rankings per recipient in FRL-native mode (ALGORITHMS.md §3.4, §6.10): each layer's ranking reversed, so
     * that the edges this node's honest training values most are voted to the bottom; with {@code equivocate} the
     * second half of the recipients gets the honest rankings.
     *
     * <p>SPEC-GAP: in FRL the colluders upload the reverse of the Borda sum of their honest rankings; over gossip
     * colluders have no channel to pool rankings, so each attacker reverses its own current rankings (its honest
     * vote's result at step q), and its head stays honest so that the defence accepts the message and the reversed
     * vote counts (the strongest position for this attack).
     */
    SortedMap<PeerId, int[][]> forgeRankings(int[][] honest, SortedSet<PeerId> recipients) {
        int[][] reversed = new int[honest.length][];
        for (int l = 0; l < honest.length; l++) reversed[l] = RankVote.reverse(honest[l]);
        TreeMap<PeerId, int[][]> out = new TreeMap<>();
        int k = 0;
        for (PeerId r : recipients) {
            boolean forged = !equivocate || k++ < (recipients.size() + 1) / 2;
            out.put(r, forged ? reversed : honest);
        }
        return out;
    }

    /** Forged vectors (θ, Δ) per recipient at step {@code q}. */
    SortedMap<PeerId, ForgedMessage> forge(
            long round,
            int q,
            float[] reference,
            float[] ownUpdate,
            SortedMap<PeerId, ModelMessage> received,
            SortedSet<PeerId> recipients) {
        List<float[]> models = new ArrayList<>();
        List<float[]> updates = new ArrayList<>();
        for (ModelMessage m : received.values()) {
            if (m.dimension() != reference.length) continue;
            if (q == 0 && m.hasDelta()) {
                models.add(m.theta());
                updates.add(m.delta());
            } else if (q > 0) {
                models.add(m.theta());
            }
        }
        TreeMap<PeerId, ForgedMessage> out = new TreeMap<>();
        ForgedMessage honest = ForgedMessage.ofUpdate(reference, ownUpdate, List.of());
        ForgedMessage shared = null;
        int k = 0;
        for (PeerId r : recipients) {
            // fedp2p design: the equivocate variant splits the recipients (by peer id) into forged and honest halves
            boolean forged = !equivocate || k++ < (recipients.size() + 1) / 2;
            if (!forged) {
                out.put(r, honest);
                continue;
            }
            if (attack.knowledge() == Knowledge.TARGET_OMNISCIENT) {
                var view = targets.view(round, q, r);
                if (view.isEmpty()) {
                    out.put(r, honest);
                    continue;
                }
                out.put(
                        r,
                        attack.forge(context(round, q, reference, ownUpdate, models, updates)
                                .target(view.get())
                                .build()));
            } else {
                if (shared == null) {
                    shared = attack.forge(context(round, q, reference, ownUpdate, models, updates)
                            .build());
                }
                out.put(r, shared);
            }
        }
        return out;
    }

    private AttackContext.Builder context(
            long round, int q, float[] reference, float[] ownUpdate, List<float[]> models, List<float[]> updates) {
        AttackContext.Builder b = AttackContext.builder(round, q, reference, ownUpdate, rng)
                .victimF(victimF)
                .collusionSeed(collusionSeed);
        if (nodes > 0) b.counts(nodes, byzantine);
        return q == 0 ? b.received(models, updates) : b.receivedAtLaterStep(models);
    }
}
