package io.fedp2p.sim.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class QuantitiesTest {
    @ParameterizedTest
    @CsvSource({
        "20ms, 20000000",
        "1.5s, 1500000000",
        "2, 2000000000",
        "500us, 500000",
        "2m, 120000000000",
        "7ns, 7",
        "1h, 3600000000000",
        "0, 0"
    })
    void durationsInEveryUnit(String text, long nanos) {
        assertThat(Quantities.duration(text)).isEqualTo(Duration.ofNanos(nanos));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ms", "20 parsecs", "-5ms", "1e30s", "fast"})
    void badDurationsNameTheText(String text) {
        assertThatThrownBy(() -> Quantities.duration(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({
        "100Mbit/s, 12500000",
        "1Gbps, 125000000",
        "12.5MB/s, 12500000",
        "800, 800",
        "8kbit/s, 1000",
        "2kB/s, 2000",
        "1MB, 1000000"
    })
    void bandwidthsInBytesPerSecond(String text, double bytesPerSecond) {
        assertThat(Quantities.bandwidth(text)).isEqualTo(bytesPerSecond);
    }

    @Test
    void infiniteAndInvalidBandwidths() {
        assertThat(Quantities.bandwidth("inf")).isInfinite();
        assertThatThrownBy(() -> Quantities.bandwidth("0")).hasMessageContaining("> 0");
        assertThatThrownBy(() -> Quantities.bandwidth("10 furlongs")).hasMessageContaining("bad bandwidth");
    }

    @Test
    void formatPicksTheLargestExactUnit() {
        assertThat(Quantities.format(Duration.ofMillis(20))).isEqualTo("20ms");
        assertThat(Quantities.format(Duration.ofSeconds(3))).isEqualTo("3s");
        assertThat(Quantities.format(Duration.ofNanos(1500))).isEqualTo("1500ns");
        assertThat(Quantities.duration(Quantities.format(Duration.ofMillis(1500))))
                .isEqualTo(Duration.ofMillis(1500));
    }
}
