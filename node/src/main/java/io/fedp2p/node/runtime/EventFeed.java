package io.fedp2p.node.runtime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's live events, for the {@code /events} stream and a dashboard served from the same HTTP server: {@code
 * round} (the {@code metrics.jsonl} record of each completed round), {@code peers} (the peer table after a change),
 * {@code status}. Thread-safe; subscribers are called on the publishing thread and must not block.
 */
public final class EventFeed {
    private static final Logger log = LoggerFactory.getLogger(EventFeed.class);

    /** Receives events. */
    @FunctionalInterface
    public interface Subscriber {
        void onEvent(String type, ObjectNode payload);
    }

    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();

    /** Subscribes; the returned action unsubscribes. */
    public Runnable subscribe(Subscriber s) {
        subscribers.add(s);
        return () -> subscribers.remove(s);
    }

    public void publish(String type, ObjectNode payload) {
        for (Subscriber s : subscribers) {
            try {
                s.onEvent(type, payload);
            } catch (RuntimeException e) {
                log.debug("event subscriber failed: {}", e.toString());
            }
        }
    }

    public int subscribers() {
        return subscribers.size();
    }
}
