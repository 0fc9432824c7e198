package io.fedp2p.sim.network;

import io.fedp2p.gossip.protocol.PayloadEncoding;
import java.time.Duration;
import java.util.Objects;

/**
 * The simulated network of a scenario ({@code network:} in the YAML file).
 *
 * @param latency the per-message (or per-link, see {@code fixedPerLink}) latency distribution
 * @param fixedPerLink draw each directed link's latency once (geography) instead of per message (jitter)
 * @param bytesPerSecond bandwidth of every directed link; messages on a link queue first in, first out
 * @param loss probability that a message is lost, in [0, 1)
 * @param encoding how vectors travel ({@code float32}, or a quantised encoding of the gossip module)
 * @param relayEvidence relay every admitted header to the other neighbours (equivocation detection, gossip design)
 * @param wireFidelity serialise and sign every message as on the wire (slower; fast mode passes objects)
 */
public record NetworkSettings(
        LatencySpec latency,
        boolean fixedPerLink,
        double bytesPerSecond,
        double loss,
        PayloadEncoding encoding,
        boolean relayEvidence,
        boolean wireFidelity) {
    /** 10 ms constant latency, 100 Mbit/s links, no loss, float32, evidence relay on, fast mode. */
    public static final NetworkSettings DEFAULTS = new NetworkSettings(
            new LatencySpec.Constant(Duration.ofMillis(10)), false, 12.5e6, 0, PayloadEncoding.FLOAT32, true, false);

    public NetworkSettings {
        Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(encoding, "encoding");
        if (!(bytesPerSecond > 0)) throw new IllegalArgumentException("network.bandwidth must be > 0");
        if (!(loss >= 0 && loss < 1)) throw new IllegalArgumentException("network.loss must be in [0, 1), got " + loss);
    }
}
