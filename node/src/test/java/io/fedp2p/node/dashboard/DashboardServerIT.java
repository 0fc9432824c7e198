package io.fedp2p.node.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The dashboard's HTTP surface on a loopback socket: assets, headers, read-only methods, state and the SSE stream. */
class DashboardServerIT {
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private DashboardHub hub;
    private DashboardServer server;

    @BeforeEach
    void start() {
        hub = new DashboardHub(new RunInfo("sim", "test run", null, 3, Map.of("seed", "7")));
        hub.addRound(new RoundPoint(0, Stats.of(0.4), Stats.of(1.2), 100, 2.0, 4, 0));
        server = DashboardServer.start(hub, ServeAddress.DEFAULT);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    private HttpResponse<String> send(HttpRequest r) throws Exception {
        return http.send(r, HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    @Test
    void servesThePageAndItsModulesWithAStrictContentSecurityPolicy() throws Exception {
        HttpResponse<String> page = get("/dashboard/");
        HttpResponse<String> module = get("/dashboard/main.js");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<script type=\"module\" src=\"main.js\">");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("script-src 'self'")
                .contains("connect-src 'self'")
                .doesNotContain("unsafe-inline");
        assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(module.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/javascript");
        assertThat(server.url()).isEqualTo("http://127.0.0.1:" + server.port() + "/dashboard/");
    }

    @Test
    void everyAssetReferencedFromTheJarIsServed() throws Exception {
        for (String name : StaticAssets.NAMES)
            assertThat(get("/dashboard/" + name).statusCode()).isEqualTo(200);
    }

    @Test
    void unknownPathsAndTraversalAre404AndWritesAre405() throws Exception {
        assertThat(get("/dashboard/nope.js").statusCode()).isEqualTo(404);
        assertThat(get("/dashboard/..%2Fpom.xml").statusCode()).isEqualTo(404);
        assertThat(get("/dashboard/io/fedp2p/node/dashboard/DashboardHub.class").statusCode())
                .isEqualTo(404);
        assertThat(get("/status").statusCode()).isEqualTo(404);
        HttpResponse<String> post = send(HttpRequest.newBuilder(uri("/dashboard/state"))
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build());
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.body()).contains("read-only");
    }

    @Test
    void theRootRedirectsToThePage() throws Exception {
        HttpResponse<String> root = get("/");

        assertThat(root.statusCode()).isEqualTo(302);
        assertThat(root.headers().firstValue("Location")).contains("/dashboard/");
    }

    @Test
    void stateIsTheHubsSnapshot() throws Exception {
        HttpResponse<String> state = get("/dashboard/state");

        assertThat(state.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(state.body()).isEqualTo(hub.snapshotJson());
    }

    @Test
    void theEventStreamStartsWithRetryAndSnapshotThenCarriesNewRounds() throws Exception {
        HttpResponse<java.io.InputStream> resp = http.send(
                HttpRequest.newBuilder(uri("/dashboard/events")).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(resp.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/event-stream");
        try (BufferedReader in = new BufferedReader(new InputStreamReader(resp.body(), StandardCharsets.UTF_8))) {
            assertThat(in.readLine()).isEqualTo("retry: " + SseStream.RETRY_MILLIS);
            assertThat(in.readLine()).isEmpty();
            assertThat(in.readLine()).startsWith("id: ");
            assertThat(in.readLine()).isEqualTo("event: snapshot");
            assertThat(in.readLine()).startsWith("data: {\"info\"").contains("\"round\":0");
            assertThat(in.readLine()).isEmpty();

            hub.addRound(new RoundPoint(1, Stats.of(0.6), Stats.of(0.9), 100, 2.0, 4, 0));

            assertThat(List.of(in.readLine(), in.readLine()))
                    .satisfiesExactly(id -> assertThat(id).startsWith("id: "), type -> assertThat(type)
                            .isEqualTo("event: round"));
            assertThat(in.readLine()).startsWith("data: {\"round\":1,");
        }
        assertThat(hub.subscribers()).isLessThanOrEqualTo(1);
    }
}
