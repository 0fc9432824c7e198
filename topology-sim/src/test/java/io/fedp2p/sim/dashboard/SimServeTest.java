package io.fedp2p.sim.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fedp2p.node.dashboard.ServeAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SimServeTest {
    @Test
    void parsesTheAddressAndTheRoundDelay() {
        SimServe s = SimServe.parse("127.0.0.1:8080", "250ms");

        assertThat(s.address()).isEqualTo(new ServeAddress("127.0.0.1", 8080));
        assertThat(s.roundDelay()).isEqualTo(Duration.ofMillis(250));
        assertThat(SimServe.parse(null, null)).isEqualTo(new SimServe(ServeAddress.DEFAULT, Duration.ZERO));
    }

    @Test
    void rejectsBadValuesNamingTheOption() {
        assertThatThrownBy(() -> SimServe.parse("8080", null)).hasMessageContaining("HOST:PORT");
        assertThatThrownBy(() -> SimServe.parse(null, "soon")).hasMessageContaining("--serve-round-delay");
        assertThatThrownBy(() -> SimServe.parse(null, "2h")).hasMessageContaining("at most 1m");
    }
}
