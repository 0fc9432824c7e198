package io.fedp2p.node.dashboard;

import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * The browser files, read once from the jar. Only the names listed here are served, so no request path ever reaches
 * the class loader or the file system.
 */
final class StaticAssets {
    private static final String ROOT = "/io/fedp2p/node/dashboard/web/";
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "svg", "image/svg+xml");
    static final String[] NAMES = {
        "index.html",
        "dashboard.css",
        "main.js",
        "model.js",
        "dom.js",
        "graph.js",
        "layout.js",
        "chart.js",
        "tables.js",
        "favicon.svg"
    };

    /** A file and its content type. */
    record Asset(Buffer body, String contentType) {}

    private final TreeMap<String, Asset> assets = new TreeMap<>();

    StaticAssets() {
        for (String name : NAMES) {
            try (InputStream in = StaticAssets.class.getResourceAsStream(ROOT + name)) {
                if (in == null) throw new IllegalStateException("dashboard asset missing from the jar: " + name);
                String ext = name.substring(name.lastIndexOf('.') + 1);
                assets.put(name, new Asset(Buffer.buffer(in.readAllBytes()), TYPES.get(ext)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read dashboard asset " + name, e);
            }
        }
    }

    /** The asset of that exact name, or null. */
    Asset get(String name) {
        return assets.get(name);
    }
}
