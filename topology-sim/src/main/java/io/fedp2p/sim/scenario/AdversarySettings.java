package io.fedp2p.sim.scenario;

import io.fedp2p.robustness.attack.AttackSpec;
import io.fedp2p.sim.topology.ByzantinePlacement;
import java.util.Objects;

/**
 * The Byzantine nodes of a scenario (ALGORITHMS.md §6): how many, where, and how they misbehave.
 *
 * @param attack the attack all Byzantine nodes run ({@code none}: they follow the protocol, but still do not count as
 *     honest in the metrics)
 * @param byzantine f, the number of Byzantine nodes
 * @param placement where they sit in the topology
 * @param equivocate send the forged message to half the recipients and the honest one to the rest
 * @param rushFraction share of a step's timeout an attacker waits at most for honest messages, in (0, 1)
 */
public record AdversarySettings(
        AttackSpec attack, int byzantine, ByzantinePlacement placement, boolean equivocate, double rushFraction) {
    public AdversarySettings {
        Objects.requireNonNull(attack, "attack");
        Objects.requireNonNull(placement, "placement");
        if (byzantine < 0) throw new IllegalArgumentException("byzantine must be >= 0");
        if (!(rushFraction > 0 && rushFraction < 1)) throw new IllegalArgumentException("rush-fraction in (0, 1)");
    }

    /** The attack's text form, e.g. {@code alie:z=1.5}. */
    public String attackText() {
        if (attack.params().isEmpty()) return attack.name();
        StringBuilder sb = new StringBuilder(attack.name()).append(':');
        attack.params().forEach((k, v) -> sb.append(k).append('=').append(v).append(','));
        return sb.substring(0, sb.length() - 1);
    }

    /** The same nodes following the protocol (the no-attack twin). */
    public AdversarySettings withoutAttack() {
        return new AdversarySettings(AttackSpec.parse("none"), byzantine, placement, false, rushFraction);
    }
}
