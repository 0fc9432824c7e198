package io.fedp2p.gossip.host;

/**
 * Serves one protocol id: called on the event loop for every inbound stream negotiated to it. The handler usually
 * calls {@link Stream#setReader}. Throwing {@link io.fedp2p.gossip.fault.PeerFault} resets the stream.
 */
@FunctionalInterface
public interface StreamHandler {
    void onStream(Stream stream);
}
