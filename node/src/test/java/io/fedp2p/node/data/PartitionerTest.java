package io.fedp2p.node.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.fedp2p.node.SeedTree;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PartitionerTest {
    /** 5,000 samples, labels i mod 10 (balanced). */
    private static final int[] LABELS =
            IntStream.range(0, 5000).map(i -> i % 10).toArray();

    private static final int[] POOL = IntStream.range(0, 5000).toArray();

    private static Partition split(PartitionSpec spec, int nodes, long seed) {
        return Partitioner.split(spec, POOL, LABELS, 10, nodes, new SeedTree(seed).rng("partition", 0));
    }

    private static void assertIsAPartition(Partition p) {
        Set<Integer> seen = new HashSet<>();
        int total = 0;
        for (int i = 0; i < p.numNodes(); i++) {
            assertThat(p.size(i)).isPositive();
            for (int s : p.node(i)) assertThat(seen.add(s)).isTrue();
            total += p.size(i);
        }
        assertThat(total).isEqualTo(POOL.length);
    }

    @Test
    void iidGivesEqualSizesAndLowSkew() {
        Partition p = split(new PartitionSpec.Iid(), 10, 1);
        assertIsAPartition(p);
        for (int i = 0; i < 10; i++) assertThat(p.size(i)).isEqualTo(500);
        assertThat(p.meanLabelSkew(LABELS, 10)).isLessThan(0.1);
    }

    @Test
    void dirichletSkewGrowsAsAlphaShrinks() {
        double prev = -1;
        for (double alpha : new double[] {100, 1, 0.1}) {
            Partition p = split(new PartitionSpec.Dirichlet(alpha), 20, 2);
            assertIsAPartition(p);
            double skew = p.meanLabelSkew(LABELS, 10);
            assertThat(skew).isGreaterThan(prev);
            prev = skew;
        }
        assertThat(prev).isGreaterThan(0.5);
    }

    @Test
    void shardsGiveAboutKClassesPerNode() {
        Partition p = split(new PartitionSpec.Shards(2), 25, 3);
        assertIsAPartition(p);
        for (int i = 0; i < 25; i++) {
            long classes =
                    Arrays.stream(p.histogram(i, LABELS, 10)).filter(c -> c > 0).count();
            assertThat(classes).isBetween(1L, 4L); // two shards, each within one class or spanning a boundary
        }
    }

    @Test
    void quantitySkewVariesSizesButNotLabels() {
        Partition p = split(new PartitionSpec.QuantitySkew(0.5), 10, 4);
        assertIsAPartition(p);
        int[] sizes = IntStream.range(0, 10).map(p::size).toArray();
        assertThat(Arrays.stream(sizes).max().getAsInt())
                .isGreaterThan(2 * Arrays.stream(sizes).min().getAsInt());
    }

    @Test
    void sameSeedSamePartitionOtherSeedOther() {
        PartitionSpec spec = new PartitionSpec.Dirichlet(0.5);
        assertThat(split(spec, 8, 5).node(3)).containsExactly(split(spec, 8, 5).node(3));
        assertThat(split(spec, 8, 5).node(3)).isNotEqualTo(split(spec, 8, 6).node(3));
    }

    @Test
    void tinyAlphaWithManyNodesLeavesNoNodeEmpty() {
        assertIsAPartition(split(new PartitionSpec.Dirichlet(0.01), 1000, 7));
    }

    @Test
    void parsesTheCliForms() {
        assertThat(PartitionSpec.parse("iid")).isEqualTo(new PartitionSpec.Iid());
        assertThat(PartitionSpec.parse("dirichlet:0.3")).isEqualTo(new PartitionSpec.Dirichlet(0.3));
        assertThat(PartitionSpec.parse("shards:2")).isEqualTo(new PartitionSpec.Shards(2));
        assertThat(PartitionSpec.parse("quantity:1")).isEqualTo(new PartitionSpec.QuantitySkew(1));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PartitionSpec.parse("zipf:2"))
                .hasMessageContaining("valid: iid");
    }

    @Test
    void summaryHasSizesAndHistograms() {
        Partition p = split(new PartitionSpec.Shards(1), 10, 8);
        var json = p.summary(LABELS, 10);
        assertThat(json.get("nodes").asInt()).isEqualTo(10);
        assertThat(json.get("perNode").get(0).get("samples").asInt()).isEqualTo(500);
        assertThat(json.get("perNode").get(0).get("labels").size()).isEqualTo(10);
    }
}
