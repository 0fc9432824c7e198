package io.fedp2p.robustness.reputation;

import io.fedp2p.robustness.vector.Chunks;
import io.fedp2p.robustness.vector.Vectors;
import java.util.ArrayList;
import java.util.List;

/**
 * RFFL contributions in fedp2p's leave-one-out form (ALGORITHMS.md §4.6.4, §8 step 8):
 * {@code ψ_ij = cos(Δ_j, u_{i,−j})} with {@code u_{i,−j} = Δ_i + Σ_{k∈A_i, k≠j} r_ik Δ_k}. The full sum u is built once;
 * each ψ then costs one pass over Δ_j and u. The cosine adds 1e-10 to the product of norms (§4.1).
 */
public final class Contributions {
    static final double COSINE_EPS = 1e-10;

    private Contributions() {}

    /**
     * @param ownDelta Δ_i
     * @param accepted Δ_k of the accepted candidates A_i
     * @param reputations r_ik of the accepted candidates, indexed like {@code accepted}
     * @param scored the deltas to score
     * @param positionInAccepted for each scored delta, its index in {@code accepted}, or −1 when it was not accepted
     * @return ψ for each scored delta
     */
    public static double[] leaveOneOut(
            float[] ownDelta,
            List<float[]> accepted,
            double[] reputations,
            List<float[]> scored,
            int[] positionInAccepted) {
        List<float[]> terms = new ArrayList<>();
        terms.add(ownDelta);
        terms.addAll(accepted);
        double[] w = new double[terms.size()];
        w[0] = 1;
        System.arraycopy(reputations, 0, w, 1, reputations.length);
        float[] u = Vectors.weightedSum(terms, w);
        double[] psi = new double[scored.size()];
        for (int s = 0; s < scored.size(); s++) {
            float[] dj = scored.get(s);
            double rj = positionInAccepted[s] >= 0 ? reputations[positionInAccepted[s]] : 0;
            double[] sums = Chunks.sums(u.length, 3, (from, to, out) -> {
                double dot = 0, uu = 0, dd = 0;
                for (int e = from; e < to; e++) {
                    double ue = u[e] - rj * dj[e];
                    dot += dj[e] * ue;
                    uu += ue * ue;
                    dd += (double) dj[e] * dj[e];
                }
                out[0] += dot;
                out[1] += uu;
                out[2] += dd;
            });
            psi[s] = sums[0] / (Math.sqrt(sums[2]) * Math.sqrt(sums[1]) + COSINE_EPS);
        }
        return psi;
    }
}
