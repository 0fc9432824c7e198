package io.fedp2p.node.train;

import io.fedp2p.node.data.Sampling;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntUnaryOperator;
import java.util.random.RandomGenerator;

/**
 * What every classification trainer keeps of its node's data: the sample indices, the label map (identity, or a
 * label-flipping attack's), the familiar classes, the local validation slice, and an endless sequence of fresh
 * permutations to cut batches from. The validation slice is drawn from the node's RNG before any batch.
 */
public final class NodeShard {
    private final int node;
    private final RandomGenerator rng;
    private final int[] samples;
    private final int[] trainLabels;
    private final int[] mappedLabel;
    private final int[] familiar;
    private final EvalSet validation;
    private final int[] order;
    private int cursor;

    /**
     * @param node the node's index (names the validation slice)
     * @param samples the node's training indices
     * @param histogram the node's samples per class
     * @param validationPool training indices set aside for validation slices
     * @param trainLabels the label of every training index
     * @param kappa entries per familiar class in the validation slice
     * @param labelMap the label this node trains on for each true label (identity unless it flips labels)
     * @param rng the node's generator: validation slice first, then batch order
     */
    public NodeShard(
            int node,
            int[] samples,
            int[] histogram,
            int[] trainLabels,
            int[] validationPool,
            int kappa,
            IntUnaryOperator labelMap,
            RandomGenerator rng) {
        this.node = node;
        this.rng = rng;
        this.samples = samples;
        this.trainLabels = trainLabels;
        this.mappedLabel = new int[histogram.length];
        for (int c = 0; c < mappedLabel.length; c++) {
            int y = labelMap.applyAsInt(c);
            if (y < 0 || y >= mappedLabel.length)
                throw new IllegalArgumentException("label map sends " + c + " to " + y);
            mappedLabel[c] = y;
        }
        this.familiar = familiarClasses(histogram);
        this.validation = drawValidation(validationPool, kappa);
        this.order = samples.clone();
        this.cursor = order.length;
    }

    /**
     * L_i: the classes present in the node's data, i.e. with at least one sample (ALGORITHMS.md §0.1, §2.3).
     *
     * <p>fedp2p formerly kept only classes making up at least 5% of the shard. Under Dirichlet skew that left a
     * node's few dominant classes, on which its own freshly trained model is at its best; S_j (the φ = 3 classes of
     * L_i where a neighbour scores highest) then compared neighbours only where they can merely regress, and hard mode
     * rejected most honest neighbours. With every present class, S_j can fall on the classes a neighbour knows better,
     * which is the improvement §2.3 rewards. Validation entries come from the shared pool (κ per class), not from the
     * node's own few samples of a rare class.
     */
    public static int[] familiarClasses(int[] histogram) {
        List<Integer> f = new ArrayList<>();
        for (int c = 0; c < histogram.length; c++) if (histogram[c] > 0) f.add(c);
        return f.stream().mapToInt(Integer::intValue).toArray();
    }

    /** κ entries of every familiar class from the validation pool, drawn with the node's RNG. */
    private EvalSet drawValidation(int[] validationPool, int kappa) {
        List<Integer> chosen = new ArrayList<>();
        for (int c : familiar) {
            int[] ofClass = Arrays.stream(validationPool)
                    .filter(i -> trainLabels[i] == c)
                    .toArray();
            Sampling.shuffle(ofClass, rng);
            for (int i = 0; i < Math.min(kappa, ofClass.length); i++) chosen.add(ofClass[i]);
        }
        if (chosen.isEmpty()) chosen.add(validationPool[0]);
        return new EvalSet(
                "validation-" + node,
                EvalSet.Source.TRAIN,
                chosen.stream().mapToInt(Integer::intValue).sorted().toArray());
    }

    /** Number of the node's training samples. */
    public int size() {
        return samples.length;
    }

    /** L_i: the classes with at least one of the node's samples, ascending. */
    public int[] familiar() {
        return familiar.clone();
    }

    /** The node's local validation slice (ALGORITHMS.md §2.3). */
    public EvalSet validation() {
        return validation;
    }

    // SPEC-GAP: the issue fixes K steps per call but not how batches cross epochs; batches are cut from an endless
    // sequence of fresh permutations of the node's samples, so a batch may straddle two epochs.
    /** The next {@code size} samples of an endless sequence of fresh permutations (all samples if fewer). */
    public int[] nextBatch(int size) {
        int n = Math.min(size, samples.length);
        int[] batch = new int[n];
        for (int i = 0; i < n; i++) {
            if (cursor == order.length) {
                Sampling.shuffle(order, rng);
                cursor = 0;
            }
            batch[i] = order[cursor++];
        }
        return batch;
    }

    /** The training labels of {@code idx} as this node sees them (after its label map). */
    public int[] labels(int[] idx) {
        int[] y = new int[idx.length];
        for (int i = 0; i < idx.length; i++) y[i] = mappedLabel[trainLabels[idx[i]]];
        return y;
    }
}
