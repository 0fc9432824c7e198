package io.fedp2p.node.train;

/**
 * Adam (Kingma and Ba 2015) on a flat vector, for pretraining the text backbone only (local federated steps use
 * {@link SamSgd}). β₁ = 0.9, β₂ = 0.999, ε = 1e-8, bias-corrected. Not thread-safe.
 */
final class Adam {
    private final float[] m;
    private final float[] v;
    private final float[] grad;
    private int t;

    Adam(int dimension) {
        m = new float[dimension];
        v = new float[dimension];
        grad = new float[dimension];
    }

    /** One step in place; returns the loss; throws before touching θ when loss or gradient is not finite. */
    float step(float[] theta, SamSgd.GradientFn f, float lr, String what) {
        float loss = f.lossAndGradient(theta, grad);
        if (!Float.isFinite(loss)) throw new TrainingDivergedException("loss is " + loss + " (" + what + ")");
        for (float g : grad)
            if (!Float.isFinite(g)) throw new TrainingDivergedException("non-finite gradient (" + what + ")");
        t++;
        double c1 = 1 - Math.pow(0.9, t);
        double c2 = 1 - Math.pow(0.999, t);
        for (int i = 0; i < theta.length; i++) {
            m[i] = 0.9f * m[i] + 0.1f * grad[i];
            v[i] = 0.999f * v[i] + 0.001f * grad[i] * grad[i];
            theta[i] -= (float) (lr * (m[i] / c1) / (Math.sqrt(v[i] / c2) + 1e-8));
        }
        return loss;
    }
}
