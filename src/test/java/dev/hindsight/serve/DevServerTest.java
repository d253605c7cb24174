package dev.hindsight.serve;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DevServerTest {

    @Test
    void thePreviewSendsTheContentSecurityPolicyOfNetlifyToml() throws Exception {
        Path toml = Path.of(System.getProperty("hindsight.project.dir", ".")).resolve("netlify.toml");
        String text = Files.readString(toml);
        assertThat(text).contains("Content-Security-Policy = \"" + DevServer.CSP + "\"");
        assertThat(DevServer.CSP).contains("script-src 'self'").doesNotContain("unsafe-inline");
    }

    @Test
    void contentTypesFollowTheExtension() {
        assertThat(DevServer.type("a/index.html")).isEqualTo("text/html; charset=utf-8");
        assertThat(DevServer.type("js/search.1a2b.js")).startsWith("text/javascript");
        assertThat(DevServer.type("search/dict.ab12.bin")).isEqualTo("application/octet-stream");
        assertThat(DevServer.type("img/logo.SVG")).isEqualTo("image/svg+xml");
    }

    @Test
    void aUrlPathNamesTheSiteFileItServes() {
        assertThat(DevServer.siteFile("/")).isEqualTo("index.html");
        assertThat(DevServer.siteFile("/incidents/x/")).isEqualTo("incidents/x/index.html");
        assertThat(DevServer.siteFile("/css/site.css")).isEqualTo("css/site.css");
    }

    @Test
    void anOpenPageNamesItsFileOnTheEventStream() {
        assertThat(ReloadEvents.page("page=%2Fincidents%2Fx%2F")).isEqualTo("incidents/x/index.html");
        assertThat(ReloadEvents.page("a=1&page=%2F")).isEqualTo("index.html");
        // The browser's path is percent-encoded already, and encoded once more as a query value.
        assertThat(ReloadEvents.page("page=%2Fincidents%2Fcaf%25C3%25A9%2F")).isEqualTo("incidents/café/index.html");
        assertThat(ReloadEvents.page("page=%2Fa%2Bb%2F")).as("a plus in a path is a plus").isEqualTo("a+b/index.html");
        assertThat(ReloadEvents.page(null)).isEmpty();
        assertThat(ReloadEvents.page("other=1")).isEmpty();
        assertThat(ReloadEvents.page("page=relative")).isEmpty();
        assertThat(ReloadEvents.page("page=%2F%25zz")).as("a path that does not read").isEmpty();
    }

    @Test
    void whileABuildServesItsFirstPagesAFileItHasNotMadeYetIsABuildingPageThatWaitsForIt() throws Exception {
        BuildState partial = BuildState.STARTING.withFirst(Map.of("index.html",
                "<!doctype html><html><head><title>Home</title></head><body>home</body></html>".getBytes(StandardCharsets.UTF_8)));
        DevServer server = new DevServer("127.0.0.1", 0, () -> partial, () -> true);
        server.start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> home = get(http, server, "/");
            assertThat(home.statusCode()).isEqualTo(200);
            assertThat(home.body()).contains("home").contains("data-build=\"1\"");
            HttpResponse<String> later = get(http, server, "/incidents/");
            assertThat(later.statusCode()).as("not a 404: the build under way makes it").isEqualTo(503);
            assertThat(later.body()).contains("Building the site").contains("data-build=\"0\"");
        } finally {
            server.close();
        }
    }

    @Test
    void aPageAskedForBeforeTheFirstBuildIsDoneIsMadeFirst() throws Exception {
        DevServer server = new DevServer("127.0.0.1", 0, () -> BuildState.STARTING, () -> true);
        server.start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            assertThat(get(http, server, "/incidents/a/").statusCode()).isEqualTo(503);
            assertThat(get(http, server, "/css/site.css").statusCode()).isEqualTo(503);
            assertThat(server.waiting()).as("pages only").containsExactly("incidents/a/index.html");
            assertThat(server.waiting()).as("asked for once").isEmpty();
        } finally {
            server.close();
        }
    }

    @Test
    void theServerSendsAResponseWithoutWaitingForTheClientsAcknowledgementOfItsHeaders() throws Exception {
        // Without it, every request over a kept-alive connection waited about 40 ms for a delayed acknowledgement.
        DevServer server = new DevServer("127.0.0.1", 0, () -> BuildState.STARTING, () -> true);
        try {
            assertThat(System.getProperty(DevServer.NO_DELAY)).isEqualTo("true");
        } finally {
            server.close();
        }
    }

    private static HttpResponse<String> get(HttpClient http, DevServer server, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
