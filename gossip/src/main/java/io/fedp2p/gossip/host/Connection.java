package io.fedp2p.gossip.host;

import io.fedp2p.gossip.identity.PeerId;
import io.fedp2p.gossip.multiaddr.Multiaddr;
import java.util.concurrent.CompletableFuture;

/** An authenticated, multiplexed connection to one peer (TCP, Noise, yamux). Thread-safe. */
public interface Connection {
    /** The peer authenticated by the Noise handshake. */
    PeerId remotePeer();

    /** The peer's TCP address, e.g. {@code /ip4/127.0.0.1/tcp/51234} (no {@code /p2p}). */
    Multiaddr remoteAddr();

    Direction direction();

    /**
     * Opens a stream and negotiates {@code protocolId} on it.
     *
     * @return completed with the ready stream; failed with {@link StreamException} when the peer refuses the
     *     protocol ({@code na}), resets the stream, or the negotiation times out
     */
    CompletableFuture<Stream> newStream(String protocolId);

    /**
     * The peer's identify answer. Requested once per connection (automatically when the host is configured to,
     * otherwise on the first call).
     */
    CompletableFuture<IdentifyInfo> identify();

    boolean isOpen();

    /** Closes gracefully: FIN on every stream, yamux Go Away, TCP close. */
    CompletableFuture<Void> close();

    /** Completed when the TCP connection has closed, for whatever reason. */
    CompletableFuture<Void> closeFuture();
}
