package io.fedp2p.gossip.transport;

import io.fedp2p.gossip.clock.Clock;
import io.fedp2p.gossip.identity.Identity;
import io.fedp2p.gossip.identity.PeerId;
import io.fedp2p.gossip.peers.PeerScorer;
import io.fedp2p.gossip.protocol.GossipConfig;
import io.fedp2p.gossip.protocol.SignedHeader;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Many nodes' transports in one process, for simulations and tests (fedp2p design). Every delivery is a task on one
 * {@link Clock} at {@code now + LinkModel delay}, and every decision iterates in peer-id order, so a run on a {@link
 * io.fedp2p.gossip.clock.VirtualClock} is deterministic.
 *
 * <p>Two modes: <b>fast</b> (default) passes {@link io.fedp2p.gossip.protocol.ModelMessage} objects and unsigned
 * headers whose content hash is the values digest, with the same replay, equivocation and evidence rules as the wire;
 * <b>wire fidelity</b> serializes, signs and verifies every message exactly as {@link Libp2pTransport} does, minus the
 * sockets. Non-float32 encodings quantise in both modes.
 *
 * <p>Topology: {@link #connect} and {@link #disconnect} change links at any time; a ban cuts the link, and the link is
 * restored when the ban ends if it was connected by the simulator. Not thread-safe: clock thread only.
 */
public final class InMemoryNetwork {
    /** Settings of an in-memory network. */
    public record Options(
            GossipConfig gossip,
            boolean wireFidelity,
            LinkModel links,
            PeerScorer.Policy scoring,
            Duration equivocationBan) {
        public Options {
            Objects.requireNonNull(gossip, "gossip");
            Objects.requireNonNull(links, "links");
            Objects.requireNonNull(scoring, "scoring");
            Objects.requireNonNull(equivocationBan, "equivocationBan");
        }

        /** Fast mode, instant links, default scoring, one-day equivocation bans. */
        public static Options fast(GossipConfig gossip) {
            return new Options(gossip, false, LinkModel.instant(), PeerScorer.Policy.defaults(), Duration.ofDays(1));
        }

        public Options withWireFidelity(boolean on) {
            return new Options(gossip, on, links, scoring, equivocationBan);
        }

        public Options withLinks(LinkModel l) {
            return new Options(gossip, wireFidelity, l, scoring, equivocationBan);
        }
    }

    /** A unit of delivery between two transports. */
    sealed interface Packet permits ModelPacket, EvidencePacket {}

    /** A model message: the header, and the values (fast mode) or the serialized content (wire fidelity). */
    record ModelPacket(SignedHeader header, io.fedp2p.gossip.protocol.ModelMessage message, byte[] content)
            implements Packet {}

    /** Relayed headers. */
    record EvidencePacket(List<SignedHeader> headers) implements Packet {}

    private record Edge(PeerId a, PeerId b) {
        static Edge of(PeerId x, PeerId y) {
            return x.compareTo(y) < 0 ? new Edge(x, y) : new Edge(y, x);
        }
    }

    private final Clock clock;
    private final Options options;
    private final TreeMap<PeerId, InMemoryTransport> nodes = new TreeMap<>();
    private final TreeMap<PeerId, TreeSet<PeerId>> adjacency = new TreeMap<>();
    private final TreeSet<Edge> intended = new TreeSet<>((x, y) -> {
        int c = x.a().compareTo(y.a());
        return c != 0 ? c : x.b().compareTo(y.b());
    });

    public InMemoryNetwork(Clock clock, Options options) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.options = Objects.requireNonNull(options, "options");
    }

    public Clock clock() {
        return clock;
    }

    public Options options() {
        return options;
    }

    /** Adds a node; it has no links until {@link #connect}. */
    public InMemoryTransport join(Identity identity) {
        PeerId id = identity.peerId();
        if (nodes.containsKey(id)) throw new IllegalArgumentException("node " + id + " already joined");
        InMemoryTransport t = new InMemoryTransport(this, identity);
        nodes.put(id, t);
        adjacency.put(id, new TreeSet<>());
        return t;
    }

    /** Links {@code a} and {@code b} (both must have joined); refused while either bans the other. */
    public boolean connect(PeerId a, PeerId b) {
        if (a.equals(b)) throw new IllegalArgumentException("a node cannot link to itself");
        InMemoryTransport ta = node(a);
        InMemoryTransport tb = node(b);
        intended.add(Edge.of(a, b));
        if (ta.isBanned(b) || tb.isBanned(a) || adjacency.get(a).contains(b)) return false;
        adjacency.get(a).add(b);
        adjacency.get(b).add(a);
        clock.execute(() -> ta.neighbourUp(b));
        clock.execute(() -> tb.neighbourUp(a));
        return true;
    }

    /** Removes the link between {@code a} and {@code b} (and the simulator's intent to keep it). */
    public void disconnect(PeerId a, PeerId b) {
        intended.remove(Edge.of(a, b));
        cut(a, b);
    }

    /** The current neighbours of {@code p}, in id order. */
    public SortedSet<PeerId> neighbours(PeerId p) {
        TreeSet<PeerId> n = adjacency.get(p);
        if (n == null) throw new IllegalArgumentException("unknown node " + p);
        return Collections.unmodifiableSortedSet(new TreeSet<>(n));
    }

    /** Every node, in id order. */
    public SortedSet<PeerId> nodes() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(nodes.keySet()));
    }

    public InMemoryTransport transport(PeerId p) {
        return node(p);
    }

    boolean linked(PeerId a, PeerId b) {
        TreeSet<PeerId> n = adjacency.get(a);
        return n != null && n.contains(b);
    }

    /** Sends {@code packet} from {@code from} to {@code to} through the link model and the clock. */
    void deliver(PeerId from, PeerId to, Packet packet, long bytes) {
        if (!linked(from, to)) return;
        long delay = options.links().delayNanos(from, to, bytes, clock.nanos());
        if (delay < 0) return;
        InMemoryTransport target = nodes.get(to);
        clock.schedule(delay, () -> {
            if (linked(from, to)) target.receive(from, packet, bytes);
        });
    }

    /** Cuts a link because of a ban; restores it when the ban ends if the simulator still wants it. */
    void banCut(PeerId a, PeerId b, Duration ban) {
        cut(a, b);
        clock.schedule(ban, () -> {
            if (intended.contains(Edge.of(a, b)) && !node(a).isBanned(b) && !node(b).isBanned(a)) connectQuietly(a, b);
        });
    }

    private void connectQuietly(PeerId a, PeerId b) {
        if (adjacency.get(a).contains(b)) return;
        adjacency.get(a).add(b);
        adjacency.get(b).add(a);
        node(a).neighbourUp(b);
        node(b).neighbourUp(a);
    }

    private void cut(PeerId a, PeerId b) {
        if (!adjacency.get(a).contains(b)) return;
        adjacency.get(a).remove(b);
        adjacency.get(b).remove(a);
        InMemoryTransport ta = node(a);
        InMemoryTransport tb = node(b);
        clock.execute(() -> ta.neighbourDown(b));
        clock.execute(() -> tb.neighbourDown(a));
    }

    private InMemoryTransport node(PeerId p) {
        InMemoryTransport t = nodes.get(p);
        if (t == null) throw new IllegalArgumentException("unknown node " + p);
        return t;
    }
}
