package io.fedp2p.robustness.defence;

import io.fedp2p.robustness.Candidate;
import io.fedp2p.robustness.PeerKey;
import io.fedp2p.robustness.RoundInput;
import io.fedp2p.robustness.TestVectors;
import io.fedp2p.robustness.vector.Vectors;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Synthetic neighbourhoods: a shared round-start model θ0 and honest deltas Δ_k = c·g + noise that agree in direction
 * (g common), so honest peers look alike and attackers can be told apart.
 */
final class Rounds {
    final RandomGenerator rng;
    final int d;
    final float[] start;
    final float[] direction;

    Rounds(long seed, int d) {
        this.rng = TestVectors.rng(seed);
        this.d = d;
        this.start = TestVectors.gaussian(rng, d, 0, 1);
        this.direction = TestVectors.gaussian(rng, d, 0, 1);
    }

    /** An honest delta: 0.1·(direction + 0.5·noise). */
    float[] honestDelta() {
        float[] noise = TestVectors.gaussian(rng, d, 0, 0.5);
        return Vectors.scale(Vectors.addScaled(direction, 1, noise), 0.1);
    }

    static PeerKey key(int k) {
        return PeerKey.of(String.format("p%02d", k));
    }

    static Candidate candidate(int k, float[] start, float[] delta, double w) {
        return Candidate.withDelta(key(k), Vectors.addScaled(start, 1, delta), delta, w);
    }

    /** Own node plus {@code honest} honest neighbours and the given extra deltas, all with weight 1/(n+1). */
    RoundInput input(long round, int honest, List<float[]> attackerDeltas) {
        int n = honest + attackerDeltas.size();
        double w = 1.0 / (n + 1);
        float[] own = honestDelta();
        List<Candidate> cs = new ArrayList<>();
        for (int k = 0; k < honest; k++) cs.add(candidate(k, start, honestDelta(), w));
        for (int a = 0; a < attackerDeltas.size(); a++) cs.add(candidate(honest + a, start, attackerDeltas.get(a), w));
        return new RoundInput(round, Vectors.addScaled(start, 1, own), own, cs);
    }
}
