package io.fedp2p.gossip.host;

import io.fedp2p.gossip.fault.FaultEvent;
import io.fedp2p.gossip.fault.FaultKind;
import io.fedp2p.gossip.fault.FaultScope;
import io.fedp2p.gossip.fault.FaultSink;
import io.fedp2p.gossip.identity.PeerId;
import io.fedp2p.gossip.multiaddr.Multiaddr;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs a peer fault as one line, counts it by kind and passes it to the configured {@link FaultSink}. */
final class FaultReporter {
    private static final Logger log = LoggerFactory.getLogger(Host.class);

    private final FaultSink sink;
    private final EnumMap<FaultKind, LongAdder> counts = new EnumMap<>(FaultKind.class);

    FaultReporter(FaultSink sink) {
        this.sink = sink;
        for (FaultKind k : FaultKind.values()) {
            counts.put(k, new LongAdder());
        }
    }

    void report(Optional<PeerId> peer, Multiaddr remote, FaultKind kind, String detail, FaultScope scope) {
        FaultEvent event = new FaultEvent(peer, remote, kind, detail, scope);
        counts.get(kind).increment();
        if (scope != FaultScope.APPLICATION) {
            log.info(
                    "peer {} at {}: {} ({}); {}",
                    event.peerText(),
                    remote,
                    kind,
                    detail,
                    scope == FaultScope.CONNECTION ? "connection closed" : "stream reset");
        }
        try {
            sink.onFault(event);
        } catch (RuntimeException e) {
            log.warn("fault sink failed", e);
        }
    }

    Map<FaultKind, Long> snapshot() {
        EnumMap<FaultKind, Long> out = new EnumMap<>(FaultKind.class);
        counts.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }
}
