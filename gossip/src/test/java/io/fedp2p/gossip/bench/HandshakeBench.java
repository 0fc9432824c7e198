package io.fedp2p.gossip.bench;

import io.fedp2p.gossip.host.Connection;
import io.fedp2p.gossip.host.Host;
import io.fedp2p.gossip.host.HostConfig;
import io.fedp2p.gossip.host.WireLimits;
import io.fedp2p.gossip.identity.Identity;
import io.fedp2p.gossip.multiaddr.Multiaddr;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Full connection set-ups per second between two hosts in one JVM over loopback: TCP connect, multistream-select,
 * Noise XX with identity signatures, inlined yamux, then a graceful close. Identify is off so only the handshake
 * is measured.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class HandshakeBench {
    private Host server;
    private Host client;
    private Multiaddr addr;

    @Setup
    public void setUp() throws Exception {
        WireLimits limits = WireLimits.DEFAULTS.withMaxConnections(4096, 4096);
        server = Host.create(HostConfig.of(Identity.generate(new SecureRandom()))
                .withLimits(limits)
                .withIdentifyOnConnect(false)
                .withIoThreads(1));
        client = Host.create(HostConfig.of(Identity.generate(new SecureRandom()))
                .withLimits(limits)
                .withIdentifyOnConnect(false)
                .withIoThreads(1));
        addr = server.listen(Multiaddr.parse("/ip4/127.0.0.1/tcp/0")).get();
    }

    @TearDown
    public void tearDown() {
        client.close();
        server.close();
    }

    @Benchmark
    public Connection handshake() throws Exception {
        // A /p2p-less address: dial() opens a new connection every time instead of reusing one.
        Connection c = client.dial(addr.withoutPeerId()).get(10, TimeUnit.SECONDS);
        c.close().get(10, TimeUnit.SECONDS);
        return c;
    }
}
