package io.fedp2p.sim.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DynamicTopologyTest {

    @Test
    void roundsOfOneEpochShareAGraphAndTheNextEpochResamples() {
        DynamicTopology d =
                DynamicTopology.resampled(new TopologySpec.RandomRegular(4), 50, 10, new SplittableRandom(3));

        assertThat(d.at(0)).isSameAs(d.at(9));
        assertThat(d.at(10)).isNotEqualTo(d.at(9));
        assertThat(d.at(10)).isEqualTo(d.at(19));
        assertThat(d.size()).isEqualTo(50);
    }

    @Test
    void anyRoundCanBeAskedInAnyOrderWithTheSameResult() {
        DynamicTopology forward =
                DynamicTopology.resampled(new TopologySpec.SmallWorld(4, 0.3), 40, 5, new SplittableRandom(8));
        DynamicTopology backward =
                DynamicTopology.resampled(new TopologySpec.SmallWorld(4, 0.3), 40, 5, new SplittableRandom(8));

        Topology late = backward.at(123);
        backward.at(0);

        assertThat(forward.at(0)).isEqualTo(backward.at(0));
        assertThat(forward.at(123)).isEqualTo(late);
    }

    @Test
    void otherSeedsGiveOtherSchedules() {
        DynamicTopology a =
                DynamicTopology.resampled(new TopologySpec.RandomRegular(3), 30, 1, new SplittableRandom(1));
        DynamicTopology b =
                DynamicTopology.resampled(new TopologySpec.RandomRegular(3), 30, 1, new SplittableRandom(2));

        assertThat(a.at(4)).isNotEqualTo(b.at(4));
    }

    @Test
    void structuredKindsAreRelabelledSoTheSpectrumStays() {
        DynamicTopology d = DynamicTopology.resampled(TopologySpec.Torus.SQUAREST, 36, 2, new SplittableRandom(4));
        double gap = MixingSpectrum.dense(TopologyGenerators.torus(6, 6)).gap();

        for (long round : new long[] {0, 2, 4}) {
            Topology t = d.at(round);
            assertThat(t.minDegree()).isEqualTo(4);
            assertThat(t.maxDegree()).isEqualTo(4);
            assertThat(MixingSpectrum.dense(t).gap()).isCloseTo(gap, within(1e-12));
        }
        assertThat(d.at(0)).isNotEqualTo(d.at(2));
    }

    @Test
    void fixedNeverChangesAndBadArgumentsAreRejected() {
        Topology ring = TopologyGenerators.ring(5);

        assertThat(DynamicTopology.fixed(ring).at(1_000_000)).isSameAs(ring);
        assertThatThrownBy(() -> DynamicTopology.fixed(ring).at(-1)).hasMessageContaining("negative round");
        assertThatThrownBy(() -> DynamicTopology.resampled(new TopologySpec.Ring(), 5, 0, new SplittableRandom(1)))
                .hasMessageContaining("period must be >= 1");
        assertThatThrownBy(() ->
                        DynamicTopology.resampled(new TopologySpec.RandomRegular(3), 5, 1, new SplittableRandom(1)))
                .hasMessageContaining("nodes x degree even");
    }
}
