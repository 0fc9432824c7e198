package io.fedp2p.robustness.aggregate;

import io.fedp2p.robustness.LossEvaluator;
import java.util.Optional;

/**
 * Call-specific inputs some rules need beyond the vectors: the round t (BALANCE's decay), a centre for centered
 * clipping (its previous output, §5.6), and a minibatch-loss evaluator (Mozi stage 2, §5.7). The centre is borrowed.
 */
public final class AggregationContext {
    private static final AggregationContext NONE = new AggregationContext(0, null, null);

    private final long round;
    private final float[] centre;
    private final LossEvaluator loss;

    private AggregationContext(long round, float[] centre, LossEvaluator loss) {
        if (round < 0) throw new IllegalArgumentException("negative round " + round);
        this.round = round;
        this.centre = centre;
        this.loss = loss;
    }

    /** Round 0, no centre, no loss evaluator. */
    public static AggregationContext none() {
        return NONE;
    }

    public static AggregationContext of(long round, float[] centre, LossEvaluator loss) {
        return new AggregationContext(round, centre, loss);
    }

    public long round() {
        return round;
    }

    public Optional<float[]> centre() {
        return Optional.ofNullable(centre);
    }

    public Optional<LossEvaluator> loss() {
        return Optional.ofNullable(loss);
    }
}
