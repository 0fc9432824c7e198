package io.fedp2p.gossip.testing;

import io.fedp2p.gossip.fault.FaultEvent;
import io.fedp2p.gossip.fault.FaultKind;
import io.fedp2p.gossip.fault.FaultSink;
import java.util.ArrayList;
import java.util.List;

/** Keeps every fault event, thread-safely. */
public final class RecordingFaultSink implements FaultSink {
    private final List<FaultEvent> events = new ArrayList<>();

    @Override
    public synchronized void onFault(FaultEvent event) {
        events.add(event);
        notifyAll();
    }

    public synchronized List<FaultEvent> events() {
        return List.copyOf(events);
    }

    /** Waits until an event of {@code kind} arrived. */
    public synchronized FaultEvent await(FaultKind kind, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (true) {
            for (FaultEvent e : events) {
                if (e.kind() == kind) {
                    return e;
                }
            }
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                throw new AssertionError("no " + kind + " fault within " + timeoutMillis + " ms; got " + events);
            }
            wait(left);
        }
    }
}
