package io.fedp2p.robustness.attack;

/**
 * Enables an attack only at some MGS steps (ALGORITHMS.md §6, fedp2p specifics): outside them the node sends its
 * honest message. {@code bait-and-switch} is an attack limited to steps q ≥ 1.
 */
public final class StepSwitchedAttack implements Attack {
    private final String name;
    private final Attack base;
    private final StepMode mode;

    public StepSwitchedAttack(String name, Attack base, StepMode mode) {
        this.name = java.util.Objects.requireNonNull(name, "name");
        this.base = java.util.Objects.requireNonNull(base, "base");
        this.mode = java.util.Objects.requireNonNull(mode, "mode");
    }

    public Attack base() {
        return base;
    }

    public StepMode mode() {
        return mode;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Knowledge knowledge() {
        return base.knowledge();
    }

    @Override
    public ForgedMessage forge(AttackContext ctx) {
        return mode.activeAt(ctx.step()) ? base.forge(ctx) : ForgedMessage.honest(ctx, "");
    }
}
