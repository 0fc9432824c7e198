package io.fedp2p.robustness.attack;

/** {@code none}: the honest message. */
public final class NoAttack implements Attack {
    @Override
    public String name() {
        return "none";
    }

    @Override
    public Knowledge knowledge() {
        return Knowledge.OWN;
    }

    @Override
    public ForgedMessage forge(AttackContext ctx) {
        return ForgedMessage.honest(ctx, "");
    }
}
