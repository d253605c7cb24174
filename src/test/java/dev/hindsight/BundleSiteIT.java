package dev.hindsight;

import dev.hindsight.cli.Main;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A team folder with a landing page ({@code payments/index.md}), a postmortem file beside it and a page bundle below
 * it, plus a bundle holding a Markdown attachment: every postmortem gets its page, the nested bundle's image is
 * copied beside its page, the landing page and the attachment are reported, and no Markdown is published raw
 * except the attachment its bundle keeps.
 */
class BundleSiteIT {
    @TempDir
    static Path dir;
    static Path out;
    static int code;
    static String buildOut;
    static String buildErr;

    @BeforeAll
    static void build() throws IOException {
        Path content = Files.createDirectories(dir.resolve("project/content"));
        Files.writeString(content.resolve("site.yml"), "title: Bundles\nbase_url: https://b.example/\n");
        write(content.resolve("payments/index.md"), "# Payments team postmortems\n\nIndex of our incidents.\n");
        write(content.resolve("payments/2023-04-02-checkout-500s.md"), "---\ntitle: Checkout 500s after deploy\n"
                + "date: 2023-04-02\nseverity: SEV1\n---\n\n## Summary\nCheckout failed.\n");
        write(content.resolve("payments/2023-05-01-gateway/index.md"), "---\ntitle: Gateway timeouts\ndate: 2023-05-01\n"
                + "---\n\nGateway timed out.\n\n![p99 latency](latency.png)\n");
        Files.write(content.resolve("payments/2023-05-01-gateway/latency.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        write(content.resolve("2022-11-20-dns/index.md"), "# DNS outage\n\nResolvers failed. [Chat log](chat.md)\n");
        write(content.resolve("2022-11-20-dns/chat.md"), "10:02 someone: is DNS down?\n");
        // Settings the site never reads (invalid, too): reported and not published, not copied as a bundle file.
        write(content.resolve("2022-11-20-dns/site.yml"), "title: [never closed\n");
        out = dir.resolve("out");
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        code = Main.run(new PrintWriter(o), new PrintWriter(e), "build", "--source", dir.resolve("project").toString(),
                "-d", out.toString(), "--today", "2026-01-15");
        buildOut = o.toString();
        buildErr = e.toString();
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    static Document page(String path) throws IOException {
        return Jsoup.parse(Files.readString(out.resolve(path)));
    }

    @Test
    void everyFileIsAccountedForInTheSummary() {
        assertThat(code).isEqualTo(Main.OK);
        assertThat(buildOut).contains("files: 8 in content: 3 rendered, 0 rendered with warnings, 2 resources, 3 skipped")
                .contains("skipped: payments/index.md (not a postmortem: folder index page")
                .contains("skipped: 2022-11-20-dns/site.yml (site settings are read only from site.yml at the top");
        assertThat(buildErr).contains("2022-11-20-dns/chat.md:1: warning: Markdown in the bundle of 2022-11-20-dns/index.md"
                + " is not rendered").contains("2022-11-20-dns/site.yml:1: warning: site settings are read only from site.yml");
    }

    @Test
    void bothPostmortemsBesideTheLandingPageHavePagesThatTheIndexLinks() throws IOException {
        assertThat(page("incidents/2023-04-02-checkout-500s/index.html").select("h1").text())
                .isEqualTo("Checkout 500s after deploy");
        assertThat(page("incidents/2023-05-01-gateway/index.html").select("h1").text()).isEqualTo("Gateway timeouts");
        assertThat(page("incidents/index.html").select("#incident-table tbody tr td:nth-child(3) a").eachText())
                .containsExactly("Gateway timeouts", "Checkout 500s after deploy", "DNS outage");
        assertThat(Files.exists(out.resolve("incidents/payments"))).as("the landing page is no incident").isFalse();
    }

    @Test
    void theNestedBundlesImageIsCopiedBesideItsPage() throws IOException {
        Document gateway = page("incidents/2023-05-01-gateway/index.html");
        assertThat(gateway.select("img[alt=p99 latency]").attr("src")).isEqualTo("latency.png");
        assertThat(out.resolve("incidents/2023-05-01-gateway/latency.png")).exists();
    }

    @Test
    void noMarkdownIsPublishedRawButTheAttachmentItsBundleKeeps() throws IOException {
        // reports/*/report.md are the report's own downloads, written by the site, not copied from content.
        try (Stream<Path> files = Files.walk(out.resolve("incidents"))) {
            List<String> markdown = files.filter(f -> f.toString().endsWith(".md"))
                    .map(f -> out.relativize(f).toString().replace('\\', '/')).toList();
            assertThat(markdown).containsExactly("incidents/2022-11-20-dns/chat.md");
        }
        try (Stream<Path> files = Files.walk(out)) {
            assertThat(files.filter(f -> f.getFileName().toString().equals("site.yml"))).as("settings are never published")
                    .isEmpty();
        }
        assertThat(page("incidents/2022-11-20-dns/index.html").select("a:contains(Chat log)").attr("href"))
                .isEqualTo("chat.md");
    }
}
