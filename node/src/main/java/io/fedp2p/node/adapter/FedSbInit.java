package io.fedp2p.node.adapter;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * The data-independent half of the LoRA-SB initialisation (ALGORITHMS.md §7.3): from a full-weight gradient G of
 * one layer, {@code ΔW₁ = −η₁·G} (the first SGD step, fedp2p design: η₁ = η₀/100 by default), its truncated SVD
 * {@code U_r S_r V_rᵀ} in fp64 with EJML, and {@code B = U_r}, {@code A = V_rᵀ}, {@code R = S_r} at scale 1.
 *
 * <p>Deterministic: the same G gives bit-identical factors on every JVM. Singular vectors are sorted by descending
 * singular value and their sign is fixed so that the largest-magnitude entry of each column of U is positive (SVD
 * leaves the sign free; without this rule two correct SVD codes could disagree).
 */
public final class FedSbInit {
    private FedSbInit() {}

    /**
     * @param layer the layer's shape
     * @param gradient G, row-major {@code out × in}, averaged over the samples used
     * @param firstStepLr η₁ &gt; 0
     * @param rank r ≤ min(out, in)
     */
    public static FedSbFactors.Layer factors(LayerShape layer, double[] gradient, double firstStepLr, int rank) {
        int m = layer.out();
        int n = layer.in();
        if (gradient.length != m * n) throw new IllegalArgumentException("gradient has the wrong size for " + layer);
        if (rank < 1 || rank > Math.min(m, n)) throw new IllegalArgumentException("rank " + rank + " too large");
        if (!(firstStepLr > 0)) throw new IllegalArgumentException("first-step learning rate must be > 0");
        DMatrixRMaj dw = new DMatrixRMaj(m, n);
        for (int i = 0; i < gradient.length; i++) {
            if (!Double.isFinite(gradient[i])) throw new IllegalArgumentException("non-finite gradient entry " + i);
            dw.data[i] = -firstStepLr * gradient[i];
        }
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(m, n, true, true, true);
        if (!svd.decompose(dw)) throw new IllegalStateException("SVD did not converge for " + layer);
        DMatrixRMaj u = svd.getU(null, false);
        DMatrixRMaj w = svd.getW(null);
        DMatrixRMaj v = svd.getV(null, false);
        SingularOps_DDRM.descendingOrder(u, false, w, v, false);
        float[] b = new float[m * rank];
        float[] a = new float[rank * n];
        float[] r = new float[rank * rank];
        for (int k = 0; k < rank; k++) {
            int argMax = 0;
            for (int i = 1; i < m; i++) if (Math.abs(u.get(i, k)) > Math.abs(u.get(argMax, k))) argMax = i;
            double sign = u.get(argMax, k) < 0 ? -1 : 1;
            for (int i = 0; i < m; i++) b[i * rank + k] = (float) (sign * u.get(i, k));
            for (int j = 0; j < n; j++) a[k * n + j] = (float) (sign * v.get(j, k));
            r[k * rank + k] = (float) w.get(k, k);
        }
        return new FedSbFactors.Layer(layer, rank, b, a, r);
    }
}
