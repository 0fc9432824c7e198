package io.fedp2p.node.dashboard;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.util.concurrent.CountDownLatch;

/**
 * A stand-alone HTTP server for the dashboard only (simulations and replays; a node mounts {@link DashboardRoutes}
 * on its API server instead). Other paths answer 404. Closing stops the server and its Vert.x instance.
 */
public final class DashboardServer implements AutoCloseable {
    private final Vertx vertx;
    private final HttpServer server;
    private final ServeAddress address;
    private final int port;
    private boolean closed;

    private DashboardServer(Vertx vertx, HttpServer server, ServeAddress address, int port) {
        this.vertx = vertx;
        this.server = server;
        this.address = address;
        this.port = port;
    }

    /**
     * Binds {@code address} (warning on stderr when it is not loopback) and serves {@code hub}.
     *
     * @throws IllegalStateException when the address cannot be bound (in use, not local)
     */
    public static DashboardServer start(DashboardHub hub, ServeAddress address) {
        address.warnIfExposed("--serve", System.err);
        DashboardRoutes routes = new DashboardRoutes(hub);
        Vertx vertx = Vertx.vertx();
        HttpServer server = vertx.createHttpServer().requestHandler(req -> route(routes, req));
        try {
            int port = server.listen(address.port(), address.host())
                    .toCompletionStage()
                    .toCompletableFuture()
                    .join()
                    .actualPort();
            return new DashboardServer(vertx, server, address, port);
        } catch (RuntimeException e) {
            vertx.close();
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IllegalStateException(
                    "cannot serve the dashboard on " + address.host() + ":" + address.port() + ": " + cause, e);
        }
    }

    private static void route(DashboardRoutes routes, HttpServerRequest req) {
        if (DashboardRoutes.owns(req.path())) {
            routes.handle(req);
        } else {
            DashboardRoutes.secure(req.response());
            DashboardRoutes.error(req.response(), 404, "no such resource");
        }
    }

    public int port() {
        return port;
    }

    /** The page's URL, e.g. {@code http://127.0.0.1:8080/dashboard/}. */
    public String url() {
        return address.dashboardUrl(port);
    }

    /**
     * Serves until the JVM is asked to stop (Ctrl-C, SIGTERM) or the calling thread is interrupted, then closes the
     * server.
     */
    public void awaitShutdown() {
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(
                () -> {
                    close();
                    stopped.countDown();
                },
                "fedp2p-dashboard-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                return; // the hook closes the server
            }
            close();
        }
    }

    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        server.close().toCompletionStage().toCompletableFuture().join();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }
}
