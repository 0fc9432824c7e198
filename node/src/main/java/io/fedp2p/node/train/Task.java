package io.fedp2p.node.train;

import io.fedp2p.node.adapter.AdapterSpec;
import io.fedp2p.node.adapter.ParamLayout;
import java.util.List;
import java.util.Optional;
import java.util.function.IntUnaryOperator;
import java.util.random.RandomGenerator;

/**
 * Everything nodes of one experiment share, built once per JVM: the frozen backbone (with its SHA-256 hash), the
 * adapter spec and its network-wide frozen matrices, the data, the partition of the non-public training data into
 * nodes, the test set and the frozen-prefix feature cache (ALGORITHMS.md §7.5.4).
 *
 * <p><b>Threads:</b> read-only after construction and thread-safe; {@link #trainer} and {@link #evaluateAll} may be
 * called from several threads.
 *
 * <p><b>Ownership:</b> {@link #close()} frees the shared native memory; close every trainer first.
 */
public interface Task extends AutoCloseable {
    /** SHA-256 (hex) of the frozen backbone's parameters. */
    String backboneHash();

    AdapterSpec adapterSpec();

    /**
     * The SHA-256 of the agreed Fed-SB factors (ALGORITHMS.md §7.5 #2) when the adapter is {@code fed-sb}, empty
     * otherwise; it goes into the adapter hash of gossip headers so that nodes holding different factors refuse each
     * other's messages instead of mixing R matrices of different bases.
     */
    Optional<String> fedSbFactorsHash();

    /** The canonical layout of θ: sorted parameter names, row-major (ALGORITHMS.md §0.1). */
    ParamLayout layout();

    /** Length of θ. */
    default int dimension() {
        return layout().dimension();
    }

    /** The network-wide initial θ (adapter at its init, head from the backbone); a fresh copy per call. */
    float[] initialVector();

    /** Number of output classes C (10 for Fashion-MNIST, the vocabulary size for text). */
    int numClasses();

    /** Number of nodes the training data is partitioned into. */
    int numNodes();

    /** The official evaluation set (Fashion-MNIST: the 10,000 test images). */
    EvalSet testSet();

    /**
     * A new trainer for node {@code node}.
     *
     * @param rng the node's own generator (data order, batches); the trainer owns it from now on
     * @param labelMap applied to every training label of this node (a data-poisoning attack); identity for honest
     *     nodes. Validation and test labels are never mapped.
     */
    LocalTrainer trainer(int node, RandomGenerator rng, IntUnaryOperator labelMap);

    /**
     * Evaluates many vectors on one set, in list order; cheap with the feature cache (only the adapted suffix runs).
     * Equivalent to calling {@link LocalTrainer#evaluate} for each vector.
     */
    List<Evaluation> evaluateAll(List<float[]> thetas, EvalSet set);

    /** Frees the shared native memory. */
    @Override
    void close();
}
