package io.fedp2p.examples.cli;

import io.fedp2p.examples.netem.DelayRelay;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code fedp2p relay}: a TCP relay adding a fixed one-way latency in both directions, for emulating wide-area links
 * where the kernel has no {@code netem} (the multi-host test puts one in front of every node).
 */
@Command(
        name = "relay",
        mixinStandardHelpOptions = true,
        description = {
            "Relays TCP connections from --listen to --to, delaying every byte by --delay in each direction (round"
                    + " trip + 2 x delay). A user-space stand-in for netem; loss and bandwidth belong to the kernel"
                    + " (nftables, tc tbf).",
            "First stdout line: 'Relaying HOST:PORT -> HOST:PORT'. Runs until SIGINT/SIGTERM."
        })
public final class RelayCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--listen", required = true, paramLabel = "HOST:PORT", description = "address to accept on")
    String listen;

    @Option(names = "--to", required = true, paramLabel = "HOST:PORT", description = "address to relay to")
    String to;

    @Option(names = "--delay", defaultValue = "100ms", paramLabel = "D", description = "one-way delay, e.g. 100ms, 1s")
    String delay;

    @Override
    public Integer call() throws Exception {
        Duration d = parseDuration(delay);
        InetSocketAddress from = address("--listen", listen);
        InetSocketAddress target = address("--to", to);
        CountDownLatch stop = new CountDownLatch(1);
        try (DelayRelay relay = DelayRelay.start(from, target, d)) {
            Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
            InetSocketAddress a = relay.address();
            System.out.println("Relaying " + a.getHostString() + ":" + a.getPort() + " -> " + to + " with "
                    + d.toMillis() + " ms each way");
            System.out.flush();
            stop.await();
        }
        return 0;
    }

    private InetSocketAddress address(String option, String text) {
        int colon = text.lastIndexOf(':');
        try {
            if (colon <= 0) throw new NumberFormatException();
            int port = Integer.parseInt(text.substring(colon + 1));
            if (port < 0 || port > 65535) throw new NumberFormatException();
            return new InetSocketAddress(
                    text.substring(0, colon).replace("[", "").replace("]", ""), port);
        } catch (NumberFormatException e) {
            throw new ParameterException(spec.commandLine(), option + " must be HOST:PORT, got '" + text + "'");
        }
    }

    private Duration parseDuration(String text) {
        String t = text.strip();
        try {
            if (t.endsWith("ms")) return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            if (t.endsWith("s"))
                return Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 1000));
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ParameterException(spec.commandLine(), "--delay must look like 100ms or 1.5s, got '" + text + "'");
    }
}
