package io.fedp2p.node.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ServeAddressTest {
    @Test
    void parsesHostsPortsAndBracketedIpv6() {
        assertThat(ServeAddress.parse("127.0.0.1:8080")).isEqualTo(new ServeAddress("127.0.0.1", 8080));
        assertThat(ServeAddress.parse("[::1]:0")).isEqualTo(new ServeAddress("::1", 0));
        assertThat(ServeAddress.parse("localhost:9000").loopback()).isTrue();
    }

    @Test
    void rejectsMalformedAddressesNamingThem() {
        assertThatThrownBy(() -> ServeAddress.parse("8080")).hasMessageContaining("HOST:PORT");
        assertThatThrownBy(() -> ServeAddress.parse("host:http")).hasMessageContaining("port must be a number");
        assertThatThrownBy(() -> ServeAddress.parse("::1:80")).hasMessageContaining("brackets");
        assertThatThrownBy(() -> ServeAddress.parse("h:70000")).hasMessageContaining("out of range");
    }

    @Test
    void warnsOnlyWhenBoundBeyondLoopback() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(buf, true, StandardCharsets.UTF_8);

        boolean local = new ServeAddress("127.0.0.1", 0).warnIfExposed("--serve", err);
        boolean any = new ServeAddress("0.0.0.0", 8080).warnIfExposed("--serve", err);

        assertThat(local).isFalse();
        assertThat(any).isTrue();
        assertThat(buf.toString(StandardCharsets.UTF_8)).startsWith("WARNING: --serve 0.0.0.0:8080");
    }

    @Test
    void theUrlOfAWildcardBindPointsAtLoopback() {
        assertThat(new ServeAddress("0.0.0.0", 0).dashboardUrl(8080)).isEqualTo("http://127.0.0.1:8080/dashboard/");
        assertThat(new ServeAddress("::1", 0).dashboardUrl(81)).isEqualTo("http://[::1]:81/dashboard/");
    }
}
