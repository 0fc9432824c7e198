package io.fedp2p.robustness.bench;

import io.fedp2p.robustness.Candidate;
import io.fedp2p.robustness.Evaluators;
import io.fedp2p.robustness.PeerKey;
import io.fedp2p.robustness.RobustnessState;
import io.fedp2p.robustness.RoundInput;
import io.fedp2p.robustness.TestVectors;
import io.fedp2p.robustness.aggregate.VectorSet;
import io.fedp2p.robustness.aggregate.WeightedMean;
import io.fedp2p.robustness.defence.Defence;
import io.fedp2p.robustness.defence.DefenceSpec;
import io.fedp2p.robustness.defence.MixOutcome;
import io.fedp2p.robustness.vector.Vectors;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of one step-0 mixing per defence at n = 16 candidates (17 vectors with the own one) and dimension d, as the round
 * engine calls it ({@link Defence#stepZero}). {@code mean-kernel} is the bare weighted mean of the 17 vectors, the unit
 * of the ratios {@link RuleBenchmarkReport} prints; {@code pipeline-round} adds the end-of-round RFFL update. The
 * pipeline runs without a class scorer, i.e. without the integrator's model evaluation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
public class RuleBenchmark {
    static final int CANDIDATES = 16;

    @Param({"10000", "100000", "1000000"})
    public int d;

    @Param({
        "mean-kernel",
        "mean",
        "median",
        "trimmed-mean",
        "krum",
        "multi-krum",
        "multi-krum-iterative",
        "geometric-median",
        "centered-clipping",
        "clipped-gossip",
        "balance",
        "mozi",
        "bristle",
        "frl",
        "rffl",
        "pipeline",
        "pipeline-round"
    })
    public String rule;

    RoundInput input;
    VectorSet all;
    Defence defence;
    RandomGenerator rng;

    @Setup(Level.Trial)
    public void setUp() {
        RandomGenerator data = TestVectors.rng(42);
        float[] start = TestVectors.gaussian(data, d, 0, 1);
        float[] drift = TestVectors.gaussian(data, d, 0, 0.01);
        double w = 1.0 / (CANDIDATES + 1);
        List<Candidate> cs = new ArrayList<>();
        List<float[]> vectors = new ArrayList<>();
        float[] ownDelta = Vectors.addScaled(drift, 1, TestVectors.gaussian(data, d, 0, 0.005));
        float[] own = Vectors.addScaled(start, 1, ownDelta);
        vectors.add(own);
        for (int k = 0; k < CANDIDATES; k++) {
            float[] delta = Vectors.addScaled(drift, 1, TestVectors.gaussian(data, d, 0, 0.005));
            float[] theta = Vectors.addScaled(start, 1, delta);
            cs.add(Candidate.withDelta(PeerKey.of(String.format("p%02d", k)), theta, delta, w));
            vectors.add(theta);
        }
        input = new RoundInput(20, own, ownDelta, cs);
        all = VectorSet.uniform(vectors, 0);
        String spec = rule.equals("pipeline-round") ? "pipeline" : rule.equals("mean-kernel") ? "mean" : rule;
        defence = DefenceSpec.parse(spec).create();
        rng = TestVectors.rng(7);
    }

    @Benchmark
    public Object mix() {
        if (rule.equals("mean-kernel")) return new WeightedMean().aggregate(all).vector();
        MixOutcome o = defence.stepZero(input, RobustnessState.initial(), Evaluators.none(), rng);
        if (rule.equals("pipeline-round")) return defence.endRound(o.context(), Map.of());
        return o.mixed();
    }
}
