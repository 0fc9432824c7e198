package io.fedp2p.node.train;

/**
 * The local optimiser of ALGORITHMS.md §1.1 on a flat float vector: SAM with one global norm over the trainable
 * vector (§1.6 #3), optional gradient clipping and heavy-ball momentum.
 *
 * <pre>
 * g  = ∇F(y)                                  (first pass; its loss is the step's reported loss)
 * ε  = ρ·g/(‖g‖ + 1e-12);  g ← ∇F(y + ε)       (second pass, only when ρ &gt; 0)
 * g  ← g·min(1, c/‖g‖)                         (when the clip c &gt; 0)
 * v  ← μ·v + g;  y ← y − η·v                   (μ = 0: plain SGD, y ← y − η·g)
 * </pre>
 *
 * Norms are accumulated in double. A non-finite loss or gradient throws {@link TrainingDivergedException} before
 * {@code y} is touched. Not thread-safe (holds the velocity).
 */
public final class SamSgd {
    /** SAM's division guard (davda54/sam, ALGORITHMS.md §1.1). */
    public static final double EPS = 1e-12;

    /** A loss and its gradient at a point. */
    @FunctionalInterface
    public interface GradientFn {
        /** Writes ∇F(θ) into {@code gradient} and returns F(θ). Must not modify θ. */
        float lossAndGradient(float[] theta, float[] gradient);
    }

    private final float[] velocity;
    private final float[] grad;
    private final float[] probe;

    public SamSgd(int dimension) {
        velocity = new float[dimension];
        grad = new float[dimension];
        probe = new float[dimension];
    }

    /** Zeroes the momentum buffer (the per-round default, §1.6 #4). */
    public void resetMomentum() {
        java.util.Arrays.fill(velocity, 0f);
    }

    /** SAM's ascent {@code ε = ρ·g/(‖g‖+1e-12)}. */
    public static float[] perturbation(float[] g, float rho) {
        double scale = rho / (norm(g) + EPS);
        float[] e = new float[g.length];
        for (int i = 0; i < g.length; i++) e[i] = (float) (g[i] * scale);
        return e;
    }

    /** Euclidean norm, accumulated in double. */
    public static double norm(float[] v) {
        double s = 0;
        for (float x : v) s += (double) x * x;
        return Math.sqrt(s);
    }

    /**
     * One step in place on {@code theta}.
     *
     * @param what a label for error messages, e.g. "node 3, round 7, step 2"
     * @return the loss at the unperturbed point
     */
    public float step(float[] theta, GradientFn f, RoundPlan plan, String what) {
        if (theta.length != velocity.length) throw new IllegalArgumentException("dimension mismatch");
        float loss = f.lossAndGradient(theta, grad);
        checkFinite(loss, grad, what, "");
        if (plan.rho() > 0) {
            double scale = plan.rho() / (norm(grad) + EPS);
            for (int i = 0; i < theta.length; i++) probe[i] = (float) (theta[i] + grad[i] * scale);
            float perturbedLoss = f.lossAndGradient(probe, grad);
            checkFinite(perturbedLoss, grad, what, " at the SAM-perturbed point");
        }
        if (plan.clipNorm() > 0) {
            double n = norm(grad);
            if (n > plan.clipNorm()) {
                float c = (float) (plan.clipNorm() / n);
                for (int i = 0; i < grad.length; i++) grad[i] *= c;
            }
        }
        float lr = plan.learningRate();
        if (plan.momentum() > 0) {
            float mu = plan.momentum();
            for (int i = 0; i < theta.length; i++) {
                velocity[i] = mu * velocity[i] + grad[i];
                theta[i] -= lr * velocity[i];
            }
        } else {
            for (int i = 0; i < theta.length; i++) theta[i] -= lr * grad[i];
        }
        return loss;
    }

    private static void checkFinite(float loss, float[] g, String what, String where) {
        if (!Float.isFinite(loss)) {
            throw new TrainingDivergedException("loss is " + loss + where + " (" + what + "); lower the learning rate");
        }
        for (int i = 0; i < g.length; i++) {
            if (!Float.isFinite(g[i])) {
                throw new TrainingDivergedException(
                        "gradient component " + i + " is " + g[i] + where + " (" + what + "); lower the learning rate");
            }
        }
    }
}
