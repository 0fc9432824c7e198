package io.fedp2p.gossip.host;

import io.fedp2p.gossip.identity.Identity;
import io.fedp2p.gossip.identity.PeerId;
import io.fedp2p.gossip.multiaddr.Multiaddr;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** State shared by a host's connections: settings, registries, listeners, bans and traffic counters. */
final class HostContext {
    private static final Logger log = LoggerFactory.getLogger(Host.class);

    /** Bytes exchanged with one peer over all its connections. */
    static final class PeerTraffic {
        final AtomicLong in = new AtomicLong();
        final AtomicLong out = new AtomicLong();

        TrafficStats snapshot() {
            return new TrafficStats(in.get(), out.get());
        }
    }

    final HostConfig config;
    final Identity identity;
    final WireLimits limits;
    final SecureRandom random;
    final ProtocolRegistry protocols = new ProtocolRegistry();
    final FaultReporter faults;
    final ConnectionRegistry registry;
    final List<ConnectionListener> listeners = new CopyOnWriteArrayList<>();
    final Set<PeerId> banned = ConcurrentHashMap.newKeySet();
    final Map<PeerId, PeerTraffic> traffic = new ConcurrentHashMap<>();
    final Supplier<List<Multiaddr>> listenAddrs;

    HostContext(HostConfig config, SecureRandom random, Supplier<List<Multiaddr>> listenAddrs) {
        this.config = config;
        this.identity = config.identity();
        this.limits = config.limits();
        this.random = random;
        this.faults = new FaultReporter(config.faultSink());
        this.registry = new ConnectionRegistry(limits);
        this.listenAddrs = listenAddrs;
    }

    PeerTraffic trafficOf(PeerId peer) {
        return traffic.computeIfAbsent(peer, p -> new PeerTraffic());
    }

    void fireConnected(Connection c) {
        for (ConnectionListener l : listeners) {
            try {
                l.onConnected(c);
            } catch (RuntimeException e) {
                log.warn("connection listener failed", e);
            }
        }
    }

    void fireDisconnected(Connection c) {
        for (ConnectionListener l : listeners) {
            try {
                l.onDisconnected(c);
            } catch (RuntimeException e) {
                log.warn("connection listener failed", e);
            }
        }
    }
}
