package io.fedp2p.robustness.defence;

import io.fedp2p.robustness.aggregate.Aggregator;
import io.fedp2p.robustness.aggregate.Balance;
import io.fedp2p.robustness.aggregate.CenteredClipping;
import io.fedp2p.robustness.aggregate.ClippedGossip;
import io.fedp2p.robustness.aggregate.ClippingRadius;
import io.fedp2p.robustness.aggregate.CoordinateMedian;
import io.fedp2p.robustness.aggregate.GeometricMedian;
import io.fedp2p.robustness.aggregate.IterativeMultiKrum;
import io.fedp2p.robustness.aggregate.Krum;
import io.fedp2p.robustness.aggregate.Mozi;
import io.fedp2p.robustness.aggregate.MultiKrum;
import io.fedp2p.robustness.aggregate.TrimmedMean;
import io.fedp2p.robustness.aggregate.WeightedMean;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A defence chosen by name, parsed once at the edge (CLI, YAML) from text such as {@code krum:f=2} or
 * {@code pipeline:frl=off} (STYLE.md 2.2). Unknown names and keys are errors that list the valid ones. Names are the
 * {@code aggregate} rule names of CLI.md.
 */
public sealed interface DefenceSpec permits DefenceSpec.RuleSpec, DefenceSpec.PipelineSpec {
    /** The CLI name. */
    String name();

    /** A ready defence. */
    Defence create();

    /** Parses {@code name[:key=value[,key=value...]]}. */
    static DefenceSpec parse(String text) {
        return DefenceSpecParser.parse(text);
    }

    /** Parses a name and its parameters. */
    static DefenceSpec parse(String name, Map<String, String> params) {
        return DefenceSpecParser.parse(name, params);
    }

    /** Every defence name, in CLI.md's order. */
    static List<String> names() {
        return DefenceSpecParser.NAMES;
    }

    /** The parameter keys {@code name} accepts. */
    static List<String> keys(String name) {
        return DefenceSpecParser.keys(name);
    }

    /** A rule of §5 used as the whole mixing step. */
    sealed interface RuleSpec extends DefenceSpec {
        /** The aggregation rule. */
        Aggregator aggregator();

        @Override
        default Defence create() {
            return new RuleDefence(this);
        }
    }

    /** Plain W mixing. */
    record MeanSpec() implements RuleSpec {
        public String name() {
            return "mean";
        }

        public Aggregator aggregator() {
            return new WeightedMean();
        }
    }

    /** Coordinate-wise median (§5.4). */
    record MedianSpec() implements RuleSpec {
        public String name() {
            return "median";
        }

        public Aggregator aggregator() {
            return new CoordinateMedian();
        }
    }

    /** Coordinate-wise trimmed mean (§5.5). */
    record TrimmedMeanSpec(int b) implements RuleSpec {
        public TrimmedMeanSpec {
            new TrimmedMean(b);
        }

        public String name() {
            return "trimmed-mean";
        }

        public Aggregator aggregator() {
            return new TrimmedMean(b);
        }
    }

    /** Krum (§5.3). */
    record KrumSpec(int f) implements RuleSpec {
        public KrumSpec {
            new Krum(f);
        }

        public String name() {
            return "krum";
        }

        public Aggregator aggregator() {
            return new Krum(f);
        }
    }

    /** One-shot Multi-Krum (§5.3); {@code select} = 0 means m − f. */
    record MultiKrumSpec(int f, int select) implements RuleSpec {
        public MultiKrumSpec {
            new MultiKrum(f, select);
        }

        public String name() {
            return "multi-krum";
        }

        public Aggregator aggregator() {
            return new MultiKrum(f, select);
        }
    }

    /** Iterative Multi-Krum (§5.3). */
    record IterativeMultiKrumSpec(int f) implements RuleSpec {
        public IterativeMultiKrumSpec {
            new IterativeMultiKrum(f);
        }

        public String name() {
            return "multi-krum-iterative";
        }

        public Aggregator aggregator() {
            return new IterativeMultiKrum(f);
        }
    }

    /** Geometric median (§5.8). */
    record GeometricMedianSpec(GeometricMedian.Start start, double nu, int iterations, double tolerance)
            implements RuleSpec {
        public GeometricMedianSpec {
            new GeometricMedian(start, nu, iterations, tolerance);
        }

        public String name() {
            return "geometric-median";
        }

        public Aggregator aggregator() {
            return new GeometricMedian(start, nu, iterations, tolerance);
        }
    }

    /** Centered clipping (§5.6). */
    record CenteredClippingSpec(double tau, int iterations, CenteredClipping.Start start) implements RuleSpec {
        public CenteredClippingSpec {
            new CenteredClipping(tau, iterations, start);
        }

        public String name() {
            return "centered-clipping";
        }

        public Aggregator aggregator() {
            return new CenteredClipping(tau, iterations, start);
        }
    }

    /** ClippedGossip (§5.1). */
    record ClippedGossipSpec(ClippingRadius radius) implements RuleSpec {
        public ClippedGossipSpec {
            Objects.requireNonNull(radius, "radius");
        }

        public String name() {
            return "clipped-gossip";
        }

        public Aggregator aggregator() {
            return new ClippedGossip(radius);
        }
    }

    /** BALANCE (§5.2); {@code totalRounds} ≤ 0 when unknown. */
    record BalanceSpec(double gamma, double kappa, double alpha, long totalRounds) implements RuleSpec {
        public BalanceSpec {
            new Balance(gamma, kappa, alpha, totalRounds);
        }

        public String name() {
            return "balance";
        }

        public Aggregator aggregator() {
            return new Balance(gamma, kappa, alpha, totalRounds);
        }
    }

    /** Mozi / UBAR (§5.7). */
    record MoziSpec(double rho, double alpha) implements RuleSpec {
        public MoziSpec {
            new Mozi(rho, alpha);
        }

        public String name() {
            return "mozi";
        }

        public Aggregator aggregator() {
            return new Mozi(rho, alpha);
        }
    }

    /** The pipeline or one of its single-layer columns ({@code bristle}, {@code frl}, {@code rffl}). */
    record PipelineSpec(String name, PipelineConfig config) implements DefenceSpec {
        public PipelineSpec {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(config, "config");
        }

        public Defence create() {
            return new RobustPipeline(name, config);
        }
    }
}
