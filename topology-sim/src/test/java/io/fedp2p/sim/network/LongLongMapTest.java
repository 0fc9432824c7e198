package io.fedp2p.sim.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LongLongMapTest {
    @Test
    void behavesLikeAHashMapThroughGrowth() {
        LongLongMap m = new LongLongMap();
        Map<Long, Long> ref = new HashMap<>();
        SplittableRandom r = new SplittableRandom(5);
        for (int i = 0; i < 20_000; i++) {
            long k = r.nextLong(50_000) - 25_000;
            long v = r.nextLong();
            m.put(k, v);
            ref.put(k, v);
        }
        assertThat(m.size()).isEqualTo(ref.size());
        for (long k = -26_000; k < 26_000; k++) assertThat(m.get(k, -7)).isEqualTo(ref.getOrDefault(k, -7L));
    }
}
