/**
 * Primitive kernels on {@code float[]} vectors: dot products, norms, distances, weighted sums, stable argsort and
 * a few robust statistics. Every kernel works in fixed-size coordinate chunks whose boundaries do not depend on the
 * number of threads, so results are bit-identical whether a loop runs on one core or on several (STYLE.md 2.6).
 * Nothing here allocates per coordinate.
 */
package io.fedp2p.robustness.vector;
