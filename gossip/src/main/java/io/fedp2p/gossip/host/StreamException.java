package io.fedp2p.gossip.host;

/** A stream operation that could not complete: reset, closed, refused by the peer, or a full write queue. */
public final class StreamException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StreamException(String message) {
        super(message, null, false, false);
    }
}
