package io.fedp2p.robustness.filter;

import io.fedp2p.robustness.vector.Vectors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Bristle's performance-based integration (ALGORITHMS.md §2.3), the "Bristle-integrate" mixing mode of §8. The own
 * model always has weight 1. Familiar head columns c ∈ L_i:
 * {@code M'[:,c] = (M_i[:,c] + Σ_{j: c∈S_j} ω_jc M_j[:,c]) / (1 + Σ_{j: c∈S_j} ω_jc)}; foreign head columns and, per
 * fedp2p design §2.8 #8, every non-head (adapter) coordinate use the per-peer weight:
 * {@code (x_i + Σ_j Ω_j x_j) / (1 + Σ_j Ω_j)}. Finally each head column is centred to mean zero (§2.8 #6) unless no peer
 * was integrated. Peers are summed in the order given (ascending key).
 */
public final class BristleIntegration {
    private BristleIntegration() {}

    /**
     * @param own θ_i (not modified)
     * @param peers the prioritized peers' θ_j
     * @param scores their scores, indexed like {@code peers}
     * @param familiar L_i
     * @param head where the head sits, if the vector has one
     * @param centreColumns centre head columns
     */
    public static float[] integrate(
            float[] own,
            List<float[]> peers,
            List<BristleScores> scores,
            int[] familiar,
            Optional<HeadLayout> head,
            boolean centreColumns) {
        int n = peers.size();
        List<float[]> all = new ArrayList<>();
        all.add(own);
        all.addAll(peers);
        double[] w = new double[n + 1];
        w[0] = 1;
        double total = 1;
        for (int j = 0; j < n; j++) {
            w[j + 1] = scores.get(j).peerWeight();
            total += w[j + 1];
        }
        for (int k = 0; k <= n; k++) w[k] /= total;
        float[] out = Vectors.weightedSum(all, w);
        if (head.isPresent()) {
            HeadLayout h = head.get();
            if (h.end() > own.length) {
                throw new IllegalArgumentException("head ends at " + h.end() + " beyond dimension " + own.length);
            }
            integrateFamiliarColumns(out, all, scores, familiar, h);
            if (centreColumns && n > 0) centre(out, h);
        }
        return out;
    }

    private static void integrateFamiliarColumns(
            float[] out, List<float[]> all, List<BristleScores> scores, int[] familiar, HeadLayout h) {
        int[] sorted = familiar.clone();
        Arrays.sort(sorted);
        for (int c : sorted) {
            if (c >= h.classes()) continue;
            double[] w = new double[all.size()];
            w[0] = 1;
            double total = 1;
            for (int j = 0; j < scores.size(); j++) {
                w[j + 1] = scores.get(j).omegaFor(c);
                total += w[j + 1];
            }
            for (int r = 0; r < h.hidden(); r++) {
                int idx = h.index(r, c);
                double s = 0;
                for (int k = 0; k < all.size(); k++) s += w[k] * all.get(k)[idx];
                out[idx] = (float) (s / total);
            }
        }
    }

    private static void centre(float[] out, HeadLayout h) {
        for (int c = 0; c < h.classes(); c++) {
            double mean = 0;
            for (int r = 0; r < h.hidden(); r++) mean += out[h.index(r, c)];
            mean /= h.hidden();
            for (int r = 0; r < h.hidden(); r++) out[h.index(r, c)] = (float) (out[h.index(r, c)] - mean);
        }
    }
}
