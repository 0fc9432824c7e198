package io.fedp2p.robustness.defence;

import io.fedp2p.robustness.Candidate;
import io.fedp2p.robustness.CandidateDecision;
import io.fedp2p.robustness.PeerKey;
import io.fedp2p.robustness.StepInput;
import io.fedp2p.robustness.Verdict;
import io.fedp2p.robustness.filter.BristleIntegration;
import io.fedp2p.robustness.filter.BristleScores;
import io.fedp2p.robustness.vector.Chunks;
import io.fedp2p.robustness.vector.Vectors;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The pipeline's mixes. Step 0: {@code z^{(1)} = (1 − Σ w̃_ij) θ_i + Σ w̃_ij θ_j}, or Bristle's formulas in integrate
 * mode. Steps q ≥ 1 (ALGORITHMS.md §8 step 7): only neighbours still in A_i count; a malformed vector or one farther
 * than {@code dropFactor·τ} from the own iterate is dropped for the rest of the round (and penalised); the others are
 * clipped around the own iterate, {@code z_i + Σ w̃_ij CLIP(z_j − z_i, τ)}. With the FRL consensus mask on, coordinates
 * outside the agreed items keep the own value at every step. fedp2p design (§3.9b #5): the mask is fixed at step 0 and
 * applied at every step of the round.
 */
final class PipelineMixing {
    private PipelineMixing() {}

    /** A mixed vector and the own weight (NaN in integrate mode). */
    record Mixed(float[] vector, double selfWeight) {}

    static Mixed mix(
            RoundContext ctx,
            PipelineConfig config,
            float[] own,
            List<Candidate> cs,
            double[] w,
            IntegrationPlan plan) {
        List<float[]> peers = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        List<BristleScores> scores = new ArrayList<>();
        for (int j = 0; j < cs.size(); j++) {
            PeerKey key = cs.get(j).key();
            if (!ctx.weights().containsKey(key)) continue;
            peers.add(cs.get(j).theta());
            weights.add(w[j]);
            if (plan != null) scores.add(plan.scores().get(key));
        }
        return finish(ctx, config, own, peers, weights, scores, plan);
    }

    static MixOutcome guardedStep(RoundContext ctx, PipelineConfig config, StepInput input) {
        float[] own = input.ownModel();
        double tau = ctx.tau();
        double limit = config.guard().dropFactor() * tau;
        List<CandidateDecision> decisions = new ArrayList<>();
        TreeSet<PeerKey> drop = new TreeSet<>();
        List<Candidate> live = new ArrayList<>();
        for (Candidate c : input.candidates()) {
            if (c.theta().length == own.length && ctx.isActive(c.key())) live.add(c);
        }
        List<float[]> thetas = live.stream().map(Candidate::theta).toList();
        double[] sq = Vectors.squaredDistances(own, thetas);
        List<float[]> peers = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        List<BristleScores> scores = new ArrayList<>();
        IntegrationPlan plan = ctx.integration().orElse(null);
        int r = 0;
        for (Candidate c : input.candidates()) {
            PeerKey key = c.key();
            if (!ctx.isActive(key)) {
                decisions.add(decision(key, Verdict.NOT_IN_ACCEPTED_SET, 0, "not in A_i this round", Double.NaN));
                continue;
            }
            if (c.theta().length != own.length) {
                drop.add(key);
                decisions.add(decision(key, Verdict.GUARD_DROPPED, 0, "dimension " + c.theta().length, Double.NaN));
                continue;
            }
            double dist = Math.sqrt(sq[r++]);
            if (!Double.isFinite(dist) || dist > limit) {
                drop.add(key);
                String why = Double.isFinite(dist) ? "distance " + dist + " > " + limit : "NaN or infinite value";
                decisions.add(decision(key, Verdict.GUARD_DROPPED, 0, why, dist));
                continue;
            }
            double factor = Vectors.clipFactor(dist, tau);
            double wj = ctx.weights().get(key) * factor;
            if (plan != null) {
                peers.add(factor < 1 ? Vectors.addScaled(own, factor, Vectors.subtract(c.theta(), own)) : c.theta());
                scores.add(plan.scores().get(key));
            } else {
                peers.add(c.theta());
            }
            weights.add(wj);
            String detail = factor < 1 ? "clipped to tau = " + tau : "";
            decisions.add(decision(key, Verdict.ACCEPTED, plan != null ? Double.NaN : wj, detail, dist));
        }
        Mixed mixed = finish(ctx, config, own, peers, weights, scores, plan);
        return new MixOutcome(mixed.vector(), decisions, mixed.selfWeight(), ctx.withDropped(drop), List.of());
    }

    private static Mixed finish(
            RoundContext ctx,
            PipelineConfig config,
            float[] own,
            List<float[]> peers,
            List<Double> weights,
            List<BristleScores> scores,
            IntegrationPlan plan) {
        float[] out;
        double self;
        if (plan != null) {
            out = BristleIntegration.integrate(
                    own,
                    peers,
                    scores,
                    plan.familiar(),
                    config.integrator().head(),
                    config.integrator().centreColumns());
            self = Double.NaN;
        } else {
            List<float[]> all = new ArrayList<>();
            all.add(own);
            all.addAll(peers);
            double[] w = new double[all.size()];
            double rest = 1;
            for (int k = 0; k < peers.size(); k++) {
                w[k + 1] = weights.get(k);
                rest -= w[k + 1];
            }
            w[0] = rest;
            out = Vectors.weightedSum(all, w);
            self = rest;
        }
        ctx.agreedItems().ifPresent(agreed -> keepOwnOutsideMask(out, own, agreed, ctx.maskBlockSize()));
        return new Mixed(out, self);
    }

    private static void keepOwnOutsideMask(float[] out, float[] own, boolean[] agreed, int block) {
        Chunks.forEach(out.length, (from, to) -> {
            for (int e = from; e < to; e++) if (!agreed[e / block]) out[e] = own[e];
        });
    }

    private static CandidateDecision decision(PeerKey key, Verdict v, double weight, String detail, double dist) {
        SortedMap<String, Double> scores = new TreeMap<>();
        if (!Double.isNaN(dist)) scores.put("distance", dist);
        return new CandidateDecision(key, v, weight, detail, scores);
    }
}
