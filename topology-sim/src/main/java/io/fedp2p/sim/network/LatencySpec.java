package io.fedp2p.sim.network;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * A latency distribution, parsed from {@code constant:20ms} (or just {@code 20ms}), {@code uniform:5ms:50ms},
 * {@code normal:MEAN:STD} (truncated at 0), {@code lognormal:MEDIAN:SIGMA} or {@code exponential:MEAN}. Immutable;
 * draws take the caller's generator.
 */
public sealed interface LatencySpec {
    /** One draw in nanoseconds (≥ 0). */
    long drawNanos(RandomGenerator rng);

    /** The text form; {@code parse(format())} gives an equal spec. */
    String format();

    /** Always the same latency (no draw). */
    record Constant(Duration value) implements LatencySpec {
        public long drawNanos(RandomGenerator rng) {
            return value.toNanos();
        }

        public String format() {
            return "constant:" + Quantities.format(value);
        }
    }

    /** Uniform on [min, max]. */
    record Uniform(Duration min, Duration max) implements LatencySpec {
        public Uniform {
            if (max.compareTo(min) < 0) throw new IllegalArgumentException("uniform latency: max < min");
        }

        public long drawNanos(RandomGenerator rng) {
            return min.toNanos() + Math.round(rng.nextDouble() * (max.toNanos() - min.toNanos()));
        }

        public String format() {
            return "uniform:" + Quantities.format(min) + ":" + Quantities.format(max);
        }
    }

    /** Normal, negative draws clipped to 0. */
    record Normal(Duration mean, Duration std) implements LatencySpec {
        public long drawNanos(RandomGenerator rng) {
            return Math.max(0, Math.round(mean.toNanos() + std.toNanos() * rng.nextGaussian()));
        }

        public String format() {
            return "normal:" + Quantities.format(mean) + ":" + Quantities.format(std);
        }
    }

    /** Log-normal with the given median and log-scale σ ≥ 0 (heavy right tail, like real RTTs). */
    record LogNormal(Duration median, double sigma) implements LatencySpec {
        public LogNormal {
            if (!(sigma >= 0) || !Double.isFinite(sigma))
                throw new IllegalArgumentException("lognormal sigma must be >= 0");
        }

        public long drawNanos(RandomGenerator rng) {
            return Math.round(median.toNanos() * Math.exp(sigma * rng.nextGaussian()));
        }

        public String format() {
            return "lognormal:" + Quantities.format(median) + ":" + sigma;
        }
    }

    /** Exponential with the given mean. */
    record Exponential(Duration mean) implements LatencySpec {
        public long drawNanos(RandomGenerator rng) {
            return Math.round(mean.toNanos() * rng.nextExponential());
        }

        public String format() {
            return "exponential:" + Quantities.format(mean);
        }
    }

    /** Parses the forms listed on the interface; errors name the text and the valid forms. */
    static LatencySpec parse(String text) {
        String[] p = text.strip().split(":", -1);
        try {
            switch (p[0]) {
                case "constant":
                    arity(p, 2, text);
                    return new Constant(Quantities.duration(p[1]));
                case "uniform":
                    arity(p, 3, text);
                    return new Uniform(Quantities.duration(p[1]), Quantities.duration(p[2]));
                case "normal":
                    arity(p, 3, text);
                    return new Normal(Quantities.duration(p[1]), Quantities.duration(p[2]));
                case "lognormal":
                    arity(p, 3, text);
                    return new LogNormal(Quantities.duration(p[1]), Double.parseDouble(p[2]));
                case "exponential":
                    arity(p, 2, text);
                    return new Exponential(Quantities.duration(p[1]));
                default:
                    if (p.length == 1) return new Constant(Quantities.duration(p[0]));
                    throw new IllegalArgumentException("unknown latency distribution '" + p[0] + "'");
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad latency '" + text + "': " + e.getMessage() + "; " + FORMS);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + "; " + FORMS, e);
        }
    }

    /** The valid forms, for messages. */
    String FORMS = "latency forms: 20ms, constant:20ms, uniform:5ms:50ms, normal:20ms:5ms, lognormal:20ms:0.5,"
            + " exponential:20ms";

    private static void arity(String[] parts, int n, String text) {
        if (parts.length != n)
            throw new IllegalArgumentException("latency '" + text + "' needs " + (n - 1) + " value(s)");
    }
}
