package io.fedp2p.gossip.noise;

import java.util.List;
import java.util.Objects;

/**
 * User event fired by {@link NoiseHandshakeHandler} once the handshake verified the remote identity and the
 * transport codecs are in place.
 *
 * @param remote the authenticated peer and the muxers it listed
 * @param localMuxers the muxers this side listed
 */
public record SecureSessionReady(HandshakePayloads.Remote remote, List<String> localMuxers) {
    public SecureSessionReady {
        Objects.requireNonNull(remote, "remote");
        localMuxers = List.copyOf(localMuxers);
    }

    /**
     * The inlined muxer (LIBP2P.md §6.7): when both sides listed muxers, the first of the initiator's list the
     * responder also supports; null when either list was empty (negotiate by multistream-select instead).
     *
     * @throws io.fedp2p.gossip.fault.PeerFault when both listed muxers but none in common
     */
    public String inlinedMuxer(boolean initiator) {
        List<String> remoteList = remote.muxers();
        if (remoteList.isEmpty() || localMuxers.isEmpty()) {
            return null;
        }
        List<String> first = initiator ? localMuxers : remoteList;
        List<String> second = initiator ? remoteList : localMuxers;
        for (String m : first) {
            if (second.contains(m)) {
                return m;
            }
        }
        throw new io.fedp2p.gossip.fault.PeerFault(
                io.fedp2p.gossip.fault.FaultKind.PROTOCOL_VIOLATION, "no common muxer in " + remoteList);
    }
}
