package io.fedp2p.robustness.reputation;

/**
 * RFFL settings (ALGORITHMS.md §4.3, §4.6, §9).
 *
 * @param enabled whether the pipeline gates on bans and updates reputations
 * @param alpha reputation decay α (0.95)
 * @param thresholdCoefficient removal threshold β = coefficient / |R_i| (1/3)
 * @param graceRounds rounds after joining before the threshold applies (10)
 * @param banRounds rounds a removed neighbour stays excluded before a re-admission probe (50)
 * @param altruism the reward transform's degree a (2); used for rewards only, never carried into r (§4.6.2)
 * @param issue4Exact reproduce the authors' tracker variant that carries tanh(a·r) into r (server-style comparisons
 *     only; §4.1, §4.6.2)
 */
public record RfflConfig(
        boolean enabled,
        double alpha,
        double thresholdCoefficient,
        int graceRounds,
        int banRounds,
        double altruism,
        boolean issue4Exact) {

    public static final RfflConfig DEFAULTS = new RfflConfig(true, 0.95, 1.0 / 3.0, 10, 50, 2.0, false);

    public RfflConfig {
        if (!(alpha >= 0 && alpha < 1))
            throw new IllegalArgumentException("rffl alpha must be in [0, 1), got " + alpha);
        if (!(thresholdCoefficient >= 0)) throw new IllegalArgumentException("rffl threshold must be >= 0");
        if (graceRounds < 0) throw new IllegalArgumentException("rffl grace must be >= 0, got " + graceRounds);
        if (banRounds < 1) throw new IllegalArgumentException("rffl ban rounds must be >= 1, got " + banRounds);
        if (!(altruism >= 0)) throw new IllegalArgumentException("rffl altruism must be >= 0, got " + altruism);
    }

    public RfflConfig withEnabled(boolean on) {
        return new RfflConfig(on, alpha, thresholdCoefficient, graceRounds, banRounds, altruism, issue4Exact);
    }

    public RfflConfig withAlpha(double a) {
        return new RfflConfig(enabled, a, thresholdCoefficient, graceRounds, banRounds, altruism, issue4Exact);
    }

    public RfflConfig withThresholdCoefficient(double c) {
        return new RfflConfig(enabled, alpha, c, graceRounds, banRounds, altruism, issue4Exact);
    }

    public RfflConfig withGraceRounds(int g) {
        return new RfflConfig(enabled, alpha, thresholdCoefficient, g, banRounds, altruism, issue4Exact);
    }

    public RfflConfig withBanRounds(int b) {
        return new RfflConfig(enabled, alpha, thresholdCoefficient, graceRounds, b, altruism, issue4Exact);
    }

    public RfflConfig withAltruism(double a) {
        return new RfflConfig(enabled, alpha, thresholdCoefficient, graceRounds, banRounds, a, issue4Exact);
    }

    public RfflConfig withIssue4Exact(boolean on) {
        return new RfflConfig(enabled, alpha, thresholdCoefficient, graceRounds, banRounds, altruism, on);
    }
}
