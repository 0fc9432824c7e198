package io.fedp2p.robustness.attack;

/**
 * {@code label-flip} (ALGORITHMS.md §6.1): a data-side attack. The node's trainer applies {@link #mapping()} to its
 * training labels and trains honestly; the message it then sends is its honest one, so {@link #forge} returns it.
 */
public final class LabelFlipAttack implements Attack {
    private final LabelMapping mapping;

    public LabelFlipAttack(LabelMapping mapping) {
        this.mapping = java.util.Objects.requireNonNull(mapping, "mapping");
    }

    /** The relabelling the trainer applies. */
    public LabelMapping mapping() {
        return mapping;
    }

    @Override
    public String name() {
        return "label-flip";
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
