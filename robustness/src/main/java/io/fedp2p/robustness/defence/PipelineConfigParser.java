package io.fedp2p.robustness.defence;

import io.fedp2p.robustness.SpecParams;
import io.fedp2p.robustness.filter.FrlFilterConfig;
import io.fedp2p.robustness.filter.HeadLayout;
import io.fedp2p.robustness.filter.IntegratorConfig;
import io.fedp2p.robustness.filter.PrioritizerConfig;
import io.fedp2p.robustness.filter.ValidationConfig;
import io.fedp2p.robustness.reputation.RfflConfig;
import java.util.List;
import java.util.Locale;

/**
 * Pipeline parameters. Starting points: {@code pipeline} = every stage (§8 defaults); {@code bristle} = prioritizer and
 * integrator in Bristle's own integrate mode; {@code frl} = the FRL filter; {@code rffl} = the RFFL gate and update. The
 * single-layer columns keep only the basic validation so that each isolates its layer; any key can turn stages on or
 * off.
 */
final class PipelineConfigParser {
    static final List<String> KEYS = List.of(
            "altruism",
            "ban-rounds",
            "bristle-alpha",
            "bristle-n",
            "c-plaus",
            "centre",
            "frl",
            "frl-block-threshold",
            "frl-kappa",
            "frl-mask",
            "frl-max-items",
            "grace",
            "guard-delta",
            "guard-drop",
            "head",
            "integrator",
            "k-mask",
            "norm-cap",
            "norm-factor",
            "phi",
            "plausibility",
            "prioritizer",
            "rffl",
            "rffl-alpha",
            "rffl-threshold",
            "validation");

    private PipelineConfigParser() {}

    static PipelineConfig base(String name) {
        PipelineConfig none = PipelineConfig.NO_FILTERS;
        PipelineConfig all = PipelineConfig.DEFAULTS;
        return switch (name) {
            case "bristle" -> none.withPrioritizer(all.prioritizer())
                    .withIntegrator(all.integrator().withMode(IntegratorConfig.Mode.INTEGRATE));
            case "frl" -> none.withFrl(all.frl());
            case "rffl" -> none.withRffl(all.rffl());
            default -> all;
        };
    }

    static PipelineConfig parse(String name, SpecParams p) {
        PipelineConfig c = base(name);
        ValidationConfig v = c.validation();
        if (p.has("validation")) v = p.flag("validation", true) ? ValidationConfig.DEFAULTS : ValidationConfig.BASIC;
        v = v.withRelativeNormFactor(p.decimal("norm-factor", v.relativeNormFactor()))
                .withNormCap(p.decimal("norm-cap", v.normCap()))
                .withPlausibility(p.flag("plausibility", v.plausibility()))
                .withPlausibilityFactor(p.decimal("c-plaus", v.plausibilityFactor()));
        RfflConfig r = c.rffl()
                .withEnabled(p.flag("rffl", c.rffl().enabled()))
                .withAlpha(p.decimal("rffl-alpha", c.rffl().alpha()))
                .withThresholdCoefficient(p.decimal("rffl-threshold", c.rffl().thresholdCoefficient()))
                .withGraceRounds(p.integer("grace", c.rffl().graceRounds()))
                .withBanRounds(p.integer("ban-rounds", c.rffl().banRounds()))
                .withAltruism(p.decimal("altruism", c.rffl().altruism()));
        PrioritizerConfig pr = prioritizer(c.prioritizer(), p);
        FrlFilterConfig f = c.frl()
                .withEnabled(p.flag("frl", c.frl().enabled()))
                .withKappa(p.decimal("frl-kappa", c.frl().kappa()))
                .withBlocks(
                        p.integer("frl-block-threshold", c.frl().blockThreshold()),
                        p.integer("frl-max-items", c.frl().maxRankedItems()))
                .withConsensusMask(
                        p.flag("frl-mask", c.frl().consensusMask()),
                        p.decimal("k-mask", c.frl().maskFraction()));
        IntegratorConfig in = c.integrator()
                .withMode(IntegratorConfig.Mode.valueOf(p.choice(
                                "integrator",
                                c.integrator().mode().name().toLowerCase(Locale.ROOT),
                                List.of("hard", "soft", "integrate", "off"))
                        .toUpperCase(Locale.ROOT)))
                .withPhi(p.integer("phi", c.integrator().phi()))
                .withCentreColumns(p.flag("centre", c.integrator().centreColumns()));
        if (p.has("head")) in = in.withHead(head(p.text("head", "")));
        GuardConfig g = c.guard()
                .withDelta(p.decimal("guard-delta", c.guard().delta()))
                .withDropFactor(p.decimal("guard-drop", c.guard().dropFactor()));
        return new PipelineConfig(v, r, pr, f, in, g);
    }

    private static PrioritizerConfig prioritizer(PrioritizerConfig base, SpecParams p) {
        PrioritizerConfig pr =
                base.withAlpha(p.decimal("bristle-alpha", base.alpha())).withKeep(p.integer("bristle-n", base.keep()));
        if (!p.has("prioritizer")) return pr;
        String v = p.choice("prioritizer", "alpha", List.of("alpha", "nearest-random", "random", "off"));
        if (v.equals("off")) return pr.withEnabled(false);
        return pr.withEnabled(true)
                .withVariant(
                        PrioritizerConfig.Variant.valueOf(v.replace('-', '_').toUpperCase(Locale.ROOT)));
    }

    /** {@code OFFSET:HIDDEN:CLASSES[:class-major|hidden-major]}. */
    static HeadLayout head(String text) {
        String[] parts = text.split(":");
        if (parts.length < 3 || parts.length > 4) {
            throw new IllegalArgumentException(
                    "head must be OFFSET:HIDDEN:CLASSES[:class-major|hidden-major], got '" + text + "'");
        }
        try {
            boolean classMajor = parts.length == 3 || parts[3].equals("class-major");
            if (parts.length == 4 && !classMajor && !parts[3].equals("hidden-major")) {
                throw new IllegalArgumentException("head order must be class-major or hidden-major, got " + parts[3]);
            }
            return new HeadLayout(
                    Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]), classMajor);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("head offset, hidden and classes must be integers, got '" + text + "'");
        }
    }
}
