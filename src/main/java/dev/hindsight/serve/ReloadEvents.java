package dev.hindsight.serve;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;

/**
 * The live-reload channel: a Server-Sent Events stream at {@value #PATH}, which each page opens with its own URL
 * path ({@code ?page=/incidents/x/}). On connect it sends the build the page's file is from now, then one
 * {@code build} event per rebuild (to the pages of a build's first files as soon as they are served, see
 * {@link BuildState#partial}), and a {@code reload} event when a page must reload whatever build it shows; a
 * comment every {@value #PING_SECONDS} s notices closed tabs. Each open page holds one server thread, which is fine
 * for a preview.
 */
final class ReloadEvents {
    /** The URL path of the event stream. */
    static final String PATH = "/__hindsight/events";
    private static final int PING_SECONDS = 15;
    private static final String CLOSE = "";
    private static final String RELOAD = "event: reload\ndata: {}\n\n";

    /** Each connected page's queue of events, and the site file it shows ("" when it did not say). */
    private final Map<BlockingQueue<String>, String> clients = new ConcurrentHashMap<>();
    private final ToLongFunction<String> version;
    private volatile boolean closed;

    /** Creates the channel; the function gives the build to announce to a new client showing a site file. */
    ReloadEvents(ToLongFunction<String> version) {
        this.version = version;
    }

    /** Returns the number of connected pages. */
    int clients() {
        return clients.size();
    }

    /** Returns the site files the connected pages show ("incidents/x/index.html"). */
    Set<String> pages() {
        Set<String> pages = new TreeSet<>(clients.values());
        pages.remove("");
        return pages;
    }

    /** Announces a build version to every connected page. */
    void broadcast(long build) {
        String event = event(build);
        clients.keySet().forEach(q -> q.offer(event));
    }

    /** Announces a build version to the pages that show some site files only (the build's first pages). */
    void broadcast(long build, Set<String> pages) {
        String event = event(build);
        clients.forEach((q, page) -> {
            if (pages.contains(page)) {
                q.offer(event);
            }
        });
    }

    /** Tells the pages that show some site files to reload, whatever build they are from. */
    void reload(Set<String> pages) {
        clients.forEach((q, page) -> {
            if (pages.contains(page)) {
                q.offer(RELOAD);
            }
        });
    }

    /** Serves one client until it goes away or the channel closes. */
    void serve(HttpExchange exchange) throws IOException {
        BlockingQueue<String> queue = new LinkedBlockingQueue<>();
        String page = page(exchange.getRequestURI().getRawQuery());
        clients.put(queue, page);
        try (exchange) {
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.getResponseHeaders().set("X-Accel-Buffering", "no");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            write(out, "retry: 1000\n\n" + event(version.applyAsLong(page)));
            while (!closed) {
                String next = queue.poll(PING_SECONDS, TimeUnit.SECONDS);
                if (next == null) {
                    write(out, ": ping\n\n");
                } else if (next.equals(CLOSE)) {
                    break;
                } else {
                    write(out, next);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            clients.remove(queue);
        }
    }

    /** Ends every stream, so the server can stop. */
    void close() {
        closed = true;
        clients.keySet().forEach(q -> q.offer(CLOSE));
    }

    /**
     * Returns the site file named by the stream's {@code page} parameter: the page's URL path as the browser has it
     * (percent-encoded), encoded once more as a query value. "" when there is none or it does not read.
     */
    static String page(String rawQuery) {
        if (rawQuery == null) {
            return "";
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.startsWith("page=")) {
                try {
                    String path = URI.create(URLDecoder.decode(pair.substring("page=".length()), StandardCharsets.UTF_8)).getPath();
                    return path != null && path.startsWith("/") ? DevServer.siteFile(path) : "";
                } catch (IllegalArgumentException e) {
                    return "";
                }
            }
        }
        return "";
    }

    private static String event(long build) {
        return "event: build\ndata: {\"build\":" + build + "}\n\n";
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
