package io.fedp2p.gossip.yamux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fedp2p.gossip.fault.PeerFault;
import org.junit.jupiter.api.Test;

class ReceiveWindowTest {
    private static final int KIB = 1024;

    @Test
    void growsToTheMaximumWhileTheReaderKeepsUpAndNoFurther() {
        ReceiveWindow w = new ReceiveWindow(1024 * KIB);
        long credit = 256 * KIB;
        long[] grants = new long[5];
        for (int i = 0; i < grants.length; i++) {
            long used = credit; // the peer uses all it may, the reader consumes it all
            w.onData(1, (int) used);
            grants[i] = w.grant(0);
            credit = grants[i];
        }
        // window 256 KiB -> 512 -> 1024 (max): each grant gives back what was used plus the growth
        assertThat(grants).containsExactly(512L * KIB, 1024L * KIB, 1024L * KIB, 1024L * KIB, 1024L * KIB);
    }

    @Test
    void grantsNothingBeforeHalfTheWindowIsFree() {
        ReceiveWindow w = new ReceiveWindow(1024 * KIB);
        w.onData(1, 100 * KIB);

        assertThat(w.grant(0)).isZero();
    }

    @Test
    void anUnreadBacklogStopsGrowthAndGrantsOnlyWhatWasConsumed() {
        ReceiveWindow w = new ReceiveWindow(1024 * KIB);
        w.onData(1, 256 * KIB);

        assertThat(w.grant(256 * KIB)).isZero(); // nothing consumed yet
        assertThat(w.grant(100 * KIB)).isEqualTo(156L * KIB); // consumed, but a backlog remains: no growth
        assertThatThrownBy(() -> w.onData(1, 156 * KIB + 1)).isInstanceOf(PeerFault.class);
    }
}
