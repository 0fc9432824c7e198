package io.fedp2p.gossip.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VirtualClockTest {
    @Test
    void runsTasksInDueOrderAndTiesInSchedulingOrder() {
        VirtualClock c = new VirtualClock();
        List<String> log = new ArrayList<>();
        c.schedule(20, () -> log.add("b@" + c.nanos()));
        c.schedule(10, () -> log.add("a@" + c.nanos()));
        c.schedule(20, () -> log.add("c@" + c.nanos()));
        c.execute(() -> c.schedule(5, () -> log.add("d@" + c.nanos())));

        c.runUntilIdle(100);

        assertThat(log).containsExactly("d@5", "a@10", "b@20", "c@20");
    }

    @Test
    void runUntilStopsAtItsLimitEvenBehindCancelledTasks() {
        VirtualClock c = new VirtualClock();
        List<String> log = new ArrayList<>();
        c.schedule(10, () -> log.add("cancelled")).cancel();
        c.schedule(1_000, () -> log.add("late"));

        c.runUntil(500);

        assertThat(log).isEmpty();
        assertThat(c.nanos()).isEqualTo(500);
        c.runUntil(1_000);
        assertThat(log).containsExactly("late");
    }
}
