package io.fedp2p.robustness.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;

/**
 * The influence bounds of FRL's vote (ALGORITHMS.md §3.2, §3.9a): one voter of weight w moves each edge's Borda sum
 * by at most {@code w·(n − 1)}, a reversal reaches that bound at the voter's extreme edges, and a unanimous honest
 * weight above the reversing weight keeps the honest ranking exactly (FRL's majority argument).
 */
class RankVotePropertyTest {
    private static int[] permutation(int n, SplittableRandom rng) {
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

    @Property(tries = 200)
    void replacingOneVoterMovesEveryEdgeByAtMostItsWeightTimesNMinusOne(
            @ForAll @IntRange(min = 2, max = 40) int n,
            @ForAll @IntRange(min = 1, max = 6) int voters,
            @ForAll long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<int[]> rankings = new ArrayList<>();
        double[] w = new double[voters];
        for (int u = 0; u < voters; u++) {
            rankings.add(permutation(n, rng));
            w[u] = rng.nextDouble();
        }
        int k = rng.nextInt(voters);
        List<int[]> replaced = new ArrayList<>(rankings);
        replaced.set(k, permutation(n, rng));
        List<int[]> reversed = new ArrayList<>(rankings);
        reversed.set(k, RankVote.reverse(rankings.get(k)));

        double[] v = RankVote.weightedScores(rankings, w);
        double[] vr = RankVote.weightedScores(replaced, w);
        double[] vrev = RankVote.weightedScores(reversed, w);

        double bound = w[k] * (n - 1) + 1e-9;
        for (int e = 0; e < n; e++) {
            assertThat(Math.abs(vr[e] - v[e])).isLessThanOrEqualTo(bound);
            assertThat(Math.abs(vrev[e] - v[e])).isLessThanOrEqualTo(bound);
        }
        int top = rankings.get(k)[n - 1];
        int bottom = rankings.get(k)[0];
        assertThat(v[top] - vrev[top]).isCloseTo(w[k] * (n - 1), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(vrev[bottom] - v[bottom]).isCloseTo(w[k] * (n - 1), org.assertj.core.data.Offset.offset(1e-9));
    }

    @Property(tries = 200)
    void aUnanimousHonestMajorityOutvotesAnyReversal(
            @ForAll @IntRange(min = 2, max = 40) int n,
            @ForAll @DoubleRange(min = 0.0, max = 0.499) @Scale(4) double malicious,
            @ForAll long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int[] honest = permutation(n, rng);
        // the honest weight 1 − malicious is split over three voters that all hold the honest ranking
        double h = (1 - malicious) / 3;

        int[] g = RankVote.weightedBorda(
                List.of(honest, honest, honest, RankVote.reverse(honest)), new double[] {h, h, h, malicious});

        assertThat(g).containsExactly(honest);
    }

    @Property(tries = 100)
    void aReversingMajorityReversesTheRanking(
            @ForAll @IntRange(min = 2, max = 40) int n,
            @ForAll @DoubleRange(min = 0.501, max = 1.0) @Scale(4) double malicious,
            @ForAll long seed) {
        int[] honest = permutation(n, new SplittableRandom(seed));

        int[] g = RankVote.weightedBorda(
                List.of(honest, RankVote.reverse(honest)), new double[] {1 - malicious, malicious});

        assertThat(g).containsExactly(RankVote.reverse(honest));
    }
}
