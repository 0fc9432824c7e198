package io.fedp2p.sim.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.fedp2p.gossip.identity.Identity;
import io.fedp2p.gossip.identity.PeerId;
import io.fedp2p.gossip.protocol.PayloadEncoding;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NetworkModelTest {
    private static final List<PeerId> PEERS = List.of(peer(1), peer(2), peer(3));

    private static PeerId peer(int i) {
        byte[] seed = new byte[32];
        Arrays.fill(seed, (byte) i);
        return Identity.fromSeed(seed).peerId();
    }

    private static NetworkModel model(NetworkSettings s, long seed) {
        return new NetworkModel(s, PEERS::indexOf, PEERS.size(), new SplittableRandom(seed));
    }

    private static NetworkSettings settings(String latency, boolean fixed, double bandwidth, double loss) {
        return new NetworkSettings(
                LatencySpec.parse(latency), fixed, bandwidth, loss, PayloadEncoding.FLOAT32, true, false);
    }

    @Test
    void messagesOnOneLinkQueueBehindEachOtherAndOtherLinksDoNot() {
        NetworkModel m = model(settings("10ms", false, 1e6, 0), 1); // 1 MB/s: 1,000 bytes take 1 ms
        PeerId a = PEERS.get(0);
        PeerId b = PEERS.get(1);
        PeerId c = PEERS.get(2);
        assertThat(m.delayNanos(a, b, 1000, 0)).isEqualTo(11_000_000L);
        assertThat(m.delayNanos(a, b, 1000, 0)).isEqualTo(12_000_000L); // waits for the first transfer
        assertThat(m.delayNanos(a, c, 1000, 0)).isEqualTo(11_000_000L);
        assertThat(m.delayNanos(b, a, 1000, 0)).isEqualTo(11_000_000L); // the reverse direction is another link
        assertThat(m.delayNanos(a, b, 1000, 5_000_000L)).isEqualTo(11_000_000L); // the link is free again
    }

    @Test
    void infiniteBandwidthLeavesOnlyTheLatency() {
        NetworkModel m = model(settings("7ms", false, Double.POSITIVE_INFINITY, 0), 1);
        assertThat(m.delayNanos(PEERS.get(0), PEERS.get(1), 1 << 30, 0)).isEqualTo(7_000_000L);
        assertThat(m.delayNanos(PEERS.get(0), PEERS.get(1), 1 << 30, 0)).isEqualTo(7_000_000L);
    }

    @Test
    void lossDropsAboutTheGivenShareReproducibly() {
        NetworkModel m1 = model(settings("1ms", false, 1e9, 0.2), 42);
        NetworkModel m2 = model(settings("1ms", false, 1e9, 0.2), 42);
        int lost = 0;
        for (int i = 0; i < 5000; i++) {
            long d1 = m1.delayNanos(PEERS.get(0), PEERS.get(1), 100, i * 1_000_000L);
            assertThat(m2.delayNanos(PEERS.get(0), PEERS.get(1), 100, i * 1_000_000L))
                    .isEqualTo(d1);
            if (d1 < 0) lost++;
        }
        assertThat(lost).isBetween(900, 1100);
        assertThat(m1.lost()).isEqualTo(lost);
        assertThat(m1.delivered()).isEqualTo(5000 - lost);
    }

    @Test
    void fixedPerLinkLatencyIsDrawnOncePerDirectedLink() {
        NetworkModel m = model(settings("uniform:1ms:100ms", true, Double.POSITIVE_INFINITY, 0), 3);
        long ab = m.delayNanos(PEERS.get(0), PEERS.get(1), 10, 0);
        long ba = m.delayNanos(PEERS.get(1), PEERS.get(0), 10, 0);
        for (int i = 1; i < 20; i++) {
            assertThat(m.delayNanos(PEERS.get(0), PEERS.get(1), 10, i)).isEqualTo(ab);
            assertThat(m.delayNanos(PEERS.get(1), PEERS.get(0), 10, i)).isEqualTo(ba);
        }
        assertThat(ab).isNotEqualTo(ba);
        NetworkModel jitter = model(settings("uniform:1ms:100ms", false, Double.POSITIVE_INFINITY, 0), 3);
        long first = jitter.delayNanos(PEERS.get(0), PEERS.get(1), 10, 0);
        boolean varies = false;
        for (int i = 0; i < 20; i++) varies |= jitter.delayNanos(PEERS.get(0), PEERS.get(1), 10, 0) != first;
        assertThat(varies).isTrue();
    }

    @Test
    void settingsRefuseImpossibleValues() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> settings("1ms", false, 1e6, 1.0))
                .hasMessageContaining("loss");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> settings("1ms", false, 0, 0))
                .hasMessageContaining("bandwidth");
        assertThat(NetworkSettings.DEFAULTS.latency()).isEqualTo(new LatencySpec.Constant(Duration.ofMillis(10)));
    }
}
