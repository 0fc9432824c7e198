package io.fedp2p.gossip.peers;

import static org.assertj.core.api.Assertions.assertThat;

import io.fedp2p.gossip.fault.FaultKind;
import io.fedp2p.gossip.identity.Identity;
import io.fedp2p.gossip.identity.PeerId;
import io.fedp2p.gossip.multiaddr.Multiaddr;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PeersTest {
    private static PeerId peer(int n) {
        byte[] seed = new byte[32];
        Arrays.fill(seed, (byte) n);
        return Identity.fromSeed(seed).peerId();
    }

    private static final Multiaddr ADDR = Multiaddr.parse("/ip4/127.0.0.1/tcp/4001");

    @Test
    void dialCandidatesPreferBootstrapThenFewestFailuresAndRespectBackoff() {
        PeerStore s = new PeerStore(10, 2);
        s.learn(peer(1), List.of(ADDR), PeerStore.Source.PEX);
        s.learn(peer(2), List.of(ADDR), PeerStore.Source.BOOTSTRAP);
        s.learn(peer(3), List.of(ADDR), PeerStore.Source.PEX);
        s.dialFailed(peer(3), 0, Duration.ofSeconds(1), Duration.ofSeconds(60));

        assertThat(s.dialCandidates(0, p -> false, 10)).containsExactly(peer(2), peer(1));
        assertThat(s.dialCandidates(1_000_000_000L, p -> false, 10)).containsExactly(peer(2), peer(1), peer(3));
        s.dialFailed(peer(3), 1_000_000_000L, Duration.ofSeconds(1), Duration.ofSeconds(60));
        // second failure: wait 2 s
        assertThat(s.dialCandidates(2_900_000_000L, p -> false, 10)).doesNotContain(peer(3));
        assertThat(s.dialCandidates(3_000_000_000L, p -> false, 10)).contains(peer(3));
    }

    @Test
    void storeIsBoundedAndEvictsFailingPexPeersFirst() {
        PeerStore s = new PeerStore(2, 1);
        s.learn(peer(1), List.of(ADDR, Multiaddr.parse("/ip4/10.0.0.1/tcp/1")), PeerStore.Source.BOOTSTRAP);
        s.learn(peer(2), List.of(ADDR), PeerStore.Source.PEX);
        s.dialFailed(peer(2), 0, Duration.ofSeconds(1), Duration.ofSeconds(1));

        s.learn(peer(3), List.of(ADDR), PeerStore.Source.INBOUND);

        assertThat(s.knows(peer(2))).isFalse();
        assertThat(s.knows(peer(3))).isTrue();
        assertThat(s.addrs(peer(1))).hasSize(1);
    }

    @Test
    void scoresRecoverOverTimeAndBanAtTheThreshold() {
        PeerScorer scorer = new PeerScorer(PeerScorer.Policy.defaults());

        assertThat(scorer.penalise(peer(1), FaultKind.BAD_SIGNATURE, 0)).isFalse();
        assertThat(scorer.score(peer(1), 60_000_000_000L)).isEqualTo(-45.0); // -50 + 1 minute × 5
        assertThat(scorer.penalise(peer(1), FaultKind.BAD_SIGNATURE, 60_000_000_000L))
                .isFalse(); // -95
        assertThat(scorer.penalise(peer(1), FaultKind.TIMEOUT, 60_000_000_000L)).isTrue(); // -100
    }

    @Test
    void bansExpireAndALongerBanWins() {
        BanList bans = new BanList();
        Instant t0 = Instant.parse("2025-01-01T00:00:00Z");
        bans.ban(peer(1), "short", Duration.ofMinutes(1), t0);
        bans.ban(peer(1), "long", Duration.ofHours(1), t0);
        bans.ban(peer(1), "shorter again", Duration.ofMinutes(2), t0);

        assertThat(bans.active(peer(1), t0.plusSeconds(120)))
                .hasValueSatisfying(b -> assertThat(b.reason()).isEqualTo("long"));
        assertThat(bans.isBanned(peer(1), t0.plusSeconds(3600))).isFalse();
        assertThat(bans.snapshot(t0.plusSeconds(3600))).isEmpty();
    }

    @Test
    void rateLimiterRefillsAtItsRate() {
        long[] now = {0};
        RateLimiter limiter = new RateLimiter(2, 0.5, () -> now[0]);

        assertThat(limiter.tryAcquire(peer(1), 1)).isTrue();
        assertThat(limiter.tryAcquire(peer(1), 1)).isTrue();
        assertThat(limiter.tryAcquire(peer(1), 1)).isFalse();
        assertThat(limiter.tryAcquire(peer(2), 1)).isTrue();
        now[0] = 2_000_000_000L; // one token back after 2 s
        assertThat(limiter.tryAcquire(peer(1), 1)).isTrue();
        assertThat(limiter.tryAcquire(peer(1), 1)).isFalse();
    }

    @Test
    void dialableAddressesReplaceTheUnspecifiedIp() {
        List<Multiaddr> out = NeighbourManager.dialable(
                List.of(Multiaddr.parse("/ip4/0.0.0.0/tcp/4001"), Multiaddr.parse("/ip4/192.168.1.5/tcp/4002")),
                Multiaddr.parse("/ip4/10.1.2.3/tcp/55555"));

        assertThat(out)
                .containsExactly(
                        Multiaddr.parse("/ip4/10.1.2.3/tcp/4001"), Multiaddr.parse("/ip4/192.168.1.5/tcp/4002"));
    }
}
