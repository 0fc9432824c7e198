package io.fedp2p.gossip.cli;

import io.fedp2p.gossip.host.Connection;
import io.fedp2p.gossip.host.Host;
import io.fedp2p.gossip.host.HostConfig;
import io.fedp2p.gossip.host.IdentifyInfo;
import io.fedp2p.gossip.multiaddr.Multiaddr;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fedp2p ping MULTIADDR [--count N]}: dial, identify, N pings (CLI.md). */
@Command(name = "ping", mixinStandardHelpOptions = true, description = "Dial a libp2p peer, identify it and ping it.")
public final class PingCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(
            index = "0",
            paramLabel = "MULTIADDR",
            description = "peer address, e.g. /ip4/127.0.0.1/tcp/4001/p2p/12D3KooW...")
    String target;

    @Option(names = "--count", defaultValue = "3", description = "number of pings (default: ${DEFAULT-VALUE})")
    int count;

    @Mixin
    IdentityOptions identity = new IdentityOptions();

    @Option(names = "--json", description = "print one JSON object: peerId, agentVersion, protocols, rttsMs")
    boolean json;

    @Override
    public void run() {
        if (count < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--count must be >= 1");
        }
        Multiaddr addr = Cli.multiaddr(spec.commandLine(), target);
        try (Host host = Host.create(HostConfig.of(identity.load(spec.commandLine(), false)))) {
            Connection c = Cli.await(host.dial(addr), 15, "dial " + addr);
            IdentifyInfo info = Cli.await(c.identify(), 15, "identify " + c.remotePeer());
            List<Double> rtts = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Duration rtt = Cli.await(host.ping(c), 15, "ping " + c.remotePeer());
                rtts.add(Cli.round(rtt.toNanos() / 1e6, 3));
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("peerId", c.remotePeer().toString());
                m.put("agentVersion", info.agentVersion());
                m.put("protocols", info.protocols());
                m.put("rttsMs", rtts);
                Cli.printJson(out, m);
            } else {
                out.println("peer " + c.remotePeer() + " (" + info.agentVersion() + ")");
                out.println("protocols: " + String.join(", ", info.protocols()));
                for (double r : rtts) {
                    out.println("rtt " + r + " ms");
                }
                out.flush();
            }
        }
    }
}
