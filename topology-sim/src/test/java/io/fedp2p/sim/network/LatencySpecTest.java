package io.fedp2p.sim.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LatencySpecTest {
    @ParameterizedTest
    @ValueSource(
            strings = {"constant:20ms", "uniform:5ms:50ms", "normal:20ms:5ms", "lognormal:20ms:0.5", "exponential:20ms"
            })
    void formatParsesBackToAnEqualSpec(String text) {
        LatencySpec s = LatencySpec.parse(text);
        assertThat(s.format()).isEqualTo(text);
        assertThat(LatencySpec.parse(s.format())).isEqualTo(s);
    }

    @ParameterizedTest
    @ValueSource(strings = {"uniform:5ms:50ms", "normal:20ms:5ms", "lognormal:20ms:0.5", "exponential:20ms"})
    void drawsAreNonNegativeAndReproducible(String text) {
        LatencySpec s = LatencySpec.parse(text);
        SplittableRandom a = new SplittableRandom(7);
        SplittableRandom b = new SplittableRandom(7);
        double sum = 0;
        for (int i = 0; i < 2000; i++) {
            long x = s.drawNanos(a);
            assertThat(x).isGreaterThanOrEqualTo(0).isEqualTo(s.drawNanos(b));
            sum += x;
        }
        // every distribution here has its mean or median near 20-30 ms
        assertThat(sum / 2000 / 1e6).isBetween(10.0, 40.0);
    }

    @org.junit.jupiter.api.Test
    void bareDurationIsConstantAndUniformStaysInItsRange() {
        assertThat(LatencySpec.parse("15ms")).isEqualTo(new LatencySpec.Constant(Duration.ofMillis(15)));
        LatencySpec u = LatencySpec.parse("uniform:5ms:50ms");
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < 1000; i++) assertThat(u.drawNanos(r)).isBetween(5_000_000L, 50_000_000L);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"gamma:3ms", "uniform:5ms", "uniform:50ms:5ms", "lognormal:20ms:x", "lognormal:20ms:-1", "normal"
            })
    void badSpecsListTheValidForms(String text) {
        assertThatThrownBy(() -> LatencySpec.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("latency forms");
    }
}
