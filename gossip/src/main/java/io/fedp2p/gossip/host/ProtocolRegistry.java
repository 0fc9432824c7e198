package io.fedp2p.gossip.host;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/** Protocol id to inbound handler. Thread-safe; listed in sorted order so identify answers are deterministic. */
final class ProtocolRegistry {
    private final Map<String, StreamHandler> handlers = new ConcurrentSkipListMap<>();

    void put(String protocolId, StreamHandler handler) {
        if (protocolId.isEmpty() || protocolId.indexOf('\n') >= 0 || protocolId.length() > 512) {
            throw new IllegalArgumentException("invalid protocol id '" + protocolId + "'");
        }
        handlers.put(protocolId, handler);
    }

    void remove(String protocolId) {
        handlers.remove(protocolId);
    }

    StreamHandler get(String protocolId) {
        return handlers.get(protocolId);
    }

    boolean supports(String protocolId) {
        return handlers.containsKey(protocolId);
    }

    List<String> list() {
        return new ArrayList<>(handlers.keySet());
    }
}
