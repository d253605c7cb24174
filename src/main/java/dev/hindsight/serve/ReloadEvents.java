package dev.hindsight.serve;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The live-reload channel: a Server-Sent Events stream at {@value #PATH}. On connect it sends the current build
 * version, then one {@code build} event per rebuild; a comment every {@value #PING_SECONDS} s notices closed
 * tabs. Each open page holds one server thread, which is fine for a preview.
 */
final class ReloadEvents {
    /** The URL path of the event stream. */
    static final String PATH = "/__hindsight/events";
    private static final int PING_SECONDS = 15;
    private static final String CLOSE = "";

    private final Set<BlockingQueue<String>> clients = ConcurrentHashMap.newKeySet();
    private final LongSupplier version;
    private volatile boolean closed;

    /** Creates the channel; the supplier gives the version to announce to a new client. */
    ReloadEvents(LongSupplier version) {
        this.version = version;
    }

    /** Returns the number of connected pages. */
    int clients() {
        return clients.size();
    }

    /** Announces a build version to every connected page. */
    void broadcast(long build) {
        String event = event(build);
        clients.forEach(q -> q.offer(event));
    }

    /** Serves one client until it goes away or the channel closes. */
    void serve(HttpExchange exchange) throws IOException {
        BlockingQueue<String> queue = new LinkedBlockingQueue<>();
        clients.add(queue);
        try (exchange) {
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.getResponseHeaders().set("X-Accel-Buffering", "no");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            write(out, "retry: 1000\n\n" + event(version.getAsLong()));
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
        clients.forEach(q -> q.offer(CLOSE));
    }

    private static String event(long build) {
        return "event: build\ndata: {\"build\":" + build + "}\n\n";
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
