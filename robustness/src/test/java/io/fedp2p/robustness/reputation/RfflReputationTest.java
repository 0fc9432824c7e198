package io.fedp2p.robustness.reputation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fedp2p.robustness.NeighbourState;
import io.fedp2p.robustness.PeerKey;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** ALGORITHMS.md §4.1, §4.6.1, §4.6.2, §4.6.4. */
class RfflReputationTest {
    static final PeerKey A = PeerKey.of("a");
    static final PeerKey B = PeerKey.of("b");
    static final PeerKey C = PeerKey.of("c");
    static final PeerKey D = PeerKey.of("d");

    static Map<PeerKey, Double> psi(double a, double b, double c) {
        return new TreeMap<>(Map.of(A, a, B, b, C, c));
    }

    static double r(RfflReputation.Update u, PeerKey k) {
        return u.neighbours().get(k).reputation();
    }

    @Test
    void firstRoundGivesPsiOverItsSum() {
        // r starts at 0: r = 0.05·ψ, normalised -> ψ/Σψ
        RfflReputation.Update u = new RfflReputation(RfflConfig.DEFAULTS).update(0, Map.of(), psi(0.6, 0.3, 0.1));

        assertThat(r(u, A)).isCloseTo(0.6, within(1e-12));
        assertThat(r(u, B)).isCloseTo(0.3, within(1e-12));
        assertThat(r(u, C)).isCloseTo(0.1, within(1e-12));
        assertThat(u.removed()).isEmpty();
        assertThat(u.neighbours().get(A).graceUntilRound()).isEqualTo(10);
    }

    @Test
    void negativeReputationsAreClampedAndAllZeroMeansUniform() {
        RfflReputation rffl = new RfflReputation(RfflConfig.DEFAULTS);

        RfflReputation.Update u = rffl.update(0, Map.of(), psi(0.5, -0.5, -0.1));
        assertThat(r(u, A)).isEqualTo(1.0);
        assertThat(r(u, B)).isZero();

        RfflReputation.Update zero = rffl.update(0, Map.of(), psi(-1, -1, -1));
        assertThat(r(zero, A)).isCloseTo(1.0 / 3, within(1e-12));
    }

    @Test
    void belowThresholdAfterGraceIsRemovedAndTheRestRenormalised() {
        // grace 0: ψ = (.5, .5, .01) -> r = (.495, .495, .0099); β = (1/3)/3 = .111 -> c removed
        RfflReputation rffl = new RfflReputation(RfflConfig.DEFAULTS.withGraceRounds(0));

        RfflReputation.Update u = rffl.update(3, Map.of(), psi(0.5, 0.5, 0.01));

        assertThat(u.removed()).containsExactly(C);
        assertThat(u.neighbours().get(C).status()).isEqualTo(NeighbourState.Status.BANNED);
        assertThat(u.neighbours().get(C).bannedUntilRound()).isEqualTo(3 + 1 + 50);
        assertThat(r(u, A)).isCloseTo(0.5, within(1e-12));
        assertThat(u.neighbours().get(C).isBanned(53)).isTrue();
        assertThat(u.neighbours().get(C).isBanned(54)).isFalse();
    }

    @Test
    void theAlphaUpdateDecaysTowardsTheNewContribution() {
        Map<PeerKey, NeighbourState> prev =
                new TreeMap<>(Map.of(A, NeighbourState.joined(0.5, 0, 10), B, NeighbourState.joined(0.5, 0, 10)));

        RfflReputation.Update u =
                new RfflReputation(RfflConfig.DEFAULTS).update(1, prev, new TreeMap<>(Map.of(A, 1.0, B, 0.0)));

        // A: .95·.5 + .05·1 = .525, B: .475 -> sum 1
        assertThat(r(u, A)).isCloseTo(0.525, within(1e-12));
        assertThat(r(u, B)).isCloseTo(0.475, within(1e-12));
    }

    @Test
    void lateJoinerEntersAtTheMedianWithItsOwnGracePeriod() {
        Map<PeerKey, NeighbourState> prev = new TreeMap<>(Map.of(
                A,
                NeighbourState.joined(0.2, 0, 10),
                B,
                NeighbourState.joined(0.3, 0, 10),
                C,
                NeighbourState.joined(0.5, 0, 10)));

        RfflReputation.Update u =
                new RfflReputation(RfflConfig.DEFAULTS.withAlpha(0.5)).update(20, prev, new TreeMap<>(Map.of(D, 0.3)));

        // D enters at median 0.3, then 0.5·0.3 + 0.5·0.3 = 0.3; sum 0.2+0.3+0.5+0.3 = 1.3
        assertThat(r(u, D)).isCloseTo(0.3 / 1.3, within(1e-12));
        assertThat(u.neighbours().get(D).graceUntilRound()).isEqualTo(30);
        assertThat(u.removed()).doesNotContain(D);
    }

    @Test
    void anExpiredBanIsProbedAtTheThresholdWithoutGrace() {
        Map<PeerKey, NeighbourState> prev = new TreeMap<>(Map.of(
                A,
                NeighbourState.joined(0.5, 0, 0),
                B,
                NeighbourState.joined(0.5, 0, 0),
                C,
                NeighbourState.joined(0, 0, 0).banned(5)));
        RfflReputation rffl = new RfflReputation(RfflConfig.DEFAULTS);

        // still banned at round 4: its ψ is ignored
        assertThat(rffl.update(4, prev, psi(0.5, 0.5, 1.0)).neighbours().get(C).status())
                .isEqualTo(NeighbourState.Status.BANNED);
        // round 5: re-admitted at β = (1/3)/3; a poor contribution removes it again at once
        RfflReputation.Update bad = rffl.update(5, prev, psi(0.5, 0.5, -1.0));
        assertThat(bad.removed()).containsExactly(C);
        RfflReputation.Update good = rffl.update(5, prev, psi(0.5, 0.5, 1.0));
        assertThat(good.neighbours().get(C).status()).isEqualTo(NeighbourState.Status.ACTIVE);
        assertThat(good.removed()).isEmpty();
    }

    @Test
    void rewardFractionUsesTheAltruismTransformOnly() {
        assertThat(RfflReputation.rewardFraction(0.5, 1, 2)).isCloseTo(Math.tanh(1) / Math.tanh(2), within(1e-12));
        assertThat(RfflReputation.rewardFraction(0.5, 1, 0)).isEqualTo(0.5);
        assertThat(RfflReputation.rewardFraction(1, 1, 2)).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void issue4ExactCarriesTheTransformIntoR() {
        RfflReputation.Update u =
                new RfflReputation(RfflConfig.DEFAULTS.withIssue4Exact(true)).update(0, Map.of(), psi(0.6, 0.3, 0.1));

        // r = (.6,.3,.1) -> r/max = (1, .5, 1/6) -> tanh(2·) normalised by tanh(2)
        assertThat(r(u, A)).isCloseTo(1.0, within(1e-12));
        assertThat(r(u, B)).isCloseTo(Math.tanh(1) / Math.tanh(2), within(1e-12));
    }
}
