package io.fedp2p.robustness.attack;

import io.fedp2p.robustness.SpecParams;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Builds attacks from names and checked parameters (see {@link AttackSpec}). */
final class AttackFactory {
    private static final List<String> BASES = List.of(
            "none",
            "sign-flip",
            "gaussian",
            "alie",
            "ipm",
            "min-max",
            "min-sum",
            "free-rider",
            "rank-reversal",
            "fang-krum",
            "fang-trimmed-mean");

    private AttackFactory() {}

    static List<String> keys(String name) {
        List<String> own =
                switch (name) {
                    case "none", "rank-reversal" -> List.of();
                    case "label-flip" -> List.of("classes", "held", "source", "target", "variant");
                    case "sign-flip" -> List.of("s", "variant");
                    case "gaussian" -> List.of("mean", "sigma");
                    case "alie" -> List.of("ddof", "knowledge", "z", "z-mode");
                    case "ipm", "dissensus" -> List.of("epsilon");
                    case "min-max", "min-sum" -> List.of("p");
                    case "free-rider" -> List.of("sigma0", "variant");
                    case "sybil-eclipse" -> List.of("base", "mode", "z");
                    case "fang-krum" -> List.of("direction");
                    case "fang-trimmed-mean" -> List.of("b", "direction");
                    case "bait-and-switch" -> List.of("base");
                    default -> throw new IllegalArgumentException(
                            "unknown attack '" + name + "'; valid: " + String.join(", ", AttackSpec.NAMES));
                };
        if (name.equals("bait-and-switch")) return own;
        List<String> all = new ArrayList<>(own);
        all.add("steps");
        return List.copyOf(all);
    }

    // SPEC-GAP: §6 names bait-and-switch without a payload; fedp2p's default is sign-flip from step 1 on.
    static Attack create(String name, SpecParams p) {
        if (name.equals("bait-and-switch")) {
            String base = p.choice("base", "sign-flip", BASES);
            return new StepSwitchedAttack(
                    name, plain(base, SpecParams.of(base, Map.of(), keys(base))), StepMode.Q_GE_1);
        }
        Attack attack = plain(name, p);
        StepMode steps = StepMode.parse(p.text("steps", "all"));
        return steps == StepMode.ALL ? attack : new StepSwitchedAttack(name, attack, steps);
    }

    private static Attack plain(String name, SpecParams p) {
        return switch (name) {
            case "none" -> new NoAttack();
            case "label-flip" -> new LabelFlipAttack(labels(p));
            case "sign-flip" -> new SignFlipAttack(
                    p.decimal("s", 1),
                    SignFlipAttack.Variant.valueOf(upper(p.choice("variant", "own", List.of("own", "mean", "model")))));
            case "gaussian" -> new GaussianAttack(p.decimal("sigma", 1), p.decimal("mean", 0));
            case "alie" -> new AlieAttack(
                    p.decimal("z", 1.5),
                    AlieAttack.ZMode.valueOf(upper(
                            p.choice("z-mode", "explicit", List.of("explicit", "formula-original", "formula-cg")))),
                    Knowledge.valueOf(upper(p.choice("knowledge", "local", List.of("local", "own")))),
                    p.integer("ddof", 1));
            case "ipm" -> new IpmAttack(p.decimal("epsilon", 0.1));
            case "min-max", "min-sum" -> new MinMaxAttack(
                    name.equals("min-max") ? MinMaxAttack.Criterion.MIN_MAX : MinMaxAttack.Criterion.MIN_SUM,
                    MinMaxAttack.Direction.valueOf(upper(p.choice("p", "std", List.of("std", "unit", "sign")))));
            case "dissensus" -> new DissensusAttack(p.decimal("epsilon", 1.5));
            case "free-rider" -> new FreeRiderAttack(
                    FreeRiderAttack.Variant.valueOf(
                            upper(p.choice("variant", "plain", List.of("plain", "disguised", "uniform")))),
                    p.decimal("sigma0", 1e-3));
            case "sybil-eclipse" -> sybil(p);
            case "rank-reversal" -> new RankReversalAttack();
            case "fang-krum" -> new FangKrumAttack(direction(p));
            case "fang-trimmed-mean" -> new FangTrimmedMeanAttack(p.decimal("b", 2), direction(p));
            default -> throw new IllegalArgumentException("unknown attack '" + name + "'");
        };
    }

    private static Attack sybil(SpecParams p) {
        SybilAttack.Mode mode =
                SybilAttack.Mode.valueOf(upper(p.choice("mode", "identical", List.of("identical", "alie", "eclipse"))));
        String base = p.choice("base", mode == SybilAttack.Mode.ECLIPSE ? "none" : "sign-flip", BASES);
        return new SybilAttack(mode, plain(base, SpecParams.of(base, Map.of(), keys(base))), p.decimal("z", 1.5));
    }

    private static Knowledge direction(SpecParams p) {
        return Knowledge.valueOf(upper(p.choice("direction", "local", List.of("local", "own"))));
    }

    private static LabelMapping labels(SpecParams p) {
        int classes = p.integer("classes", 10);
        return switch (p.choice(
                "variant", "reverse", List.of("reverse", "shift", "swap-two-lowest", "source-target"))) {
            case "shift" -> LabelMapping.shift(classes);
            case "swap-two-lowest" -> LabelMapping.swapTwoLowest(held(p.text("held", "")));
            case "source-target" -> LabelMapping.sourceToTarget(p.integer("source", 1), p.integer("target", 7));
            default -> LabelMapping.reverse(classes);
        };
    }

    /** {@code A-B} or {@code a;b;c}. */
    private static int[] held(String text) {
        try {
            if (text.contains("-")) {
                String[] ab = text.split("-");
                int a = Integer.parseInt(ab[0].trim());
                int b = Integer.parseInt(ab[1].trim());
                int[] out = new int[b - a + 1];
                for (int k = 0; k < out.length; k++) out[k] = a + k;
                return out;
            }
            String[] parts = text.split(";");
            int[] out = new int[parts.length];
            for (int k = 0; k < parts.length; k++) out[k] = Integer.parseInt(parts[k].trim());
            return out;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("label-flip: held must be A-B or a;b;c, got '" + text + "'");
        }
    }

    private static String upper(String s) {
        return s.replace('-', '_').toUpperCase(Locale.ROOT);
    }
}
