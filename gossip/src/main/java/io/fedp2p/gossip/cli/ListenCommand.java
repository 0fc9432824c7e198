package io.fedp2p.gossip.cli;

import io.fedp2p.gossip.host.Host;
import io.fedp2p.gossip.host.HostConfig;
import io.fedp2p.gossip.identity.Identity;
import io.fedp2p.gossip.multiaddr.Multiaddr;
import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code fedp2p listen}: a bare libp2p host serving identify and ping (and perf with {@code --enable-perf}). The
 * first stdout line is the full listen multiaddr; it runs until SIGINT/SIGTERM, then closes every connection.
 */
@Command(
        name = "listen",
        mixinStandardHelpOptions = true,
        description = "Run a bare libp2p host (identify, ping, optional /perf/1.0.0) until SIGINT/SIGTERM.")
public final class ListenCommand implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(ListenCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--listen",
            paramLabel = "MULTIADDR",
            defaultValue = "/ip4/127.0.0.1/tcp/0",
            description = "address to listen on (default: ${DEFAULT-VALUE})")
    String listen;

    @Mixin
    IdentityOptions identity = new IdentityOptions();

    @Option(names = "--enable-perf", description = "serve /perf/1.0.0 (off by default)")
    boolean enablePerf;

    @Override
    public void run() {
        Multiaddr addr = Cli.multiaddr(spec.commandLine(), listen);
        Identity id = identity.load(spec.commandLine(), false);
        Host host = Host.create(HostConfig.of(id).withPerf(enablePerf));
        Multiaddr bound;
        try {
            bound = Cli.await(host.listen(addr), 10, "listen on " + addr);
        } catch (RuntimeException e) {
            host.close();
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "cannot listen on " + addr + ": " + e.getMessage());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            log.info("shutting down");
                            host.close();
                            stopped.countDown();
                        },
                        "fedp2p-listen-shutdown"));
        PrintWriter out = spec.commandLine().getOut();
        out.println(bound);
        out.flush();
        log.info("listening on {} (perf {})", bound, enablePerf ? "enabled" : "disabled");
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
