package io.fedp2p.node.dashboard;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;

/**
 * One browser's server-sent-event stream: {@code retry}, the hub's snapshot, then its events as they happen, and a
 * comment line every 15 s so proxies and browsers keep the connection. A browser that cannot keep up (the write queue
 * is full) is disconnected; its EventSource reconnects and starts again from a fresh snapshot, so nothing is lost.
 * Runs on the request's Vert.x context.
 */
final class SseStream {
    static final long RETRY_MILLIS = 2000;
    private static final long KEEP_ALIVE_MILLIS = 15_000;

    private final HttpServerResponse resp;
    private final Vertx vertx;
    private final Context context;
    private DashboardHub.Subscription subscription;
    private long keepAlive;
    private boolean closed;

    private SseStream(HttpServerResponse resp, Vertx vertx) {
        this.resp = resp;
        this.vertx = vertx;
        this.context = vertx.getOrCreateContext();
    }

    /** Starts streaming {@code hub} on {@code resp}. */
    static void open(HttpServerResponse resp, Vertx vertx, DashboardHub hub) {
        SseStream s = new SseStream(resp, vertx);
        resp.setChunked(true)
                .putHeader("Content-Type", "text/event-stream; charset=utf-8")
                .putHeader("Cache-Control", "no-cache, no-store")
                .putHeader("X-Content-Type-Options", "nosniff");
        resp.closeHandler(v -> s.close());
        resp.exceptionHandler(e -> s.close());
        resp.write("retry: " + RETRY_MILLIS + "\n\n");
        s.subscription = hub.subscribe((id, type, json) -> s.context.runOnContext(v -> s.send(id, type, json)));
        s.send(s.subscription.lastId(), "snapshot", s.subscription.snapshotJson());
        s.keepAlive = vertx.setPeriodic(KEEP_ALIVE_MILLIS, t -> s.comment());
    }

    private void send(long id, String type, String json) {
        if (closed) return;
        if (resp.writeQueueFull()) {
            close();
            resp.reset();
            return;
        }
        // the payload is compact JSON: no line breaks, so one data line carries it
        resp.write("id: " + id + "\nevent: " + type + "\ndata: " + json + "\n\n");
    }

    private void comment() {
        if (!closed) resp.write(": keep-alive\n\n");
    }

    private void close() {
        if (closed) return;
        closed = true;
        vertx.cancelTimer(keepAlive);
        if (subscription != null) subscription.cancel().run();
    }
}
