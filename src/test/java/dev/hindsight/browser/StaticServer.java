package dev.hindsight.browser;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Serves a built site folder on a free localhost port, as a static host would: content types by extension,
 * {@code index.html} for folders (with a redirect when the slash is missing), the site's {@code 404.html} for
 * missing files. It records the paths it served and the bytes sent, so tests can measure what a page fetched.
 */
public final class StaticServer implements AutoCloseable {
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"), Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"), Map.entry("mjs", "text/javascript; charset=utf-8"),
            Map.entry("json", "application/json"), Map.entry("xml", "application/xml"),
            Map.entry("svg", "image/svg+xml"), Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"), Map.entry("gif", "image/gif"),
            Map.entry("webp", "image/webp"), Map.entry("ico", "image/x-icon"), Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("csv", "text/csv; charset=utf-8"), Map.entry("md", "text/markdown; charset=utf-8"),
            Map.entry("woff2", "font/woff2"), Map.entry("bin", "application/octet-stream"));

    private final Path root;
    private final HttpServer server;
    private final ExecutorService pool;
    private final List<String> served = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong bytes = new AtomicLong();
    private final Function<String, Map<String, String>> headers;

    private StaticServer(Path root, Function<String, Map<String, String>> headers) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        this.headers = headers;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        this.pool = Executors.newFixedThreadPool(4);
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts serving a folder. */
    public static StaticServer start(Path root) throws IOException {
        return start(root, path -> Map.of());
    }

    /** Starts serving a folder, adding the response headers a function gives for each request path. */
    public static StaticServer start(Path root, Function<String, Map<String, String>> headers) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new IOException("not a folder: " + root);
        }
        return new StaticServer(root, headers);
    }

    /** Returns the absolute URL of a site path such as {@code search/?q=dns} (no leading slash needed). */
    public String url(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + p;
    }

    /** Returns the paths served so far (with status), in order. */
    public List<String> served() {
        synchronized (served) {
            return List.copyOf(served);
        }
    }

    /** Returns the response body bytes sent so far. */
    public long bytesSent() {
        return bytes.get();
    }

    /** Forgets what was served so far. */
    public void resetCounts() {
        served.clear();
        bytes.set(0);
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String raw = ex.getRequestURI().getRawPath();
            String path = URI.create(raw).getPath();
            Path file = root.resolve(path.substring(1)).normalize();
            if (!file.startsWith(root)) {
                send(ex, 403, "text/plain; charset=utf-8", "forbidden".getBytes(StandardCharsets.UTF_8), path);
                return;
            }
            if (Files.isDirectory(file)) {
                if (!path.endsWith("/")) {
                    String query = ex.getRequestURI().getRawQuery();
                    ex.getResponseHeaders().set("Location", raw + "/" + (query == null ? "" : "?" + query));
                    send(ex, 301, "text/plain; charset=utf-8", new byte[0], path);
                    return;
                }
                file = file.resolve("index.html");
            }
            if (!Files.isRegularFile(file)) {
                Path notFound = root.resolve("404.html");
                byte[] body = Files.isRegularFile(notFound) ? Files.readAllBytes(notFound)
                        : ("not found: " + path).getBytes(StandardCharsets.UTF_8);
                send(ex, 404, Files.isRegularFile(notFound) ? TYPES.get("html") : TYPES.get("txt"), body, path);
                return;
            }
            String name = file.getFileName().toString();
            String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
            send(ex, 200, TYPES.getOrDefault(ext, "application/octet-stream"), Files.readAllBytes(file), path);
        }
    }

    private void send(HttpExchange ex, int status, String type, byte[] body, String path) throws IOException {
        headers.apply(path).forEach((k, v) -> ex.getResponseHeaders().set(k, v));
        ex.getResponseHeaders().set("Content-Type", type);
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = ex.getRequestMethod().equalsIgnoreCase("HEAD");
        ex.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
            bytes.addAndGet(body.length);
        }
        served.add(status + " " + path);
    }
}
