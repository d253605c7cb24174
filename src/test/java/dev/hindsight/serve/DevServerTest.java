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
}
