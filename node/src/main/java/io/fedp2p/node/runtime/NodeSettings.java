package io.fedp2p.node.runtime;

import io.fedp2p.gossip.multiaddr.Multiaddr;
import io.fedp2p.gossip.protocol.PayloadEncoding;
import io.fedp2p.node.adapter.AdapterKind;
import io.fedp2p.node.engine.ExchangeSetting;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Every setting of {@code fedp2p node} (CLI.md), validated. Built once at the edge from options or YAML.
 *
 * @param key identity file, created with mode 0600 when missing ({@code out/identity.key} by default)
 * @param backbone frozen backbone file, or null for the cached transfer-setting backbone
 * @param cacheDir where the default backbone is cached
 * @param exchangeMode {@code float} (θ as floats) or {@code frl-native} (rankings, ALGORITHMS.md §3.9a; needs the
 *     {@code frl-mask} adapter)
 * @param dataDir Fashion-MNIST (or, for {@code fortunes-topic}, fortunes) directory, or null for the Debian package's
 *     location
 * @param partition {@code iid}, {@code dirichlet:A}, {@code shards:K}, {@code quantity:A}
 * @param localSteps K, or 0 for one local epoch over the node's shard
 * @param api {@code HOST:PORT} of the HTTP API
 * @param topology a fixed-topology file ({@code peers:} list of multiaddrs with {@code /p2p}), or null
 * @param threads PyTorch intra-op threads
 * @param task the task ({@code fashion-mnist} or {@code fortunes-topic} with its encoder)
 */
public record NodeSettings(
        Multiaddr listen,
        Path key,
        List<Multiaddr> bootstrap,
        Path backbone,
        Path cacheDir,
        String adapter,
        int rank,
        ExchangeSetting exchangeMode,
        Path dataDir,
        String partition,
        int nodeIndex,
        int numNodes,
        long rounds,
        int localSteps,
        int gossipSteps,
        float rho,
        float lr,
        float lrDecay,
        int batchSize,
        float momentum,
        String defence,
        String attack,
        boolean equivocate,
        Path out,
        String api,
        long seed,
        String network,
        PayloadEncoding encoding,
        long maxMessageBytes,
        int targetDegree,
        int maxDegree,
        Path topology,
        int minNeighbours,
        Duration exchangeTimeout,
        Duration stepTimeout,
        int threads,
        boolean pex,
        TaskChoice task) {
    public NodeSettings {
        Objects.requireNonNull(listen, "listen");
        bootstrap = List.copyOf(bootstrap);
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(adapter, "adapter");
        Objects.requireNonNull(exchangeMode, "exchangeMode");
        exchangeMode.check(AdapterKind.parse(adapter));
        Objects.requireNonNull(partition, "partition");
        Objects.requireNonNull(defence, "defence");
        Objects.requireNonNull(attack, "attack");
        Objects.requireNonNull(api, "api");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(encoding, "encoding");
        Objects.requireNonNull(exchangeTimeout, "exchangeTimeout");
        Objects.requireNonNull(stepTimeout, "stepTimeout");
        Objects.requireNonNull(task, "task");
        require(numNodes >= 1, "num-nodes must be >= 1, got " + numNodes);
        require(
                nodeIndex >= 0 && nodeIndex < numNodes,
                "node-index must be in 0.." + (numNodes - 1) + ", got " + nodeIndex);
        require(rounds >= 0, "rounds must be >= 0");
        require(localSteps >= 0, "local-steps must be >= 0 (0 = one local epoch)");
        require(gossipSteps >= 1, "gossip-steps must be >= 1");
        require(rho >= 0 && Float.isFinite(rho), "rho must be >= 0");
        require(lr > 0 && Float.isFinite(lr), "lr must be > 0");
        require(lrDecay > 0 && lrDecay <= 1, "lr-decay must be in (0, 1]");
        require(batchSize >= 1, "batch-size must be >= 1");
        require(momentum >= 0 && momentum < 1, "momentum must be in [0, 1)");
        require(rank >= 1, "rank must be >= 1");
        require(maxMessageBytes >= 1024, "max-message-bytes must be >= 1024");
        require(targetDegree >= 1 && maxDegree >= targetDegree, "need 1 <= target-degree <= max-degree");
        require(minNeighbours >= 0, "min-neighbours must be >= 0");
        require(threads >= 1, "threads must be >= 1");
        require(positive(exchangeTimeout) && positive(stepTimeout), "timeouts must be positive");
        apiEndpoint(api);
    }

    private static boolean positive(Duration d) {
        return !d.isNegative() && !d.isZero();
    }

    private static void require(boolean ok, String message) {
        if (!ok) throw new IllegalArgumentException(message);
    }

    /** The identity file to use. */
    public Path keyFile() {
        return key != null ? key : out.resolve("identity.key");
    }

    /** Host and port of {@link #api()}. */
    public record Endpoint(String host, int port) {}

    /** Parses {@code HOST:PORT} (IPv6 hosts in brackets). */
    public static Endpoint apiEndpoint(String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException("api must be HOST:PORT, got '" + text + "'");
        }
        String host = text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) host = host.substring(1, host.length() - 1);
        int port;
        try {
            port = Integer.parseInt(text.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("api port must be a number, got '" + text + "'");
        }
        if (port < 0 || port > 65535) throw new IllegalArgumentException("api port out of range: " + port);
        return new Endpoint(host, port);
    }
}
