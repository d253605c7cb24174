package dev.hindsight.report;

import dev.hindsight.BuildOptions;
import dev.hindsight.BuildReport;
import dev.hindsight.Pipeline;
import dev.hindsight.model.Problem;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.json.Json;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Builds whole sites through the pipeline and checks their reports: the report fixture (same numbers as
 * {@link ReportNumbersTest}, now through the loader) and our own content/.
 */
class ReportIT {
    @TempDir
    Path tmp;

    static Path project() {
        return Path.of(System.getProperty("hindsight.project.dir", ".")).toAbsolutePath();
    }

    BuildReport build(Path content, LocalDate today, boolean drafts, Path dest) {
        BuildOptions o = BuildOptions.defaults(project(), today).withContent(content).withDestination(dest)
                .withCache(tmp.resolve("cache")).withDrafts(drafts);
        BuildReport r = new Pipeline(stage -> { }).build(o);
        // The loader's stub returns an empty site without accounting for any file; a real loader accounts for each.
        assumeTrue(r.incidents() > 0 || !r.files().isEmpty(), "the content loader is still a stub: nothing was loaded");
        assertThat(r.problems()).filteredOn(Problem::isError).isEmpty();
        return r;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> json(Path file) throws IOException {
        return new Json().toType(gunzipped(file), Json.MAP_TYPE);
    }

    /** Returns the text of a gzip-compressed download, as a tool reads it. */
    static String gunzipped(Path file) throws IOException {
        assertThat(file.getFileName().toString()).endsWith(".json.gz");
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> rows(Path file) throws IOException {
        return (List<Map<String, Object>>) ((Map<String, Object>) json(file).get("table")).get("rows");
    }

    @Test
    void theFixtureGivesTheKnownNumbersThroughTheLoader() throws IOException {
        Path site = tmp.resolve("public");
        BuildReport r = build(project().resolve("src/test/resources/sites/report"), ReportFixture.TODAY, true, site);
        assertThat(r.incidents()).isEqualTo(10);
        Path dir = site.resolve("reports/2025");
        assertThat(rows(dir.resolve("severity.json.gz"))).extracting(m -> m.get("incidents"), m -> m.get("previous"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2L, 1L), org.assertj.core.groups.Tuple.tuple(2L, 1L),
                        org.assertj.core.groups.Tuple.tuple(2L, 1L));
        // A year's download lists the year's incidents of each chain; the all-years one has the chains whole.
        assertThat(rows(dir.resolve("recurring-causes.json.gz"))).extracting(m -> m.get("chain")).containsExactly(
                List.of(ReportFixture.D, ReportFixture.G), List.of(ReportFixture.G, ReportFixture.I), List.of(ReportFixture.E));
        assertThat(rows(site.resolve("reports/all/recurring-causes.json.gz"))).extracting(m -> m.get("chain")).contains(
                List.of(ReportFixture.A, ReportFixture.D, ReportFixture.G, ReportFixture.J),
                List.of(ReportFixture.B, ReportFixture.G, ReportFixture.I), List.of(ReportFixture.B, ReportFixture.E));
        assertThat(rows(dir.resolve("recurred-after-fix.json.gz"))).extracting(m -> m.get("incident"), m -> m.get("earlier"), m -> m.get("daysAfterFix"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ReportFixture.D, ReportFixture.A, 270L));
        assertThat(rows(dir.resolve("action-items-slo.json.gz"))).extracting(m -> m.get("type"), m -> m.get("share"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("mitigate", 0L), org.assertj.core.groups.Tuple.tuple("prevent", 0.5),
                        org.assertj.core.groups.Tuple.tuple("detect", 0L), org.assertj.core.groups.Tuple.tuple("process", null),
                        org.assertj.core.groups.Tuple.tuple("all", 0.2));
        assertThat(rows(dir.resolve("detection-by-quarter.json.gz"))).extracting(m -> m.get("customerShare"))
                .containsExactly(0.5, 0L, 1L, 0L);
        Map<String, Object> all = rows(dir.resolve("durations-by-severity.json.gz")).get(3);
        assertThat(all).containsEntry("ttdMedianMinutes", 20L).containsEntry("ttdP90Minutes", 60L)
                .containsEntry("ttrMedianMinutes", 105L).containsEntry("ttrP90Minutes", 300L);
        assertThat(rows(dir.resolve("postmortem-debt.json.gz"))).extracting(m -> m.get("incident"))
                .containsExactly(ReportFixture.E, ReportFixture.H, ReportFixture.I);
        assertThat(rows(dir.resolve("stale-drafts.json.gz"))).extracting(m -> m.get("ageDays")).containsExactly(56L);
        Document page = Jsoup.parse(site.resolve("reports/2025/index.html").toFile(), "UTF-8");
        assertThat(page.select("section.report-section")).hasSize(9);
        Document incident = Jsoup.parse(site.resolve("incidents/" + ReportFixture.G + "/index.html").toFile(), "UTF-8");
        assertThat(incident.text()).contains("This cause also appeared in");
    }

    @Test
    void withoutDraftsTheSkippedDraftIsStillReported() throws IOException {
        Path site = tmp.resolve("public-nodrafts");
        BuildReport r = build(project().resolve("src/test/resources/sites/report"), ReportFixture.TODAY, false, site);
        assertThat(r.incidents()).isEqualTo(9);
        assertThat(rows(site.resolve("reports/2025/stale-drafts.json.gz"))).extracting(m -> m.get("draft"), m -> m.get("inBuild"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("postmortems/" + ReportFixture.I + ".md", "no (build with --drafts)"));
    }

    @Test
    void ourOwnContentHasRecurrencesFixesThatDidNotHoldAndOverdueItems() throws IOException {
        Path site = tmp.resolve("public-content");
        BuildReport r = build(project().resolve("content"), LocalDate.of(2026, 10, 1), false, site);
        assertThat(r.incidents()).isGreaterThan(20);
        Path all = site.resolve("reports/all");
        assertThat(rows(all.resolve("recurring-cause-service.json.gz"))).isNotEmpty();
        assertThat(rows(all.resolve("declared-chains.json.gz"))).isNotEmpty();
        // Known by reading content/: each earlier incident had every action item closed before the later one started.
        assertThat(rows(all.resolve("recurred-after-fix.json.gz"))).extracting(m -> m.get("incident"), m -> m.get("earlier"))
                .contains(org.assertj.core.groups.Tuple.tuple("2023-08-14-orders-db-pgbouncer-pool-saturation",
                                "2022-11-25-checkout-api-connection-pool-exhaustion"),
                        org.assertj.core.groups.Tuple.tuple("2023-09-19-payments-gateway-mtls-certificate-expired",
                                "2022-06-08-edge-proxy-certificate-expired"),
                        org.assertj.core.groups.Tuple.tuple("2024-06-18-warehouse-sync-rebalance-storm",
                                "2023-03-07-warehouse-sync-consumer-lag"),
                        org.assertj.core.groups.Tuple.tuple("2025-04-14-delivery-routing-oomkilled-base-image",
                                "2022-12-19-delivery-routing-oomkilled"),
                        // Not declared: the same cause in the same causal service, mutually similar.
                        org.assertj.core.groups.Tuple.tuple("2025-03-10-checkout-api-hikaricp-connection-leak",
                                "2022-11-25-checkout-api-connection-pool-exhaustion"),
                        org.assertj.core.groups.Tuple.tuple("2025-06-02-edge-proxy-callback-certificate-expired",
                                "2022-06-08-edge-proxy-certificate-expired"))
                // A signing-key rotation in identity is not a certificate expiry in the edge proxy, and a near miss on
                // orders-db headroom is not checkout-api's pool: same category and a shared service, other mechanism.
                .doesNotContain(org.assertj.core.groups.Tuple.tuple("2025-01-20-identity-jwks-key-rotation-logouts",
                                "2022-06-08-edge-proxy-certificate-expired"),
                        org.assertj.core.groups.Tuple.tuple("2026-04-09-orders-db-connection-headroom-near-miss",
                                "2022-11-25-checkout-api-connection-pool-exhaustion"))
                // its declared earlier incident still has an open item, and one shared category with another is not enough
                .doesNotContain(org.assertj.core.groups.Tuple.tuple("2026-01-12-warehouse-sync-stocktake-consumer-lag",
                        "2023-03-07-warehouse-sync-consumer-lag"));
        // Recurrence where readers are: the incident that came back says so in its header, and the later one links it.
        Document cert = Jsoup.parse(site.resolve("incidents/2022-06-08-edge-proxy-certificate-expired/index.html").toFile(), "UTF-8");
        assertThat(cert.select("p.came-back").text())
                .isEqualTo("Came back: 2023-09-19 after all action items were closed, 2025-06-02 after all action items were closed");
        // From one incident page, another is ../<slug>/index.html.
        assertThat(cert.select("p.came-back a").eachAttr("href")).hasSize(2).allMatch(h -> h.startsWith("../2023-09-19-")
                || h.startsWith("../2025-06-02-"));
        Document jwks = Jsoup.parse(site.resolve("incidents/2025-01-20-identity-jwks-key-rotation-logouts/index.html").toFile(), "UTF-8");
        assertThat(jwks.select("p.recurrence-note")).isEmpty();
        Document callback = Jsoup.parse(site.resolve("incidents/2025-06-02-edge-proxy-callback-certificate-expired/index.html")
                .toFile(), "UTF-8");
        assertThat(callback.select("p.recurs a").first().attr("title")).contains("the same cause (expired-credential")
                .contains("same service (edge-proxy)");
        // The reading path: an essential read links the next one, the last one links none.
        Document first = Jsoup.parse(site.resolve("incidents/2022-11-25-checkout-api-connection-pool-exhaustion/index.html")
                .toFile(), "UTF-8");
        assertThat(first.select("p.next-essential a").attr("href")).isEqualTo("../2023-08-14-orders-db-pgbouncer-pool-saturation/index.html");
        assertThat(Jsoup.parse(site.resolve("incidents/2024-06-18-warehouse-sync-rebalance-storm/index.html").toFile(), "UTF-8")
                .select("p.next-essential")).isEmpty();
        assertThat(Jsoup.parse(site.resolve("incidents/2022-03-15-identity-session-redis-evictions/index.html").toFile(), "UTF-8")
                .select("p.next-essential")).isEmpty();
        assertThat(rows(all.resolve("open-action-items.json.gz"))).anySatisfy(m -> assertThat(m.get("daysOverdue")).isNotNull());
        List<String> years;
        try (var s = Files.list(site.resolve("reports"))) {
            years = s.map(p -> p.getFileName().toString()).filter(n -> n.matches("\\d{4}")).sorted().toList();
        }
        assertThat(years).contains("2022", "2025");
    }
}
