package dev.hindsight.browser;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.hindsight.BuildOptions;
import dev.hindsight.BuildReport;
import dev.hindsight.Pipeline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Content-Security-Policy of netlify.toml lets the built site run: the fixture site is built, served with
 * every header netlify.toml sets for each path, and loaded in headless Chromium, which must report no violation.
 * A control page with an inline script proves that a violation would be seen.
 */
class CspBrowserIT {
    private static final String LISTEN = "window.__csp = [];"
            + "document.addEventListener('securitypolicyviolation', function (e) {"
            + "  window.__csp.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline') + ' line ' + e.lineNumber);"
            + "});";

    @TempDir
    Path dir;

    @Test
    void builtPagesRunUnderTheNetlifyPolicyWithoutViolations() throws Exception {
        Path project = Path.of(System.getProperty("hindsight.project.dir", "."));
        dev.hindsight.TestFolders.copy(dev.hindsight.TestFolders.basicSite(), dir.resolve("content"));
        BuildReport report = new Pipeline(s -> { }).build(BuildOptions.defaults(dir, LocalDate.of(2025, 6, 1))
                .withCache(dir.resolve("cache")));
        assertThat(report.published()).as("build: %s", report.problems()).isTrue();
        Path site = dir.resolve("public");
        Files.createDirectories(site.resolve("csp-control"));
        Files.writeString(site.resolve("csp-control/index.html"),
                "<!doctype html><title>control</title><p>x</p><script>document.title = 'ran';</script>");
        NetlifyHeaders headers = NetlifyHeaders.read(project.resolve("netlify.toml"));

        List<String> pages = List.of("", "incidents/index.html", "incidents/2024-03-11-checkout-pool/index.html",
                "incidents/2025-02-14-hostile-title/index.html", "search/index.html?q=pool", "history/index.html",
                "causes/index.html", "reports/index.html", "start-here/index.html", "no/such/page/");
        try (Chromium.Session s = Chromium.start(); Server server = new Server(site, headers)) {
            s.driver().executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", LISTEN));
            for (String page : pages) {
                List<?> violations = load(s, server.url(page));
                assertThat(violations).as("CSP violations on /%s", page).isEmpty();
            }
            assertThat(server.csp()).as("the policy was sent").isEqualTo(headers.forPath("/").get("Content-Security-Policy"));
            List<?> control = load(s, server.url("csp-control/"));
            assertThat(control).as("an inline script is reported").isNotEmpty();
            assertThat(s.driver().getTitle()).isEqualTo("control");
        }
    }

    private static List<?> load(Chromium.Session s, String url) throws InterruptedException {
        s.driver().get(url);
        new WebDriverWait(s.driver(), Duration.ofSeconds(20)).until(d ->
                "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
        Thread.sleep(400);
        Object v = s.driver().executeScript("return window.__csp || ['listener missing']");
        return v instanceof List<?> l ? l : List.of(String.valueOf(v));
    }

    /** A static host for a site folder that sends netlify.toml's headers. */
    private static final class Server implements AutoCloseable {
        private final Path root;
        private final NetlifyHeaders headers;
        private final HttpServer http;
        private volatile String csp = "";

        Server(Path root, NetlifyHeaders headers) throws IOException {
            this.root = root.toAbsolutePath().normalize();
            this.headers = headers;
            this.http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            http.createContext("/", this::handle);
            http.start();
        }

        String url(String path) {
            return "http://127.0.0.1:" + http.getAddress().getPort() + "/" + path;
        }

        String csp() {
            return csp;
        }

        private void handle(HttpExchange ex) throws IOException {
            try (ex) {
                String path = URI.create(ex.getRequestURI().getRawPath()).getPath();
                Path file = root.resolve(path.substring(1)).normalize();
                int status = 200;
                if (Files.isDirectory(file)) {
                    file = file.resolve("index.html");
                }
                if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                    file = root.resolve("404.html");
                    status = 404;
                }
                headers.forPath(path).forEach((k, v) -> ex.getResponseHeaders().set(k, v));
                csp = ex.getResponseHeaders().getFirst("Content-Security-Policy");
                String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
                ex.getResponseHeaders().set("Content-Type", name.endsWith(".html") ? "text/html; charset=utf-8"
                        : name.endsWith(".css") ? "text/css" : name.endsWith(".js") ? "text/javascript"
                        : name.endsWith(".svg") ? "image/svg+xml" : name.endsWith(".json") ? "application/json"
                        : "application/octet-stream");
                byte[] body = Files.readAllBytes(file);
                ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(body);
                }
            }
        }

        @Override
        public void close() {
            http.stop(0);
        }
    }
}
