package io.fedp2p.node.engine;

import io.fedp2p.gossip.clock.Clock;
import java.util.function.Consumer;

/**
 * A deterministic stand-in for the DJL trainer: K SAM steps (ALGORITHMS.md §1.1) on f_i(y) = ½‖y − c_i‖², whose
 * gradient is y − c_i, in float arithmetic. Reports after {@code delayNanos} of clock time.
 */
final class QuadraticCompute implements LocalCompute {
    private final Clock clock;
    private final float[] centre;
    private final int steps;
    private final float eta;
    private final float rho;
    private final long delayNanos;
    int calls;

    QuadraticCompute(Clock clock, float[] centre, int steps, float eta, float rho, long delayNanos) {
        this.clock = clock;
        this.centre = centre;
        this.steps = steps;
        this.eta = eta;
        this.rho = rho;
        this.delayNanos = delayNanos;
    }

    @Override
    public void train(long round, float[] start, Consumer<TrainOutcome> done) {
        calls++;
        float[] y = sam(start, centre, steps, eta, rho);
        clock.schedule(delayNanos, () -> done.accept(TrainOutcome.of(y, 0.0)));
    }

    /** K SAM steps: g = y − c; ε = ρ g/‖g‖; y ← y − η((y + ε) − c). ρ = 0 skips the ascent. */
    static float[] sam(float[] start, float[] c, int k, float eta, float rho) {
        float[] y = start.clone();
        for (int s = 0; s < k; s++) {
            float[] g = new float[y.length];
            double norm = 0;
            for (int e = 0; e < y.length; e++) {
                g[e] = y[e] - c[e];
                norm += (double) g[e] * g[e];
            }
            float scale = rho == 0 ? 0f : (float) (rho / (Math.sqrt(norm) + 1e-12));
            for (int e = 0; e < y.length; e++) {
                float perturbed = rho == 0 ? y[e] : y[e] + scale * g[e];
                y[e] = y[e] - eta * (perturbed - c[e]);
            }
        }
        return y;
    }

    /** K plain SGD steps y ← y − η(y − c), written independently of {@link #sam}. */
    static float[] sgd(float[] start, float[] c, int k, float eta) {
        float[] y = start.clone();
        for (int s = 0; s < k; s++) {
            for (int e = 0; e < y.length; e++) y[e] = y[e] - eta * (y[e] - c[e]);
        }
        return y;
    }
}
