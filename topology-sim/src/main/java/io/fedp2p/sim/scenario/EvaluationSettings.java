package io.fedp2p.sim.scenario;

/**
 * When and on what honest models are evaluated.
 *
 * @param every evaluate after every {@code every}-th round (the last round always)
 * @param testSamples evaluate on the first this many test samples (0 = all)
 */
public record EvaluationSettings(int every, int testSamples) {
    public static final EvaluationSettings DEFAULTS = new EvaluationSettings(1, 0);

    public EvaluationSettings {
        if (every < 1) throw new IllegalArgumentException("evaluation.every must be >= 1");
        if (testSamples < 0) throw new IllegalArgumentException("evaluation.test-samples must be >= 0");
    }

    /** Whether round {@code round} (0-based) of {@code rounds} is evaluated. */
    public boolean evaluates(long round, long rounds) {
        return (round + 1) % every == 0 || round == rounds - 1;
    }
}
