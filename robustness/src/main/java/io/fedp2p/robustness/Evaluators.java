package io.fedp2p.robustness;

import java.util.Arrays;
import java.util.Optional;

/**
 * The model callbacks a defence may need, all optional: Bristle's per-class F1 scorer with the node's familiar classes
 * L_i, and Mozi's minibatch loss. Stages whose callback is absent are skipped and say so in the outcome's notes; no
 * score is ever invented.
 */
public final class Evaluators {
    private static final Evaluators NONE = new Evaluators(null, new int[0], null);

    private final ClassScorer scorer;
    private final int[] familiarClasses;
    private final LossEvaluator loss;

    private Evaluators(ClassScorer scorer, int[] familiarClasses, LossEvaluator loss) {
        this.scorer = scorer;
        this.familiarClasses = familiarClasses;
        this.loss = loss;
    }

    /** No model callbacks. */
    public static Evaluators none() {
        return NONE;
    }

    /**
     * A Bristle scorer and the familiar classes L_i (distinct, non-negative, ascending order not required). L_i must
     * not be empty.
     */
    public static Evaluators withScorer(ClassScorer scorer, int[] familiarClasses) {
        if (familiarClasses.length == 0) throw new IllegalArgumentException("familiar classes L_i must not be empty");
        int[] sorted = familiarClasses.clone();
        Arrays.sort(sorted);
        for (int k = 0; k < sorted.length; k++) {
            if (sorted[k] < 0 || (k > 0 && sorted[k] == sorted[k - 1])) {
                throw new IllegalArgumentException(
                        "familiar classes must be distinct and >= 0: " + Arrays.toString(familiarClasses));
            }
        }
        return new Evaluators(java.util.Objects.requireNonNull(scorer, "scorer"), sorted, null);
    }

    /** A copy that also carries a minibatch-loss evaluator. */
    public Evaluators withLoss(LossEvaluator loss) {
        return new Evaluators(scorer, familiarClasses, java.util.Objects.requireNonNull(loss, "loss"));
    }

    public Optional<ClassScorer> scorer() {
        return Optional.ofNullable(scorer);
    }

    /** L_i in ascending order (empty without a scorer). */
    public int[] familiarClasses() {
        return familiarClasses.clone();
    }

    public Optional<LossEvaluator> loss() {
        return Optional.ofNullable(loss);
    }
}
