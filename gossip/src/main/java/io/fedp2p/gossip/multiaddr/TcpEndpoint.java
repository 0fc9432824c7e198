package io.fedp2p.gossip.multiaddr;

import java.util.Objects;

/**
 * Where to open a TCP connection: a literal address ({@link Protocol#IP4}, {@link Protocol#IP6}) or a name to
 * resolve ({@link Protocol#DNS4} to A records, {@link Protocol#DNS6} to AAAA, {@link Protocol#DNS} to either).
 */
public record TcpEndpoint(Protocol family, String host, int port) {
    public TcpEndpoint {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }
}
