package io.fedp2p.sim.task;

import io.fedp2p.node.SeedTree;
import io.fedp2p.node.adapter.AdapterKind;
import io.fedp2p.node.adapter.AdapterSpec;
import io.fedp2p.node.adapter.ParamLayout;
import io.fedp2p.node.data.Partition;
import io.fedp2p.node.data.PartitionSpec;
import io.fedp2p.node.data.Partitioner;
import io.fedp2p.node.train.EvalSet;
import io.fedp2p.node.train.Evaluation;
import io.fedp2p.node.train.LocalTrainer;
import io.fedp2p.node.train.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;

/**
 * The {@code vector} task: softmax regression on a synthetic Gaussian mixture ({@link VectorSpec}), in plain Java,
 * behind the same {@link Task}/{@link LocalTrainer} interface as the DJL model so that the round engine runs it
 * unchanged. It is the {@code head} adapter of a network without a backbone: θ is the linear head only. A node's
 * trainer holds its sample indices, its generator and the optimiser's three vectors, so 10,000 nodes fit easily.
 *
 * <p>Read-only after construction and thread-safe; {@link #close()} frees nothing (no native memory).
 */
public final class VectorTask implements Task {
    final VectorSpec spec;
    final VectorData data;
    final Partition partition;
    final int[] validationPool;
    private final ParamLayout layout;
    private final AdapterSpec adapter = AdapterSpec.of(AdapterKind.HEAD, List.of());

    private VectorTask(VectorSpec spec, VectorData data, Partition partition, int[] validationPool) {
        this.spec = spec;
        this.data = data;
        this.partition = partition;
        this.validationPool = validationPool;
        this.layout = ParamLayout.of(Map.of(
                "head.bias", new long[] {spec.classes()},
                "head.weight", new long[] {spec.classes(), spec.features()}));
    }

    /**
     * Generates the data from {@code seed} (stream {@code "vector-data"}) and splits the pool of {@code nodes ·
     * samplesPerNode} samples with {@code partition} (stream {@code "partition"}), as the vision task does.
     */
    public static VectorTask create(VectorSpec spec, int nodes, PartitionSpec partition, long seed) {
        if (nodes < 1) throw new IllegalArgumentException("nodes must be >= 1");
        long poolSize = (long) nodes * spec.samplesPerNode();
        if (poolSize + spec.validationPool() > 50_000_000L) {
            throw new IllegalArgumentException("vector task too large: " + poolSize + " training samples");
        }
        int pool = (int) poolSize;
        SeedTree seeds = new SeedTree(seed);
        VectorData data = VectorData.generate(spec, pool + spec.validationPool(), seeds.rng("vector-data", 0));
        Partition p = Partitioner.split(
                partition,
                IntStream.range(0, pool).toArray(),
                data.trainY,
                spec.classes(),
                nodes,
                seeds.rng("partition", 0));
        int[] validation = IntStream.range(pool, pool + spec.validationPool()).toArray();
        return new VectorTask(spec, data, p, validation);
    }

    public VectorSpec spec() {
        return spec;
    }

    /** The partition of the training pool among nodes. */
    public Partition partition() {
        return partition;
    }

    @Override
    public String backboneHash() {
        return "0".repeat(64);
    }

    @Override
    public AdapterSpec adapterSpec() {
        return adapter;
    }

    /** The head adapter has no Fed-SB factors. */
    @Override
    public java.util.Optional<String> fedSbFactorsHash() {
        return java.util.Optional.empty();
    }

    @Override
    public ParamLayout layout() {
        return layout;
    }

    /** Zeros: every class equally likely. */
    @Override
    public float[] initialVector() {
        return new float[layout.dimension()];
    }

    @Override
    public int numClasses() {
        return spec.classes();
    }

    @Override
    public int numNodes() {
        return partition.numNodes();
    }

    @Override
    public EvalSet testSet() {
        return EvalSet.all("test", EvalSet.Source.TEST, spec.testSamples());
    }

    @Override
    public LocalTrainer trainer(int node, RandomGenerator rng, IntUnaryOperator labelMap) {
        if (node < 0 || node >= numNodes())
            throw new IllegalArgumentException("node " + node + " outside 0.." + (numNodes() - 1));
        return new VectorTrainer(this, node, rng, labelMap);
    }

    @Override
    public List<Evaluation> evaluateAll(List<float[]> thetas, EvalSet set) {
        List<Evaluation> out = new ArrayList<>(thetas.size());
        for (float[] t : thetas) out.add(evaluate(t, set));
        return out;
    }

    Evaluation evaluate(float[] theta, EvalSet set) {
        checkVector(theta);
        boolean test = set.source() == EvalSet.Source.TEST;
        return Softmax.evaluate(theta, spec.classes(), spec.features(), data.x(test), data.y(test), set.indices());
    }

    void checkVector(float[] theta) {
        layout.checkLength(theta);
        for (int i = 0; i < theta.length; i++) {
            if (!Float.isFinite(theta[i]))
                throw new IllegalArgumentException("vector component " + i + " is " + theta[i]);
        }
    }

    @Override
    public void close() {
        // plain Java arrays: nothing native to free
    }
}
