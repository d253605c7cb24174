package dev.hindsight.browser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class StaticServerTest {

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
                .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesFilesIndexPagesAndTheSiteNotFoundPage(@TempDir Path site) throws Exception {
        Files.createDirectories(site.resolve("search"));
        Files.writeString(site.resolve("search/index.html"), "<p>search</p>");
        Files.writeString(site.resolve("404.html"), "<p>lost</p>");
        Files.writeString(site.resolve("app.js"), "1");
        Files.write(site.resolve("search/x.bin"), new byte[] {1, 2, 3});
        try (StaticServer server = StaticServer.start(site)) {
            HttpResponse<String> page = get(server.url("search/?q=dns"));
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).isEqualTo("<p>search</p>");
            assertThat(page.headers().firstValue("Content-Type")).contains("text/html; charset=utf-8");
            assertThat(get(server.url("app.js")).headers().firstValue("Content-Type")).contains("text/javascript; charset=utf-8");
            assertThat(get(server.url("search/x.bin")).headers().firstValue("Content-Type")).contains("application/octet-stream");
            HttpResponse<String> redirect = get(server.url("search?q=a"));
            assertThat(redirect.statusCode()).isEqualTo(301);
            assertThat(redirect.headers().firstValue("Location")).contains("/search/?q=a");
            HttpResponse<String> missing = get(server.url("nope/"));
            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(missing.body()).isEqualTo("<p>lost</p>");
            assertThat(get(server.url("../../etc/passwd")).statusCode()).isIn(403, 404);
            assertThat(server.served()).contains("200 /search/", "404 /nope/");
            assertThat(server.bytesSent()).isPositive();
        }
    }
}
