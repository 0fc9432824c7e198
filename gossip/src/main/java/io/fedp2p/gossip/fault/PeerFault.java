package io.fedp2p.gossip.fault;

import java.util.Objects;

/**
 * Bad input from a remote peer (STYLE.md §2.5). Unchecked and without a stack trace: it is an expected event, logged
 * as one line and reported to the {@link FaultSink}; internal errors use other exception types.
 */
public final class PeerFault extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final FaultKind kind;

    public PeerFault(FaultKind kind, String detail) {
        super(detail, null, false, false);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public FaultKind kind() {
        return kind;
    }

    @Override
    public String toString() {
        return kind + ": " + getMessage();
    }
}
