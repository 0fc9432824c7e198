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
        // SPEC-GAP: yamux leaves window growth to implementations. Ours: the peer used half the window and our reader
        // kept up (nothing unread), so the window, not the reader, limits throughput: double it, up to max. Waiting
        // for the peer to use the whole window (as before) never fired: a grant at half keeps the credit we see above
        // zero while the peer sits blocked for a round trip, so bulk streams stayed at 256 KiB. A paused or slow
        // reader stops the growth and the grants, so a stream still buffers at most max bytes.
        if (unread == 0 && size < max) {
            long grown = Math.min(size * 2, max);
            delta += grown - size;
            size = grown;
        }
        credit += delta;
        return delta;
    }
}
