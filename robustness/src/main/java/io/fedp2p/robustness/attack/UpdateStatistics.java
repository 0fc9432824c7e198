package io.fedp2p.robustness.attack;

import io.fedp2p.robustness.vector.Chunks;
import io.fedp2p.robustness.vector.Vectors;
import java.util.List;

/** Coordinate-wise statistics over a knowledge set of updates, as the attacks of §6 use them. */
final class UpdateStatistics {
    private UpdateStatistics() {}

    static float[] mean(List<float[]> xs) {
        return Vectors.mean(xs);
    }

    /** Coordinate-wise standard deviation with divisor m − ddof (needs m &gt; ddof). */
    static float[] std(List<float[]> xs, float[] mean, int ddof) {
        int m = xs.size();
        if (m <= ddof) throw new IllegalArgumentException("std with ddof " + ddof + " of " + m + " vectors");
        float[][] rows = xs.toArray(new float[0][]);
        float[] out = new float[mean.length];
        Chunks.forEach(mean.length, (from, to) -> {
            for (int e = from; e < to; e++) {
                double s = 0;
                for (int k = 0; k < m; k++) {
                    double t = rows[k][e] - mean[e];
                    s += t * t;
                }
                out[e] = (float) Math.sqrt(s / (m - ddof));
            }
        });
        return out;
    }

    /** sign(x) per coordinate, sign(0) = 0. */
    static float[] sign(float[] x) {
        float[] out = new float[x.length];
        for (int e = 0; e < x.length; e++) out[e] = Math.signum(x[e]);
        return out;
    }
}
