package io.fedp2p.node.dashboard;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

/**
 * The dashboard's HTTP routes, mountable on any Vert.x server (the node's API server, {@link DashboardServer}):
 *
 * <pre>
 * GET /                    302 to /dashboard/
 * GET /dashboard/          the page (index.html)
 * GET /dashboard/NAME      a static asset from the jar (a fixed list of names)
 * GET /dashboard/state     the hub's snapshot as JSON
 * GET /dashboard/events    server-sent events: retry, snapshot, then the hub's events
 * </pre>
 *
 * Every response forbids framing and sniffing and carries a Content-Security-Policy that allows only this origin's
 * scripts, styles and connections, with no inline script: the page renders peer-controlled text only as text.
 */
public final class DashboardRoutes implements Handler<HttpServerRequest> {
    /** Where the page lives. */
    public static final String PREFIX = "/dashboard/";

    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private final DashboardHub hub;
    private final StaticAssets assets = new StaticAssets();

    public DashboardRoutes(DashboardHub hub) {
        this.hub = hub;
    }

    public DashboardHub hub() {
        return hub;
    }

    /** Whether a request for {@code path} belongs to the dashboard. */
    public static boolean owns(String path) {
        return path.equals("/") || path.equals("/dashboard") || path.startsWith(PREFIX);
    }

    /** Serves a request whose path {@link #owns} accepts; answers 405 to anything but GET and HEAD. */
    @Override
    public void handle(HttpServerRequest req) {
        HttpServerResponse resp = req.response();
        secure(resp);
        if (req.method() != HttpMethod.GET && req.method() != HttpMethod.HEAD) {
            error(resp.putHeader("Allow", "GET, HEAD"), 405, "the dashboard is read-only: only GET");
            return;
        }
        String path = req.path();
        if (path.equals("/") || path.equals("/dashboard")) {
            resp.setStatusCode(302).putHeader("Location", PREFIX).end();
            return;
        }
        String name = path.substring(PREFIX.length());
        switch (name) {
            case "" -> asset(resp, "index.html");
            case "events" -> SseStream.open(resp, Vertx.currentContext().owner(), hub);
            case "state" -> resp.putHeader("Content-Type", "application/json")
                    .putHeader("Cache-Control", "no-store")
                    .end(hub.snapshotJson());
            default -> asset(resp, name);
        }
    }

    private void asset(HttpServerResponse resp, String name) {
        StaticAssets.Asset a = assets.get(name);
        if (a == null) {
            error(resp, 404, "no such dashboard file");
            return;
        }
        resp.putHeader("Content-Type", a.contentType())
                .putHeader("Cache-Control", "no-cache")
                .end(a.body());
    }

    static void secure(HttpServerResponse resp) {
        resp.putHeader("Content-Security-Policy", CSP)
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("X-Frame-Options", "DENY")
                .putHeader("Referrer-Policy", "no-referrer");
    }

    static void error(HttpServerResponse resp, int code, String message) {
        resp.setStatusCode(code).putHeader("Content-Type", "application/json").end("{\"error\":\"" + message + "\"}");
    }
}
