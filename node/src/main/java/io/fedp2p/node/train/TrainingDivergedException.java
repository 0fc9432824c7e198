package io.fedp2p.node.train;

/**
 * A training call met a NaN or infinite loss or gradient. The call stops at once; the caller's start vector and
 * anything it saved before are untouched (train works on a copy).
 */
public final class TrainingDivergedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TrainingDivergedException(String message) {
        super(message);
    }
}
