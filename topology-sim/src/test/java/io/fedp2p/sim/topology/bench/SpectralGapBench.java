package io.fedp2p.sim.topology.bench;

import io.fedp2p.sim.topology.MixingSpectrum;
import io.fedp2p.sim.topology.SpectralGap;
import io.fedp2p.sim.topology.Topology;
import io.fedp2p.sim.topology.TopologySpec;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time to compute the spectral gap of the Metropolis–Hastings matrix (BENCHMARKS.md, "Topologies"): the dense EJML
 * decomposition against the Lanczos iteration at n = 1,000, and Lanczos alone at 10,000 (the dense n×n matrix would
 * take 800 MB there). The graph is built once per trial; only the gap is timed.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class SpectralGapBench {
    /** Kinds with typical parameters; erdos-renyi uses p = 2·ln(n)/n (mean degree about 2·ln n). */
    @Param({"ring", "torus", "random-regular:4", "erdos-renyi", "small-world:4:0.1", "scale-free:4"})
    public String kind;

    @Param({"1000", "10000"})
    public int nodes;

    private Topology topology;

    @Setup
    public void build() {
        String spec = kind.equals("erdos-renyi") ? "erdos-renyi:" + 2 * Math.log(nodes) / nodes : kind;
        topology = TopologySpec.parse(spec).build(nodes, new SplittableRandom(1));
    }

    @Benchmark
    public SpectralGap lanczos() {
        return MixingSpectrum.lanczos(topology, new SplittableRandom(2));
    }

    @Benchmark
    public SpectralGap dense() {
        if (nodes > 2000) throw new IllegalStateException("dense is benchmarked at n <= 2000 only");
        return MixingSpectrum.dense(topology);
    }
}
