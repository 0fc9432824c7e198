package io.fedp2p.robustness.attack;

import io.fedp2p.robustness.filter.RankVote;
import io.fedp2p.robustness.vector.ArgSort;
import java.util.Arrays;
import java.util.List;

/**
 * {@code rank-reversal} (FRL; ALGORITHMS.md §3.4, §6.10). The colluders train honestly; the plain Borda vote of their
 * honest updates' rankings gives their consensus order, and every colluder uploads the <em>reverse</em>: for
 * continuous updates (§3.9b), the update that puts the own update's sorted values back in reverse consensus order, so
 * the coordinates honest nodes push up most get the most negative values. The value multiset is unchanged, so the
 * update has the honest norm and passes norm checks. For FRL-native rankings use {@link RankVote#reverse(int[])}.
 */
public final class RankReversalAttack implements Attack {
    @Override
    public String name() {
        return "rank-reversal";
    }

    @Override
    public Knowledge knowledge() {
        return Knowledge.OWN;
    }

    @Override
    public ForgedMessage forge(AttackContext ctx) {
        List<float[]> colluders = ctx.colluderUpdates();
        int d = ctx.dimension();
        List<int[]> rankings = colluders.stream().map(RankVote::rankingOf).toList();
        double[] ones = new double[rankings.size()];
        Arrays.fill(ones, 1);
        int[] consensus = RankVote.weightedBorda(rankings, ones);
        float[] own = ctx.ownUpdate();
        int[] ownOrder = ArgSort.ascending(own);
        float[] reversed = new float[d];
        for (int p = 0; p < d; p++) reversed[consensus[p]] = own[ownOrder[d - 1 - p]];
        return ForgedMessage.ofUpdate(ctx.reference(), reversed, List.of());
    }
}
