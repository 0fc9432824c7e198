package io.fedp2p.gossip.yamux;

import io.fedp2p.gossip.fault.FaultKind;
import io.fedp2p.gossip.fault.PeerFault;

/**
 * Receive-side flow control of one stream (LIBP2P.md §7.3): the credit the peer still has, and when to grant more.
 * Event-loop confined.
 */
final class ReceiveWindow {
    private final long max;
    private long credit = YamuxSession.INITIAL_WINDOW;
    private long size = YamuxSession.INITIAL_WINDOW;
    private boolean exhausted;

    ReceiveWindow(long max) {
        this.max = max;
    }

    /**
     * Accounts for {@code length} Data bytes.
     *
     * @throws PeerFault {@link FaultKind#PROTOCOL_VIOLATION} when the peer sent more than its credit
     */
    void onData(int streamId, int length) {
        if (length > credit) {
            throw new PeerFault(
                    FaultKind.PROTOCOL_VIOLATION,
                    "yamux window violation on stream " + streamId + ": " + length + " bytes, window " + credit);
        }
        credit -= length;
        if (credit == 0) {
            exhausted = true;
        }
    }

    /**
     * The window update to send now, or 0: updates go out once at least half the window is free again ({@code
     * unread} bytes received but not yet consumed do not count as free).
     */
    long grant(long unread) {
        long delta = size - credit - unread;
        if (delta < size / 2) {
            return 0;
        }
        // SPEC-GAP: yamux leaves window growth to implementations. Ours: the peer used the whole window while our
        // reader kept up (nothing unread), so the window, not the reader, limits throughput: double it up to max.
        if (exhausted && unread == 0 && size < max) {
            long grown = Math.min(size * 2, max);
            delta += grown - size;
            size = grown;
        }
        exhausted = false;
        credit += delta;
        return delta;
    }
}
