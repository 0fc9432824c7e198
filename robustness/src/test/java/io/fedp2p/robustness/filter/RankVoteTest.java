package io.fedp2p.robustness.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** ALGORITHMS.md §3.2 (Borda vote), §3.8.2 (ties), §3.9a (W-weighted), §3.4 (reversal). */
class RankVoteTest {

    @Test
    void bordaCountKnownAnswer() {
        // positions: u1 (0,1,2,3), u2 = [1,0,2,3] -> (1,0,2,3), u3 = [3,2,1,0] -> (3,2,1,0); V = (4,3,5,6)
        int[] g = RankVote.weightedBorda(
                List.of(new int[] {0, 1, 2, 3}, new int[] {1, 0, 2, 3}, new int[] {3, 2, 1, 0}),
                new double[] {1, 1, 1});

        assertThat(g).containsExactly(1, 0, 2, 3);
    }

    @Test
    void weightedVoteWithATieBrokenByEdgeId() {
        // V = 0.5·(0,1,2,3) + 0.25·(1,0,2,3) + 0.25·(3,2,1,0) = (1, 1, 1.75, 2.25): edges 0 and 1 tie -> 0 first
        int[] g = RankVote.weightedBorda(
                List.of(new int[] {0, 1, 2, 3}, new int[] {1, 0, 2, 3}, new int[] {3, 2, 1, 0}),
                new double[] {0.5, 0.25, 0.25});

        assertThat(g).containsExactly(0, 1, 2, 3);
    }

    @Test
    void oneVoterMovesAnEdgeByAtMostItsWeightTimesNMinusOne() {
        int[] honest = {0, 1, 2, 3, 4};
        int[] g = RankVote.weightedBorda(List.of(honest, honest, RankVote.reverse(honest)), new double[] {1, 1, 1});

        assertThat(g).containsExactly(honest);
    }

    @Test
    void rankingsScoresAndReversal() {
        assertThat(RankVote.rankingOf(new float[] {0.5f, -1f, 2f})).containsExactly(1, 0, 2);
        assertThat(RankVote.reverse(new int[] {1, 0, 2})).containsExactly(2, 0, 1);
        // s[G[p]] = v[p]
        assertThat(RankVote.scoresFromRanking(new int[] {2, 0, 1}, new float[] {-1f, 0f, 1f}))
                .containsExactly(0f, 1f, -1f);
    }

    @Test
    void rejectsRankingsThatAreNoPermutation() {
        assertThatThrownBy(() -> RankVote.weightedBorda(List.of(new int[] {0, 0}), new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no permutation");
    }
}
