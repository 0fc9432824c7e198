package io.fedp2p.robustness.aggregate;

import static io.fedp2p.robustness.TestVectors.scalars;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fedp2p.robustness.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ALGORITHMS.md §5.3: Blanchard's m−f−2 nearest others, squared distances, Multi-Krum a mean. */
class KrumTest extends AggregatorContract {
    static final List<float[]> SEVEN = scalars(3.2, 2.7, 5.6, 0.2, 4.4, 3.7, 0.2);

    Aggregator create() {
        return new Krum(1);
    }

    @Test
    void selectsBlanchardsChoiceWhereImplementationsDisagree() {
        // m = 7, f = 1: 4 nearest others, squared. Scores: 3.2 -> .25+.25+1.44+5.76 = 7.70;
        // 2.7 -> .25+1+2.89+6.25 = 10.39; 4.4 -> .49+1.44+1.44+2.89 = 6.26; 3.7 -> .25+.49+1+3.61 = 5.35.
        // byzfl's m−f−1 = 5 neighbours would pick 2.7, ClippedGossip's 4th powers 4.4, Bristle's 3.2.
        Aggregate out = new Krum(1).aggregate(VectorSet.uniform(SEVEN, -1));

        assertThat(out.vector()).containsExactly(3.7f);
        assertThat(out.accepted()).containsExactly(5);
        assertThat(out.scores()[5]).isCloseTo(5.35, org.assertj.core.api.Assertions.within(1e-5));
        assertThat(out.verdict(0)).isEqualTo(Verdict.KRUM_NOT_SELECTED);
    }

    @Test
    void theNeighbourCountIsWhatPinsTheChoice() {
        // the same points scored with one more neighbour (byzfl's m−f−1) pick 2.7: the pinned count matters.
        double[][] sq = io.fedp2p.robustness.vector.Vectors.pairwiseSquaredDistances(SEVEN);
        double[] byzfl = KrumScores.scores(sq, KrumScores.all(7), 0); // f = 0 -> m−f−2 = 5 = byzfl's m−1−1

        assertThat(SEVEN.get(KrumScores.argmin(byzfl))[0]).isEqualTo(2.7f);
    }

    @Test
    void styleGuideExample() {
        // {0, 1, 2, 10, 100}, f = 1, 2 neighbours: 0 -> 1+4, 1 -> 1+1, 2 -> 1+4 -> selects 1
        assertThat(new Krum(1)
                        .aggregate(VectorSet.uniform(scalars(0, 1, 2, 10, 100), -1))
                        .vector())
                .containsExactly(1f);
    }

    @Test
    void refusesTooFewVectorsNamingMAndF() {
        assertThatThrownBy(() -> new Krum(1).aggregate(VectorSet.uniform(scalars(1, 2, 3, 4), -1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("m = 4")
                .hasMessageContaining("f = 1");
    }

    @Test
    void multiKrumAveragesTheMLowestScores() {
        // scores of SEVEN: 7.70, 10.39, 19.22, 27.5, 6.26, 5.35, 27.5 -> M = m − f = 6 drops the last 0.2 (index 6
        // ties index 3 at 27.5; the lower index wins): mean(3.2, 2.7, 5.6, 0.2, 4.4, 3.7) = 19.8/6 = 3.3
        Aggregate out = new MultiKrum(1, 0).aggregate(VectorSet.uniform(SEVEN, -1));

        assertThat(out.accepted()).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(out.vector()[0]).isCloseTo(3.3f, org.assertj.core.api.Assertions.within(1e-6f));
    }

    @Test
    void multiKrumWithExplicitM() {
        // the two lowest scores: 3.7 and 4.4 -> 4.05
        Aggregate out = new MultiKrum(1, 2).aggregate(VectorSet.uniform(SEVEN, -1));

        assertThat(out.accepted()).containsExactly(4, 5);
        assertThat(out.vector()[0]).isCloseTo(4.05f, org.assertj.core.api.Assertions.within(1e-6f));
    }

    @Test
    void iterativeMultiKrumReScoresAfterEachPick() {
        // m = 7, f = 1: picks while more than 2f + 2 = 4 remain -> 3 picks.
        // round 1 (4 neighbours): 3.7. Round 2 on {3.2, 2.7, 5.6, 0.2, 4.4, 0.2}, 3 neighbours:
        // 3.2 -> .25+1.44+5.76 = 7.45, 4.4 -> 1.44+1.44+2.89 = 5.77, 2.7 -> .25+2.89+6.25 = 9.39 -> 4.4.
        // Round 3 on {3.2, 2.7, 5.6, 0.2, 0.2}, 2 neighbours: 3.2 -> .25+5.76 = 6.01, 2.7 -> .25+6.25 = 6.5,
        // 0.2 -> 0+6.25 = 6.25 -> 3.2. Mean(3.7, 4.4, 3.2) = 3.7667.
        Aggregate out = new IterativeMultiKrum(1).aggregate(VectorSet.uniform(SEVEN, -1));

        assertThat(out.accepted()).containsExactly(0, 4, 5);
        assertThat(out.vector()[0]).isCloseTo(3.7666667f, org.assertj.core.api.Assertions.within(1e-5f));
    }
}
