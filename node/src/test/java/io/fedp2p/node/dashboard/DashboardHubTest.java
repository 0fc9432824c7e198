package io.fedp2p.node.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DashboardHubTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static DashboardHub hub() {
        return new DashboardHub(new RunInfo("sim", "t", null, 5, Map.of("seed", "1")));
    }

    private static RoundPoint point(long round, double acc) {
        return new RoundPoint(round, Stats.of(acc), Stats.of(1 - acc), 10, 1.5, 3, 1);
    }

    @Test
    void aLateSubscriberGetsEveryEarlierRoundInItsSnapshotAndOnlyLaterEventsAfterIt() throws Exception {
        DashboardHub hub = hub();
        hub.addRound(point(0, 0.3));
        hub.addRound(point(1, 0.5));
        List<String> events = new ArrayList<>();

        DashboardHub.Subscription sub = hub.subscribe((id, type, json) -> events.add(id + " " + type));
        hub.addRound(point(2, 0.7));

        JsonNode snap = JSON.readTree(sub.snapshotJson());
        assertThat(snap.path("rounds")).hasSize(2);
        assertThat(snap.path("rounds").get(1).path("accuracy").path("mean").asDouble())
                .isEqualTo(0.5);
        assertThat(events).containsExactly((sub.lastId() + 1) + " round");
    }

    @Test
    void unchangedStateEmitsNothingAndAReplayedRoundReplacesTheLaterOnes() {
        DashboardHub hub = hub();
        List<String> events = new ArrayList<>();
        hub.subscribe((id, type, json) -> events.add(type));
        List<GraphNode> nodes = List.of(new GraphNode("0", "0", false, false), new GraphNode("1", "1", true, false));

        hub.setTopology(nodes, List.of(new GraphEdge("0", "1", 0)));
        hub.setTopology(nodes, List.of(new GraphEdge("0", "1", 0)));
        hub.addRound(point(0, 0.1));
        hub.addRound(point(1, 0.2));
        hub.addRound(point(1, 0.25)); // a restarted node writes round 1 again

        assertThat(events).containsExactly("topology", "round", "round", "round");
        assertThat(hub.roundCount()).isEqualTo(2);
    }

    @Test
    void aSubscriberThatThrowsIsDroppedWithoutHurtingTheOthers() {
        DashboardHub hub = hub();
        List<String> good = new ArrayList<>();
        hub.subscribe((id, type, json) -> {
            throw new IllegalStateException("broken");
        });
        hub.subscribe((id, type, json) -> good.add(type));

        hub.addRound(point(0, 0.1));
        hub.finish();

        assertThat(good).containsExactly("round", "finished");
        assertThat(hub.subscribers()).isEqualTo(1);
    }

    @Test
    void cancellingASubscriptionStopsItsEvents() {
        DashboardHub hub = hub();
        List<String> events = new ArrayList<>();
        DashboardHub.Subscription sub = hub.subscribe((id, type, json) -> events.add(type));

        sub.cancel().run();
        hub.addRound(point(0, 0.1));

        assertThat(events).isEmpty();
        assertThat(hub.subscribers()).isZero();
    }

    @Test
    void statsSummariseOnlyFiniteValuesAndRejectDisorder() {
        // values 0.2, 0.4, NaN, 0.9: min 0.2, mean (0.2 + 0.4 + 0.9) / 3 = 0.5, max 0.9, count 3
        Stats s = Stats.over(new double[] {0.2, 0.4, Double.NaN, 0.9});

        assertThat(s.min()).isEqualTo(0.2);
        assertThat(s.mean()).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(s.max()).isEqualTo(0.9);
        assertThat(s.count()).isEqualTo(3);
        assertThat(Stats.over(new double[] {Double.NaN})).isNull();
        assertThat(Stats.of(Double.POSITIVE_INFINITY)).isNull();
        assertThatThrownBy(() -> new Stats(0.5, 0.4, 0.6, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void marksRejectReputationsOutsideTheUnitInterval() {
        assertThatThrownBy(() -> new NodeMark("a", 1.5, false, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[0, 1]");
        assertThatThrownBy(() -> new RunInfo("cluster", "t", null, 0, Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
