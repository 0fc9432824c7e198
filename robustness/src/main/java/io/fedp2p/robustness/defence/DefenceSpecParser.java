package io.fedp2p.robustness.defence;

import io.fedp2p.robustness.SpecParams;
import io.fedp2p.robustness.aggregate.CenteredClipping;
import io.fedp2p.robustness.aggregate.ClippingRadius;
import io.fedp2p.robustness.aggregate.GeometricMedian;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parses defence names and parameters into {@link DefenceSpec}s. SPEC-GAP: a node does not know how many Byzantine
 * neighbours it has; rules that need an assumed count f default to f = 1, and trimmed mean's b defaults to f.
 */
final class DefenceSpecParser {
    static final List<String> NAMES = List.of(
            "mean",
            "median",
            "trimmed-mean",
            "krum",
            "multi-krum",
            "multi-krum-iterative",
            "geometric-median",
            "centered-clipping",
            "clipped-gossip",
            "balance",
            "mozi",
            "bristle",
            "frl",
            "rffl",
            "pipeline");

    private DefenceSpecParser() {}

    static List<String> keys(String name) {
        return switch (name) {
            case "mean", "median" -> List.of();
            case "trimmed-mean" -> List.of("b", "f");
            case "krum", "multi-krum-iterative" -> List.of("f");
            case "multi-krum" -> List.of("f", "m");
            case "geometric-median" -> List.of("init", "iterations", "nu", "tol");
            case "centered-clipping" -> List.of("iterations", "tau", "v0");
            case "clipped-gossip" -> List.of("delta", "tau");
            case "balance" -> List.of("alpha", "gamma", "kappa", "rounds");
            case "mozi" -> List.of("alpha", "rho");
            case "bristle", "frl", "rffl", "pipeline" -> PipelineConfigParser.KEYS;
            default -> throw unknown(name);
        };
    }

    static DefenceSpec parse(String text) {
        Map.Entry<String, Map<String, String>> split = SpecParams.split(text);
        return parse(split.getKey(), split.getValue());
    }

    static DefenceSpec parse(String rawName, Map<String, String> params) {
        String name = rawName.trim().toLowerCase(Locale.ROOT);
        SpecParams p = SpecParams.of(name, params, keys(name));
        int f = p.integer("f", 1);
        return switch (name) {
            case "mean" -> new DefenceSpec.MeanSpec();
            case "median" -> new DefenceSpec.MedianSpec();
            case "trimmed-mean" -> new DefenceSpec.TrimmedMeanSpec(p.integer("b", f));
            case "krum" -> new DefenceSpec.KrumSpec(f);
            case "multi-krum" -> new DefenceSpec.MultiKrumSpec(f, p.integer("m", 0));
            case "multi-krum-iterative" -> new DefenceSpec.IterativeMultiKrumSpec(f);
            case "geometric-median" -> new DefenceSpec.GeometricMedianSpec(
                    GeometricMedian.Start.valueOf(
                            p.choice("init", "mean", List.of("mean", "zero")).toUpperCase(Locale.ROOT)),
                    p.decimal("nu", 1e-5),
                    p.integer("iterations", 8),
                    p.decimal("tol", 0));
            case "centered-clipping" -> new DefenceSpec.CenteredClippingSpec(
                    p.decimal("tau", 1.0),
                    p.integer("iterations", 1),
                    CenteredClipping.Start.valueOf(p.choice("v0", "own", List.of("own", "zero", "mean"))
                            .toUpperCase(Locale.ROOT)));
            case "clipped-gossip" -> new DefenceSpec.ClippedGossipSpec(radius(p));
            case "balance" -> new DefenceSpec.BalanceSpec(
                    p.decimal("gamma", 0.3), p.decimal("kappa", 1), p.decimal("alpha", 0.5), p.longValue("rounds", 0));
            case "mozi" -> new DefenceSpec.MoziSpec(p.decimal("rho", 0.4), p.decimal("alpha", 0.5));
            default -> new DefenceSpec.PipelineSpec(name, PipelineConfigParser.parse(name, p));
        };
    }

    private static ClippingRadius radius(SpecParams p) {
        String tau = p.text("tau", "trimmed-oracle").toLowerCase(Locale.ROOT);
        if (tau.equals("trimmed-oracle")) return new ClippingRadius.TrimmedOracle(p.decimal("delta", 0.25));
        if (p.has("delta"))
            throw new IllegalArgumentException("clipped-gossip: delta only applies to tau=trimmed-oracle");
        if (tau.equals("second-largest")) return new ClippingRadius.SecondLargest();
        try {
            return new ClippingRadius.Fixed(Double.parseDouble(tau));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "clipped-gossip: tau must be trimmed-oracle, second-largest or a number, got '" + tau + "'");
        }
    }

    private static IllegalArgumentException unknown(String name) {
        return new IllegalArgumentException("unknown defence '" + name + "'; valid: " + String.join(", ", NAMES));
    }
}
