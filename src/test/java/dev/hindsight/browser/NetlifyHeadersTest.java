package dev.hindsight.browser;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What netlify.toml sends for each kind of file of a built site. */
class NetlifyHeadersTest {
    private static final String IMMUTABLE = "public, max-age=31536000, immutable";

    private static NetlifyHeaders headers() throws Exception {
        return NetlifyHeaders.read(Path.of(System.getProperty("hindsight.project.dir", ".")).resolve("netlify.toml"));
    }

    @Test
    void everyResponseGetsTheSecurityHeaders() throws Exception {
        for (String path : List.of("/", "/index.html", "/incidents/x/index.html", "/css/site.1a2b3c4d.css", "/search/dict.ab/0.bin")) {
            Map<String, String> h = headers().forPath(path);
            assertThat(h.get("Content-Security-Policy")).as(path).contains("default-src 'self'").contains("script-src 'self'")
                    .contains("object-src 'none'").contains("frame-ancestors 'none'").doesNotContain("unsafe");
            assertThat(h).as(path).containsEntry("X-Content-Type-Options", "nosniff")
                    .containsEntry("Referrer-Policy", "strict-origin-when-cross-origin");
        }
    }

    @Test
    void fingerprintedFilesAreImmutableAndHtmlIsRevalidated() throws Exception {
        NetlifyHeaders h = headers();
        assertThat(h.forPath("/css/site.1a2b3c4d.css")).containsEntry("Cache-Control", IMMUTABLE);
        assertThat(h.forPath("/js/search.d2b7434e.js")).containsEntry("Cache-Control", IMMUTABLE);
        assertThat(h.forPath("/img/favicon.12345678.svg")).containsEntry("Cache-Control", IMMUTABLE);
        assertThat(h.forPath("/search/manifest.bin")).containsEntry("Cache-Control", "no-cache");
        assertThat(h.forPath("/search/frag.8b27351106/3.bin")).containsEntry("Cache-Control", IMMUTABLE);
        assertThat(h.forPath("/search/index.html")).containsEntry("Cache-Control", "no-cache");
        assertThat(h.forPath("/incidents/2024-03-11-x/index.html")).containsEntry("Cache-Control", "no-cache");
        assertThat(h.forPath("/feed.xml")).containsEntry("Cache-Control", "no-cache");
        assertThat(h.forPath("/incidents.json")).containsEntry("Cache-Control", "no-cache");
        assertThat(h.forPath("/incidents-2024.json.gz")).containsEntry("Cache-Control", "no-cache")
                .containsEntry("Content-Type", "application/gzip");
        assertThat(h.forPath("/reports/2024/recurring-causes.json.gz")).containsEntry("Cache-Control", "no-cache")
                .containsEntry("Content-Type", "application/gzip");
    }

    @Test
    void noFileGetsCacheControlFromTwoRules() throws Exception {
        NetlifyHeaders h = headers();
        for (String path : List.of("/index.html", "/search/index.html", "/css/site.1a.css", "/js/a.1b.js", "/img/a.1c.svg",
                "/search/dict.ab/0.bin", "/search/manifest.bin", "/feed.xml", "/incidents.json", "/incidents-2024.json.gz",
                "/reports/2024/causes.json.gz", "/reports/years.json.gz")) {
            assertThat(h.matching(path).stream().filter(r -> r.values().containsKey("Cache-Control")).count())
                    .as("rules setting Cache-Control for %s", path).isLessThanOrEqualTo(1);
        }
    }
}
