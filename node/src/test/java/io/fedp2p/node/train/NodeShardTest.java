package io.fedp2p.node.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class NodeShardTest {
    @Test
    void everyClassWithASampleIsFamiliarHoweverRare() {
        // 97 samples of class 0, 2 of class 2, 1 of class 3, none of class 1: a Dirichlet-skewed shard
        assertThat(NodeShard.familiarClasses(new int[] {97, 0, 2, 1})).containsExactly(0, 2, 3);
        assertThat(NodeShard.familiarClasses(new int[] {0, 0, 5})).containsExactly(2);
    }

    @Test
    void validationSliceHoldsKappaEntriesOfEveryPresentClass() {
        // training entries 0..99 (labels: 97 × class 0, then classes 2, 2, 3), validation pool 100..139 (10 per class)
        int[] labels = new int[140];
        labels[97] = 2;
        labels[98] = 2;
        labels[99] = 3;
        for (int i = 100; i < 140; i++) labels[i] = (i - 100) / 10;
        int[] samples = IntStream.range(0, 100).toArray();
        int[] pool = IntStream.range(100, 140).toArray();
        NodeShard shard =
                new NodeShard(0, samples, new int[] {97, 0, 2, 1}, labels, pool, 4, y -> y, new SplittableRandom(3));
        assertThat(shard.familiar()).containsExactly(0, 2, 3);
        EvalSet v = shard.validation();
        int[] perClass = new int[4];
        for (int i = 0; i < v.size(); i++) perClass[labels[v.index(i)]]++;
        assertThat(perClass).containsExactly(4, 0, 4, 4);
    }
}
