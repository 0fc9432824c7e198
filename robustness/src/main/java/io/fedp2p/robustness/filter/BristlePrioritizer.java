package io.fedp2p.robustness.filter;

import io.fedp2p.robustness.vector.RobustStats;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Bristle's distance-based prioritizer (Verbraeken, de Vos, Pouwelse 2021; ALGORITHMS.md §2.2). Candidates are sorted
 * by their distance to the own model (ties by candidate order) and split into near = the first ⌊|R|/3⌋, mid = up to
 * index ⌊2|R|/3⌋, far = the rest (fedp2p resolution §2.8 #3: the remainder goes to far). From each group it samples,
 * uniformly without replacement (§2.8 #2), round((1−α)²N), round(2α(1−α)N) and round(α²N) models, rounding half to
 * even; a short group is not refilled. If |R| &lt; N everything is kept (fedp2p resolution, from the Python port). With
 * α = 0.4, N = 10: 4, 5, 2, so |R| = 10…13 keeps 8, 9, 10, 10 and |R| ≥ 14 keeps 11.
 */
public final class BristlePrioritizer {
    private BristlePrioritizer() {}

    /** Indices into {@code distances} of the kept candidates, ascending. */
    public static int[] select(double[] distances, PrioritizerConfig config, RandomGenerator rng) {
        int n = distances.length;
        Integer[] order = new Integer[n];
        for (int k = 0; k < n; k++) order[k] = k;
        Arrays.sort(
                order,
                (a, b) -> distances[a] != distances[b]
                        ? Double.compare(distances[a], distances[b])
                        : Integer.compare(a, b));
        List<Integer> kept = new ArrayList<>();
        switch (config.variant()) {
            case ALPHA -> {
                if (n < config.keep()) return all(n);
                int nearEnd = n / 3;
                int midEnd = 2 * n / 3;
                double a = config.alpha();
                int nNear = RobustStats.roundHalfEven((1 - a) * (1 - a) * config.keep());
                int nMid = RobustStats.roundHalfEven(2 * a * (1 - a) * config.keep());
                int nFar = RobustStats.roundHalfEven(a * a * config.keep());
                kept.addAll(sample(order, 0, nearEnd, nNear, rng));
                kept.addAll(sample(order, nearEnd, midEnd, nMid, rng));
                kept.addAll(sample(order, midEnd, n, nFar, rng));
            }
            case NEAREST_RANDOM -> {
                if (n <= config.nearest()) return all(n);
                kept.addAll(Arrays.asList(order).subList(0, config.nearest()));
                kept.addAll(sample(order, config.nearest(), n, config.random(), rng));
            }
            case RANDOM -> {
                if (n <= config.keep()) return all(n);
                kept.addAll(sample(order, 0, n, config.keep(), rng));
            }
        }
        return kept.stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    /** Group sizes (near, mid, far) and per-group quotas for |R| = n; for documentation and tests. */
    public static int[] quotas(PrioritizerConfig config) {
        double a = config.alpha();
        return new int[] {
            RobustStats.roundHalfEven((1 - a) * (1 - a) * config.keep()),
            RobustStats.roundHalfEven(2 * a * (1 - a) * config.keep()),
            RobustStats.roundHalfEven(a * a * config.keep())
        };
    }

    /** min(count, to − from) items of order[from, to), by a partial Fisher–Yates shuffle. */
    private static List<Integer> sample(Integer[] order, int from, int to, int count, RandomGenerator rng) {
        int size = to - from;
        int take = Math.min(count, size);
        int[] pool = new int[size];
        for (int k = 0; k < size; k++) pool[k] = order[from + k];
        List<Integer> out = new ArrayList<>(take);
        for (int k = 0; k < take; k++) {
            int j = k + rng.nextInt(size - k);
            int t = pool[k];
            pool[k] = pool[j];
            pool[j] = t;
            out.add(pool[k]);
        }
        return out;
    }

    private static int[] all(int n) {
        int[] a = new int[n];
        for (int k = 0; k < n; k++) a[k] = k;
        return a;
    }
}
