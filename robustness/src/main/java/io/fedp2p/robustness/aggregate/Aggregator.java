package io.fedp2p.robustness.aggregate;

/**
 * One aggregation rule of ALGORITHMS.md §5. Implementations are immutable and thread-safe, keep no state across calls
 * (state such as centered clipping's previous output arrives through {@link AggregationContext}), never modify their
 * inputs, and throw {@link IllegalArgumentException} naming m and f when the input is too small for their bound.
 */
public interface Aggregator {
    /** The rule's name as the CLI spells it ({@code krum}, {@code trimmed-mean}, ...). */
    String name();

    /** Combines {@code set} into one vector, with a verdict and a score per input vector. */
    Aggregate aggregate(VectorSet set, AggregationContext context);

    /** {@link #aggregate(VectorSet, AggregationContext)} with {@link AggregationContext#none()}. */
    default Aggregate aggregate(VectorSet set) {
        return aggregate(set, AggregationContext.none());
    }
}
