package dev.hindsight.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.hindsight.publish.SiteFiles;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The preview's HTTP server (the JDK's own): serves the last good build from memory, adds the live-reload
 * script and the error banner to HTML, streams reload events, and sends the same security headers as
 * {@code netlify.toml}, so a page that breaks the Content-Security-Policy breaks in the preview first.
 * Nothing is cached by the browser: every response is {@code no-store}.
 */
final class DevServer implements AutoCloseable {
    /** The Content-Security-Policy of netlify.toml; a test keeps the two the same. */
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"), Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"), Map.entry("mjs", "text/javascript; charset=utf-8"),
            Map.entry("json", "application/json"), Map.entry("xml", "application/xml"),
            Map.entry("txt", "text/plain; charset=utf-8"), Map.entry("csv", "text/csv; charset=utf-8"),
            Map.entry("md", "text/markdown; charset=utf-8"), Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"), Map.entry("webp", "image/webp"), Map.entry("avif", "image/avif"),
            Map.entry("ico", "image/x-icon"), Map.entry("woff2", "font/woff2"), Map.entry("woff", "font/woff"),
            Map.entry("pdf", "application/pdf"), Map.entry("gz", "application/gzip"), Map.entry("wasm", "application/wasm"),
            Map.entry("webmanifest", "application/manifest+json"));

    private final HttpServer server;
    private final ExecutorService threads;
    private final ReloadEvents events;
    private final Supplier<BuildState> state;
    private final BooleanSupplier building;
    /** Pages asked for while a build was under way and not made yet: the next first pages (see {@link #waiting}). */
    private final Set<String> waiting = ConcurrentHashMap.newKeySet();
    private final byte[] script = resource("reload.js");
    private final byte[] style = resource("overlay.css");

    /** The URL path of the preview's status: the build served, and whether one is under way (for scripts). */
    static final String STATUS = "/__hindsight/status";
    /** At most this many pages asked for during a build are made first. */
    private static final int MAX_WAITING = 32;
    /** The JDK server's switch for TCP_NODELAY on the connections it accepts (see the constructor). */
    static final String NO_DELAY = "sun.net.httpserver.nodelay";

    /**
     * Binds the server (it is not started yet); a port in use throws {@link java.net.BindException}. The state is
     * what is served; {@code building} tells whether a build is running or waiting to run.
     */
    DevServer(String bind, int port, Supplier<BuildState> state, BooleanSupplier building) throws IOException {
        this.state = state;
        this.building = building;
        this.events = new ReloadEvents(page -> state.get().versionOf(page));
        // The JDK's server writes a response's headers and its body apart. With Nagle's algorithm on, the body then
        // waits for the client's delayed acknowledgement of the headers (about 40 ms on Linux) on every request over
        // a kept-alive connection, the browser's reload after an edit among them. The server reads the switch once,
        // when the process makes its first server; a user's own setting is kept.
        if (System.getProperty(NO_DELAY) == null) {
            System.setProperty(NO_DELAY, "true");
        }
        this.server = HttpServer.create(new InetSocketAddress(bind, port), 64);
        this.threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "hindsight-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(threads);
        server.createContext("/", this::handle);
    }

    /** Starts answering requests. */
    void start() {
        server.start();
    }

    /** Returns the port actually bound (useful with port 0). */
    int port() {
        return server.getAddress().getPort();
    }

    /**
     * Returns the pages asked for while a build was under way that it had not made yet, and forgets them: the
     * build makes them first, so a page opened during a long build does not wait for all of it.
     */
    Set<String> waiting() {
        Set<String> pages = new TreeSet<>(waiting);
        waiting.removeAll(pages);
        return pages;
    }

    /** Returns the reload channel. */
    ReloadEvents events() {
        return events;
    }

    private void handle(HttpExchange ex) throws IOException {
        String method = ex.getRequestMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            ex.getResponseHeaders().set("Allow", "GET, HEAD");
            send(ex, 405, "text/plain; charset=utf-8", "method not allowed\n".getBytes(StandardCharsets.UTF_8));
            return;
        }
        String path = ex.getRequestURI().getPath();
        switch (path) {
            case ReloadEvents.PATH -> {
                if (method.equals("HEAD")) {
                    send(ex, 200, "text/event-stream; charset=utf-8", new byte[0]);
                } else {
                    events.serve(ex);
                }
            }
            case STATUS -> {
                BuildState now = state.get();
                send(ex, 200, "application/json; charset=utf-8", utf8("{\"build\":" + now.version() + ",\"partial\":"
                        + now.partial() + ",\"failed\":" + now.failed() + ",\"building\":" + building.getAsBoolean() + "}\n"));
            }
            case PageInjector.SCRIPT -> send(ex, 200, TYPES.get("js"), script);
            case PageInjector.STYLE -> send(ex, 200, TYPES.get("css"), style);
            default -> file(ex, path, state.get());
        }
    }

    private void file(HttpExchange ex, String path, BuildState now) throws IOException {
        String name = siteFile(path);
        if (now.site().isEmpty()) {
            waitFor(name, now);
            send(ex, now.version() == 0 ? 503 : 500, TYPES.get("html"), utf8(PageInjector.standalone(now)));
            return;
        }
        SiteFiles site = now.site().get();
        if (!path.endsWith("/") && site.file(name).isEmpty() && site.isFolder(name)) {
            String query = ex.getRequestURI().getRawQuery();
            ex.getResponseHeaders().set("Location", ex.getRequestURI().getRawPath() + "/" + (query == null ? "" : "?" + query));
            send(ex, 301, "text/plain; charset=utf-8", new byte[0]);
            return;
        }
        Optional<byte[]> file = site.file(name);
        if (file.isEmpty() && now.partial()) {
            // The build under way may still make it (on a first build, everything but its first pages).
            send(ex, 503, TYPES.get("html"), utf8(PageInjector.standalone(now, now.versionOf(name))));
            return;
        }
        if (file.isEmpty()) {
            notFound(ex, site, now);
            return;
        }
        String type = type(name);
        byte[] body = file.get();
        if (type.startsWith("text/html")) {
            body = utf8(PageInjector.inject(new String(body, StandardCharsets.UTF_8), now, now.versionOf(name)));
        }
        send(ex, 200, type, body);
    }

    private void waitFor(String name, BuildState now) {
        if (!now.failed() && name.endsWith(".html") && waiting.size() < MAX_WAITING) {
            waiting.add(name);
        }
    }

    /** Returns the site file a URL path asks for: "/incidents/x/" is "incidents/x/index.html". */
    static String siteFile(String urlPath) {
        String name = urlPath.startsWith("/") ? urlPath.substring(1) : urlPath;
        return name.endsWith("/") || name.isEmpty() ? name + "index.html" : name;
    }

    private void notFound(HttpExchange ex, SiteFiles site, BuildState now) throws IOException {
        Optional<byte[]> page = site.file("404.html");
        if (page.isPresent()) {
            send(ex, 404, TYPES.get("html"), utf8(PageInjector.inject(new String(page.get(), StandardCharsets.UTF_8), now)));
        } else {
            send(ex, 404, "text/plain; charset=utf-8", utf8("not found\n"));
        }
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        var h = ex.getResponseHeaders();
        h.set("Content-Type", type);
        h.set("Cache-Control", "no-store");
        h.set("X-Content-Type-Options", "nosniff");
        h.set("Referrer-Policy", "strict-origin-when-cross-origin");
        h.set("Content-Security-Policy", CSP);
        boolean head = ex.getRequestMethod().equals("HEAD");
        ex.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
        try (OutputStream out = ex.getResponseBody()) {
            if (!head) {
                out.write(body);
            }
        }
    }

    /** Returns the Content-Type for a file by its extension. */
    static String type(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(ext, "application/octet-stream");
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] resource(String name) {
        try (InputStream in = DevServer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource dev/hindsight/serve/" + name + " in the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ends the event streams and stops the server. */
    @Override
    public void close() {
        events.close();
        server.stop(0);
        threads.shutdown();
        try {
            threads.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
