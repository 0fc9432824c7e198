package io.fedp2p.sim.topology;

import java.util.random.RandomGenerator;

/** Seeded uniform permutations (Fisher–Yates), the one shuffle this package uses. */
final class Permutations {
    private Permutations() {}

    /** A uniform permutation of {@code 0 .. n-1} drawn from {@code rng}. */
    static int[] uniform(int n, RandomGenerator rng) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
