package io.fedp2p.examples.netem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** An echo server behind the relay: every byte comes back intact, and never before two one-way delays. */
class DelayRelayTest {
    @Test
    void bytesComeBackIntactAndNoEarlierThanTwoDelays() throws Exception {
        try (ServerSocket echo = new ServerSocket(0, 8, InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> {
                try (Socket s = echo.accept()) {
                    s.getInputStream().transferTo(s.getOutputStream());
                } catch (Exception e) {
                    // the test closes it
                }
            });
            t.setDaemon(true);
            t.start();
            InetSocketAddress target = new InetSocketAddress(InetAddress.getLoopbackAddress(), echo.getLocalPort());
            try (DelayRelay relay = DelayRelay.start(
                            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), target, Duration.ofMillis(60));
                    Socket c = new Socket()) {
                c.connect(relay.address());
                byte[] payload = new byte[3 << 20];
                new Random(1).nextBytes(payload);
                OutputStream out = c.getOutputStream();
                InputStream in = c.getInputStream();
                long t0 = System.nanoTime();
                Thread w = new Thread(() -> {
                    try {
                        out.write(payload);
                        c.shutdownOutput();
                    } catch (Exception e) {
                        // reported by the read below
                    }
                });
                w.start();
                byte[] back = new byte[payload.length];
                DataInputStream din = new DataInputStream(in);
                din.readFully(back, 0, 1);
                long firstByteNanos = System.nanoTime() - t0;
                din.readFully(back, 1, back.length - 1);
                assertThat(back).isEqualTo(payload);
                assertThat(in.read()).as("the echo ends when we close our side").isEqualTo(-1);
                assertThat(firstByteNanos)
                        .isGreaterThanOrEqualTo(Duration.ofMillis(120).toNanos());
                assertThat(relay.connections()).isEqualTo(1);
            }
        }
    }
}
