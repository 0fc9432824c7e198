package io.fedp2p.sim.topology;

import java.util.Objects;

/**
 * The spectral gap of a Metropolis–Hastings mixing matrix W (ALGORITHMS.md §0.1): {@code gap = 1 − λ} with
 * {@code λ = max(|λ₂(W)|, |λ_n(W)|)}, the second-largest eigenvalue modulus. A gap of 1 mixes in one step (the
 * complete graph); a gap near 0 mixes slowly (a long ring); a disconnected graph has gap 0.
 *
 * @param gap {@code 1 − λ}, in [0, 1]
 * @param lambda2 second-largest eigenvalue of W
 * @param lambdaN smallest eigenvalue of W
 * @param method how the eigenvalues were obtained
 * @param iterations Lanczos steps taken (0 for the dense and trivial methods)
 * @param errorBound bound on the absolute error of the two eigenvalues (0 for the dense method, where the error is
 *     that of the EJML decomposition, about 1e-15)
 * @param converged false only when the Lanczos process stopped at its step limit before reaching its tolerance
 */
public record SpectralGap(
        double gap,
        double lambda2,
        double lambdaN,
        Method method,
        int iterations,
        double errorBound,
        boolean converged) {

    /** How the spectrum was computed. */
    public enum Method {
        /** EJML's symmetric eigenvalue decomposition of the dense n×n matrix: O(n³) time, O(n²) memory. */
        DENSE,
        /** Lanczos iteration on the sparse matrix: O(edges) per step, O(n) memory. */
        LANCZOS,
        /** A single vertex: W = [1] has no second eigenvalue; by convention λ = 0 and the gap is 1. */
        TRIVIAL
    }

    public SpectralGap {
        Objects.requireNonNull(method, "method");
        if (!(gap >= 0 && gap <= 1)) throw new IllegalArgumentException("gap outside [0, 1]: " + gap);
        if (iterations < 0) throw new IllegalArgumentException("negative iterations: " + iterations);
        if (!(errorBound >= 0)) throw new IllegalArgumentException("errorBound must be >= 0, got " + errorBound);
    }

    /** λ, the second-largest eigenvalue modulus of W (SLEM), {@code 1 − gap}. */
    public double slem() {
        return Math.max(Math.abs(lambda2), Math.abs(lambdaN));
    }
}
