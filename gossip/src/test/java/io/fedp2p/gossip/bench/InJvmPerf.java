package io.fedp2p.gossip.bench;

import io.fedp2p.gossip.host.Connection;
import io.fedp2p.gossip.host.Host;
import io.fedp2p.gossip.host.HostConfig;
import io.fedp2p.gossip.identity.Identity;
import io.fedp2p.gossip.multiaddr.Multiaddr;
import io.fedp2p.gossip.protocols.Perf;
import java.security.SecureRandom;

/**
 * {@code /perf/1.0.0} between two hosts in one JVM (each with one event loop), for profiling the wire path without
 * process start-up. Usage: {@code InJvmPerf [BYTES] [REPEATS]}; prints MB/s of each upload.
 */
public final class InJvmPerf {
    private InJvmPerf() {}

    public static void main(String[] args) throws Exception {
        long bytes = args.length > 0 ? Long.parseLong(args[0]) : 256L << 20;
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Host server = Host.create(HostConfig.of(Identity.generate(new SecureRandom()))
                .withPerf(true)
                .withLimits(io.fedp2p.gossip.host.WireLimits.DEFAULTS.withMaxPerfBytes(Long.MAX_VALUE / 2))
                .withIoThreads(1));
        Host client =
                Host.create(HostConfig.of(Identity.generate(new SecureRandom())).withIoThreads(1));
        Multiaddr addr = server.listen(Multiaddr.parse("/ip4/127.0.0.1/tcp/0")).get();
        Connection c = client.dial(addr).get();
        for (int i = 0; i < repeats; i++) {
            Perf.Result r = Perf.run(c, bytes, 0).get();
            System.out.printf("upload %d bytes: %.1f MB/s%n", bytes, bytes / 1e6 / (r.totalNanos() / 1e9));
        }
        client.close();
        server.close();
    }
}
