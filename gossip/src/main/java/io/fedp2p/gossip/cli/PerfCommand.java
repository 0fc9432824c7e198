package io.fedp2p.gossip.cli;

import io.fedp2p.gossip.host.Connection;
import io.fedp2p.gossip.host.Host;
import io.fedp2p.gossip.host.HostConfig;
import io.fedp2p.gossip.multiaddr.Multiaddr;
import io.fedp2p.gossip.protocols.Perf;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code fedp2p perf MULTIADDR --upload BYTES --download BYTES}: a {@code /perf/1.0.0} client (CLI.md).
 * SPEC-GAP: the perf draft measures one exchange as a whole; CLI.md asks for separate rates. Upload time
 * runs from stream open to the first downloaded byte (the server answers only after our FIN), download time from
 * there to the server's FIN; with nothing to download the upload time ends at the FIN. MB = 10^6 bytes.
 */
@Command(name = "perf", mixinStandardHelpOptions = true, description = "Measure /perf/1.0.0 throughput to a peer.")
public final class PerfCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MULTIADDR", description = "peer address serving /perf/1.0.0")
    String target;

    @Option(names = "--upload", required = true, paramLabel = "BYTES", description = "bytes to send (e.g. 64MiB)")
    String upload;

    @Option(names = "--download", required = true, paramLabel = "BYTES", description = "bytes to ask back")
    String download;

    @Option(
            names = "--warmup",
            paramLabel = "BYTES",
            defaultValue = "0",
            description = "first run an untimed exchange of this many bytes each way on the same connection, so the "
                    + "JIT has compiled the cipher before the measured run (default: ${DEFAULT-VALUE})")
    String warmup;

    @Mixin
    IdentityOptions identity = new IdentityOptions();

    @Option(
            names = "--json",
            description = "print one JSON object: uploadBytes, downloadBytes, seconds, uploadMBps, " + "downloadMBps")
    boolean json;

    @Override
    public void run() {
        Multiaddr addr = Cli.multiaddr(spec.commandLine(), target);
        long up = Cli.bytes(spec.commandLine(), upload);
        long down = Cli.bytes(spec.commandLine(), download);
        try (Host host = Host.create(HostConfig.of(identity.load(spec.commandLine(), false)))) {
            Connection c = Cli.await(host.dial(addr), 15, "dial " + addr);
            long warm = Cli.bytes(spec.commandLine(), warmup);
            if (warm > 0) {
                Cli.await(Perf.run(c, up == 0 ? 0 : warm, down == 0 ? 0 : warm), 60 + warm / 5_000_000, "warm-up");
            }
            long timeout = 60 + (up + down) / 10_000_000;
            Perf.Result r = Cli.await(Perf.run(c, up, down), timeout, "perf with " + c.remotePeer());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("uploadBytes", r.uploadBytes());
            m.put("downloadBytes", r.downloadBytes());
            m.put("seconds", Cli.round(r.totalNanos() / 1e9, 6));
            m.put("uploadMBps", Cli.round(rate(r.uploadBytes(), r.uploadNanos()), 2));
            m.put("downloadMBps", Cli.round(rate(r.downloadBytes(), r.downloadNanos()), 2));
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                Cli.printJson(out, m);
            } else {
                m.forEach((k, v) -> out.println(k + ": " + v));
                out.flush();
            }
        }
    }

    static double rate(long bytes, long nanos) {
        return nanos <= 0 || bytes == 0 ? 0.0 : bytes / 1e6 / (nanos / 1e9);
    }
}
