package io.fedp2p.gossip.fault;

/** Why a peer's input was refused (STYLE.md §2.5). Every {@link PeerFault} names one. */
public enum FaultKind {
    /** Bytes that do not parse: bad varint, bad header, bad protobuf, bad multistream line. */
    MALFORMED_FRAME,
    /** A length field above the configured limit (checked before allocating). */
    FRAME_TOO_LARGE,
    /** Well-formed input that breaks the protocol: wrong order, window violation, unknown version. */
    PROTOCOL_VIOLATION,
    /** A signature that does not verify (Noise identity signature, message signatures above). */
    BAD_SIGNATURE,
    /** The authenticated peer is not the one that was dialled, or an identify key names another peer. */
    WRONG_PEER_ID,
    /** A message whose content is invalid for the protocol (bad key type, bad update payload). */
    BAD_PAYLOAD,
    /** A handshake or negotiation phase that did not finish within its deadline. */
    TIMEOUT,
    /** Too many connections, streams or requests. */
    RATE_LIMIT
}
