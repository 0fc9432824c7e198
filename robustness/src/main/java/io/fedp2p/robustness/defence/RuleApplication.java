package io.fedp2p.robustness.defence;

import io.fedp2p.robustness.Verdict;
import io.fedp2p.robustness.aggregate.Aggregate;
import io.fedp2p.robustness.aggregate.AggregationContext;
import io.fedp2p.robustness.aggregate.Aggregator;
import io.fedp2p.robustness.aggregate.ClippedGossip;
import io.fedp2p.robustness.aggregate.IterativeMultiKrum;
import io.fedp2p.robustness.aggregate.Krum;
import io.fedp2p.robustness.aggregate.MultiKrum;
import io.fedp2p.robustness.aggregate.VectorSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies a rule inside a node's neighbourhood, where the input may be smaller than the rule's bound. SPEC-GAP: Krum's
 * m ≥ 2f+3 cannot be met by a node with few neighbours; fedp2p then lowers f to the largest value that fits and says
 * so, and with m &lt; 3 keeps only the own model ({@link Verdict#KRUM_TOO_FEW}).
 */
final class RuleApplication {
    private RuleApplication() {}

    record Result(Aggregate aggregate, double tau, List<String> notes) {}

    static Result run(
            DefenceSpec.RuleSpec spec,
            List<float[]> vectors,
            double[] weights,
            RoundContext ctx,
            boolean stepZero,
            AggregationContext aggCtx) {
        VectorSet set = VectorSet.of(vectors, weights, 0);
        List<String> notes = new ArrayList<>();
        int m = vectors.size();
        spec = fitSelection(spec, m, notes);
        int f = krumF(spec);
        if (f >= 0) {
            int maxF = m < 3 ? -1 : (m - 3) / 2;
            if (maxF < 0) {
                return new Result(
                        Aggregate.keepOwn(
                                set,
                                Verdict.KRUM_TOO_FEW,
                                spec.name() + " needs at least 3 vectors, got " + m + ": own model kept"),
                        Double.POSITIVE_INFINITY,
                        notes);
            }
            if (f > maxF) {
                notes.add(spec.name() + ": f = " + f + " too large for m = " + m + ", used f = " + maxF);
                return new Result(withF(spec, maxF).aggregate(set, aggCtx), Double.POSITIVE_INFINITY, notes);
            }
        }
        Aggregator rule = spec.aggregator();
        if (rule instanceof ClippedGossip cg) {
            double[] dist = new double[m];
            for (int k = 1; k < m; k++) {
                dist[k] =
                        Math.sqrt(io.fedp2p.robustness.vector.Vectors.squaredDistance(vectors.get(k), vectors.get(0)));
            }
            double tau = stepZero || !RuleDefence.fixesTau(cg) ? cg.radiusFor(set, dist) : ctx.tau();
            return new Result(ClippedGossip.clip(set, dist, tau), tau, notes);
        }
        return new Result(rule.aggregate(set, aggCtx), Double.POSITIVE_INFINITY, notes);
    }

    /** Multi-Krum's explicit M larger than the neighbourhood is lowered to m. */
    private static DefenceSpec.RuleSpec fitSelection(DefenceSpec.RuleSpec spec, int m, List<String> notes) {
        if (spec instanceof DefenceSpec.MultiKrumSpec k && k.select() > m) {
            notes.add("multi-krum: M = " + k.select() + " > m = " + m + ", used M = m");
            return new DefenceSpec.MultiKrumSpec(k.f(), m);
        }
        return spec;
    }

    private static int krumF(DefenceSpec.RuleSpec spec) {
        if (spec instanceof DefenceSpec.KrumSpec k) return k.f();
        if (spec instanceof DefenceSpec.MultiKrumSpec k) return k.f();
        if (spec instanceof DefenceSpec.IterativeMultiKrumSpec k) return k.f();
        return -1;
    }

    private static Aggregator withF(DefenceSpec.RuleSpec spec, int f) {
        if (spec instanceof DefenceSpec.KrumSpec) return new Krum(f);
        if (spec instanceof DefenceSpec.MultiKrumSpec k) return new MultiKrum(f, k.select());
        return new IterativeMultiKrum(f);
    }
}
