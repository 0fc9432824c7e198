package io.fedp2p.sim.topology;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Computes the {@link SpectralGap} of a topology's Metropolis–Hastings matrix (ALGORITHMS.md §0.1), exactly with
 * EJML for small graphs and with a Lanczos iteration ({@code LanczosSpectrum}) for large ones.
 *
 * <p>Both work on {@code L = I − W} (eigenvalues {@code μ = 1 − λ}), so the gap of a poorly connected graph,
 * {@code μ₂}, is computed directly instead of as the difference of two numbers close to 1.
 */
public final class MixingSpectrum {
    /**
     * Largest n for which {@link #of} uses the dense method. At n = 1,000 the dense decomposition takes about a
     * quarter of a second and at 2,000 about 2.6 s (O(n³); BENCHMARKS.md, "Topologies"), while Lanczos agrees with
     * it to about 1e-13 and takes milliseconds.
     */
    // SPEC-GAP: issue 7 says "iterative above a few thousand nodes"; 1,000 keeps `fedp2p topology` interactive.
    public static final int DENSE_LIMIT = 1000;

    /** Default Lanczos tolerance: absolute error bound on μ₂ and μ_n. */
    public static final double DEFAULT_TOLERANCE = 1e-12;

    private MixingSpectrum() {}

    /**
     * The spectral gap, dense up to {@link #DENSE_LIMIT} vertices and Lanczos above. {@code rng} seeds the Lanczos
     * start vector only (the dense method draws nothing), so the result is deterministic given its state.
     */
    public static SpectralGap of(Topology topology, RandomGenerator rng) {
        return topology.size() <= DENSE_LIMIT ? dense(topology) : lanczos(topology, rng);
    }

    /** Exact (to rounding) spectral gap from EJML's symmetric eigenvalue decomposition; O(n³) time, O(n²) memory. */
    public static SpectralGap dense(Topology topology) {
        int n = topology.size();
        if (n == 1) return trivial();
        DMatrixRMaj l = MetropolisMatrix.of(topology).laplacianToDense();
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false, true);
        if (!eig.decompose(l)) throw new IllegalStateException("EJML eigenvalue decomposition did not converge");
        double[] mu = new double[n];
        for (int k = 0; k < n; k++) mu[k] = eig.getEigenvalue(k).real;
        Arrays.sort(mu);
        // mu[0] is the eigenvalue 0 of the constant vector; the others belong to the deflated space.
        return fromLaplacian(topology, mu[1], mu[n - 1], SpectralGap.Method.DENSE, 0, 0.0, true);
    }

    /** Lanczos spectral gap with {@link #DEFAULT_TOLERANCE} and a step limit of {@code 10·n + 1000}. */
    public static SpectralGap lanczos(Topology topology, RandomGenerator rng) {
        return lanczos(topology, rng, DEFAULT_TOLERANCE, 10 * topology.size() + 1000);
    }

    /**
     * Lanczos spectral gap: stops once both extreme eigenvalues of {@code I − W} are within {@code tolerance}, or
     * after {@code maxIterations} steps (then {@link SpectralGap#converged()} is false and the error bound says how
     * far it got).
     */
    public static SpectralGap lanczos(Topology topology, RandomGenerator rng, double tolerance, int maxIterations) {
        if (topology.size() == 1) return trivial();
        LanczosSpectrum.Extremes x =
                new LanczosSpectrum(MetropolisMatrix.of(topology), tolerance, maxIterations).run(rng);
        return fromLaplacian(
                topology,
                x.smallest(),
                x.largest(),
                SpectralGap.Method.LANCZOS,
                x.iterations(),
                x.errorBound(),
                x.converged());
    }

    private static SpectralGap fromLaplacian(
            Topology topology,
            double mu2,
            double muN,
            SpectralGap.Method method,
            int iterations,
            double error,
            boolean converged) {
        // A disconnected graph has a second eigenvalue 0 of L; fix it exactly rather than trust rounding near 0.
        double m2 = topology.isConnected() ? Math.max(0.0, mu2) : 0.0;
        double mN = Math.min(2.0, Math.max(m2, muN));
        // 1 − |1 − μ| keeps the full relative precision of a tiny μ₂.
        double gap = Math.min(m2 <= 1 ? m2 : 2 - m2, mN >= 1 ? 2 - mN : mN);
        gap = Math.max(0.0, Math.min(1.0, gap));
        return new SpectralGap(gap, 1 - m2, 1 - mN, method, iterations, error, converged);
    }

    // SPEC-GAP: a single vertex has no λ₂; λ = 0 (gap 1) makes "one node is already in consensus" the answer.
    private static SpectralGap trivial() {
        return new SpectralGap(1.0, 0.0, 0.0, SpectralGap.Method.TRIVIAL, 0, 0.0, true);
    }
}
