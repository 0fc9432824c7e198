package io.fedp2p.node.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fedp2p.node.dashboard.DashboardRoutes;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's HTTP API on Vert.x (CLI.md): {@code GET /status}, {@code /peers}, {@code /rounds[?since=N]}, {@code
 * /metrics} (Prometheus text), {@code /events} (server-sent events from the {@link EventFeed}), and the dashboard's
 * routes ({@code /}, {@code /dashboard/...}, see {@link DashboardRoutes}) when one is mounted.
 * Errors are JSON {@code {"error": ...}}: 404 for unknown paths, 405 for other methods, 400 for bad parameters, 500
 * without internals. Binds 127.0.0.1 by default. Handlers only read published snapshots: nothing blocks the event loop.
 */
final class ApiServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ApiServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Vertx vertx = Vertx.vertx();
    private final Supplier<NodeStatus> status;
    private final MetricsLog metricsLog;
    private final NodeMetrics metrics;
    private final EventFeed feed;
    private final DashboardRoutes dashboard;
    private HttpServer server;

    ApiServer(
            Supplier<NodeStatus> status,
            MetricsLog metricsLog,
            NodeMetrics metrics,
            EventFeed feed,
            DashboardRoutes dashboard) {
        this.status = status;
        this.metricsLog = metricsLog;
        this.metrics = metrics;
        this.feed = feed;
        this.dashboard = dashboard;
    }

    /** Starts listening; returns the bound port. */
    int start(String host, int port) {
        server = vertx.createHttpServer().requestHandler(this::handle);
        return server.listen(port, host)
                .toCompletionStage()
                .toCompletableFuture()
                .join()
                .actualPort();
    }

    private void handle(HttpServerRequest req) {
        try {
            if (req.method() != HttpMethod.GET) {
                error(req.response(), 405, "only GET is supported");
                return;
            }
            switch (req.path()) {
                case "/status" -> json(req.response(), status.get().status());
                case "/peers" -> json(req.response(), status.get().peers());
                case "/rounds" -> rounds(req);
                case "/metrics" -> req.response()
                        .putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
                        .end(metrics.scrape());
                case "/events" -> events(req);
                default -> {
                    if (dashboard != null && DashboardRoutes.owns(req.path())) dashboard.handle(req);
                    else error(req.response(), 404, "no such resource: " + req.path());
                }
            }
        } catch (RuntimeException e) {
            log.warn("API request {} failed", req.path(), e);
            error(req.response(), 500, "internal error");
        }
    }

    private void rounds(HttpServerRequest req) {
        String since = req.getParam("since");
        long from;
        try {
            from = since == null ? 0 : Long.parseLong(since);
        } catch (NumberFormatException e) {
            error(req.response(), 400, "since must be a round number, got '" + since + "'");
            return;
        }
        List<ObjectNode> records = metricsLog.recent(from);
        ArrayNode out = JSON.createArrayNode();
        records.forEach(out::add);
        json(req.response(), out);
    }

    private void events(HttpServerRequest req) {
        HttpServerResponse resp = req.response()
                .setChunked(true)
                .putHeader("Content-Type", "text/event-stream")
                .putHeader("Cache-Control", "no-cache");
        resp.write("event: status\ndata: " + status.get().status() + "\n\n");
        io.vertx.core.Context context = vertx.getOrCreateContext();
        Runnable unsubscribe = feed.subscribe((type, payload) -> context.runOnContext(v -> {
            if (!resp.ended() && !resp.closed()) resp.write("event: " + type + "\ndata: " + payload + "\n\n");
        }));
        resp.closeHandler(v -> unsubscribe.run());
    }

    private static void json(HttpServerResponse resp, Object body) {
        try {
            resp.putHeader("Content-Type", "application/json").end(JSON.writeValueAsString(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            error(resp, 500, "internal error");
        }
    }

    private static void error(HttpServerResponse resp, int code, String message) {
        ObjectNode e = JSON.createObjectNode().put("error", message);
        resp.setStatusCode(code).putHeader("Content-Type", "application/json").end(e.toString());
    }

    @Override
    public void close() {
        if (server != null)
            server.close().toCompletionStage().toCompletableFuture().join();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }
}
