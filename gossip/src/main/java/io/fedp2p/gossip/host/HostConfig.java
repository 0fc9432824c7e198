package io.fedp2p.gossip.host;

import io.fedp2p.gossip.fault.FaultSink;
import io.fedp2p.gossip.identity.Identity;
import java.util.Objects;

/**
 * Settings of a {@link Host}.
 *
 * @param identity the node's Ed25519 key
 * @param limits every cap and deadline applied to peers
 * @param agentVersion sent in identify, e.g. {@code fedp2p/0.1.0}
 * @param enablePerf serve {@code /perf/1.0.0} (off by default, as the perf spec asks)
 * @param identifyOnConnect request identify on every new connection (js does the same)
 * @param ioThreads Netty event-loop threads (connections are spread over them)
 * @param faultSink told of every peer fault
 */
public record HostConfig(
        Identity identity,
        WireLimits limits,
        String agentVersion,
        boolean enablePerf,
        boolean identifyOnConnect,
        int ioThreads,
        FaultSink faultSink) {
    public static final String DEFAULT_AGENT = "fedp2p/0.1.0";

    public HostConfig {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(agentVersion, "agentVersion");
        Objects.requireNonNull(faultSink, "faultSink");
        if (ioThreads < 1) {
            throw new IllegalArgumentException("ioThreads must be >= 1, got " + ioThreads);
        }
    }

    /** Defaults: {@link WireLimits#DEFAULTS}, perf off, identify on connect, 2 I/O threads, no fault sink. */
    public static HostConfig of(Identity identity) {
        return new HostConfig(identity, WireLimits.DEFAULTS, DEFAULT_AGENT, false, true, 2, FaultSink.NONE);
    }

    public HostConfig withLimits(WireLimits l) {
        return new HostConfig(identity, l, agentVersion, enablePerf, identifyOnConnect, ioThreads, faultSink);
    }

    public HostConfig withAgentVersion(String a) {
        return new HostConfig(identity, limits, a, enablePerf, identifyOnConnect, ioThreads, faultSink);
    }

    public HostConfig withPerf(boolean on) {
        return new HostConfig(identity, limits, agentVersion, on, identifyOnConnect, ioThreads, faultSink);
    }

    public HostConfig withIdentifyOnConnect(boolean on) {
        return new HostConfig(identity, limits, agentVersion, enablePerf, on, ioThreads, faultSink);
    }

    public HostConfig withIoThreads(int n) {
        return new HostConfig(identity, limits, agentVersion, enablePerf, identifyOnConnect, n, faultSink);
    }

    public HostConfig withFaultSink(FaultSink sink) {
        return new HostConfig(identity, limits, agentVersion, enablePerf, identifyOnConnect, ioThreads, sink);
    }
}
