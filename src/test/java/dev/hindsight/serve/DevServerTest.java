package dev.hindsight.serve;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

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
}
