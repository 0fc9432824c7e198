package io.fedp2p.robustness.attack;

import io.fedp2p.robustness.vector.Vectors;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * {@code sybil-eclipse}: one adversary behind s identities that collude (ALGORITHMS.md §6.9). fedp2p design: the
 * simulator gives every identity of the group the same knowledge (the union of what they received) and the same
 * collusion seed, and this attack coordinates their vectors:
 *
 * <ul>
 *   <li>{@code identical} (default): every identity sends the base attack's vector drawn from the shared seed, so all
 *       copies are bit-identical (one vote multiplied by s, defeating one-vote-per-identity schemes such as FRL);
 *   <li>{@code alie}: ALIE with explicit z over the union of the colluders' honest updates and the received benign
 *       ones, identical for all identities;
 *   <li>{@code eclipse}: target-omniscient; the identities that pack a victim's neighbour slots echo the victim's own
 *       model, displaced by as much as the base attack departs from the honest message (Δ_mal − Δ_own), so the victim
 *       stops hearing its honest neighbours; with base {@code none} it is frozen in place.
 * </ul>
 *
 * Packing a victim's neighbour slots is topology, the simulator's part.
 */
public final class SybilAttack implements Attack {
    /** How the identities coordinate. */
    public enum Mode {
        IDENTICAL,
        ALIE,
        ECLIPSE
    }

    private final Mode mode;
    private final Attack base;
    private final double z;

    public SybilAttack(Mode mode, Attack base, double z) {
        this.mode = java.util.Objects.requireNonNull(mode, "mode");
        this.base = java.util.Objects.requireNonNull(base, "base");
        this.z = z;
    }

    @Override
    public String name() {
        return "sybil-eclipse";
    }

    @Override
    public Knowledge knowledge() {
        return mode == Mode.ECLIPSE ? Knowledge.TARGET_OMNISCIENT : base.knowledge();
    }

    @Override
    public ForgedMessage forge(AttackContext ctx) {
        AttackContext shared = ctx.withRng(sharedRng(ctx));
        switch (mode) {
            case ALIE -> {
                List<float[]> union = new ArrayList<>(ctx.colluderUpdates());
                union.addAll(ctx.benignUpdates());
                AttackContext all = AttackContext.builder(
                                ctx.round(), ctx.step(), ctx.reference(), ctx.ownUpdate(), shared.rng())
                        .received(List.of(), union)
                        .build();
                return new AlieAttack(z, AlieAttack.ZMode.EXPLICIT, Knowledge.LOCAL, 1).forge(all);
            }
            case ECLIPSE -> {
                TargetView view = ctx.target()
                        .orElseThrow(() -> new IllegalArgumentException(
                                "sybil-eclipse mode=eclipse needs target-omniscient knowledge (simulation only)"));
                float[] displacement = Vectors.subtract(base.forge(shared).delta(), ctx.ownUpdate());
                return ForgedMessage.ofModel(
                        ctx.reference(), Vectors.addScaled(view.target(), 1, displacement), List.of());
            }
            default -> {
                return base.forge(shared);
            }
        }
    }

    /** A generator all identities of the group derive alike from the collusion seed, the round and the step. */
    static RandomGenerator sharedRng(AttackContext ctx) {
        long seed = mix(mix(ctx.collusionSeed() ^ 0x5851F42D4C957F2DL) + ctx.round()) + ctx.step();
        return RandomGeneratorFactory.of("L64X128MixRandom").create(mix(seed));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
