package dev.hindsight.report;

import dev.hindsight.analyze.Analysis;
import dev.hindsight.index.SearchIndex;
import dev.hindsight.model.CacheFolder;
import dev.hindsight.model.PostmortemFixture;
import dev.hindsight.model.Problem;
import dev.hindsight.model.Site;
import dev.hindsight.render.SiteRenderer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** A report's downloads, kept in the build cache under the digest of the report and written from there when it is the same. */
class DownloadsTest {
    private static final String STAMP = "0123456789abcdef-test";

    private record Built(MemoryWriter out, List<Problem> problems, int cached) {
    }

    private static Built build(Site site, CacheFolder cache) {
        Analysis analysis = ReportFixture.analysis(site);
        SearchIndex index = ReportFixture.noSimilarity();
        MemoryWriter out = new MemoryWriter();
        SiteRenderer renderer = new SiteRenderer(ReportPagesTest.project());
        renderer.render(site, analysis, index, out);
        ReportBuilder reports = new ReportBuilder().withCache(cache);
        List<Problem> problems = reports.build(site, analysis, index, renderer, out);
        return new Built(out, problems, reports.cachedDownloads());
    }

    private static Map<String, String> reportFiles(MemoryWriter out) {
        return out.files.entrySet().stream().filter(e -> e.getKey().startsWith("reports/"))
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                        // Latin-1 keeps every byte, so compressed files compare byte for byte too.
                        e -> new String(e.getValue(), StandardCharsets.ISO_8859_1), (a, b) -> a, java.util.TreeMap::new));
    }

    @Test
    void aSecondBuildOfTheSameSiteWritesEveryReportsDownloadsFromTheCache(@TempDir Path tmp) {
        Built cold = build(ReportFixture.withDrafts(), CacheFolder.in(tmp, STAMP));
        assertThat(cold.cached()).isZero();
        assertThat(cold.problems()).filteredOn(Problem::isError).isEmpty();
        Built warm = build(ReportFixture.withDrafts(), CacheFolder.in(tmp, STAMP));
        assertThat(warm.cached()).as("2024, 2025, 2026 and all years").isEqualTo(4);
        assertThat(reportFiles(warm.out())).isEqualTo(reportFiles(cold.out()));
    }

    @Test
    void aChangedIncidentRemakesTheReportsThatShowItAndTheResultEqualsABuildWithoutACache(@TempDir Path tmp) {
        build(ReportFixture.withDrafts(), CacheFolder.in(tmp, STAMP));
        // The 2025 near miss gets another title: the 2025 and all-years reports list it, 2024 and 2026 do not.
        Site edited = new Site(ReportFixture.config(), ReportFixture.withDrafts().postmortems().stream()
                .map(p -> p.slug().equals(ReportFixture.H) ? PostmortemFixture.of(ReportFixture.H)
                        .title("Database disk nearly full, the second time").severity("SEV3").services("db").teams("core")
                        .nearMiss().build() : p)
                .toList(), List.of(), List.of());
        Built warm = build(edited, CacheFolder.in(tmp, STAMP));
        Built cold = build(edited, CacheFolder.none());
        assertThat(reportFiles(warm.out())).isEqualTo(reportFiles(cold.out()));
        assertThat(reportFiles(warm.out()).get("reports/2025/report.md")).contains("the second time");
        assertThat(warm.cached()).as("2024 and 2026 kept, 2025 and all years made again").isEqualTo(2);
    }

    @Test
    void leavingTheDraftsOutChangesEveryReportAndEqualsABuildWithoutACache(@TempDir Path tmp) {
        build(ReportFixture.withDrafts(), CacheFolder.in(tmp, STAMP));
        Built warm = build(ReportFixture.withoutDrafts(), CacheFolder.in(tmp, STAMP));
        Built cold = build(ReportFixture.withoutDrafts(), CacheFolder.none());
        assertThat(reportFiles(warm.out())).isEqualTo(reportFiles(cold.out()));
    }

    @Test
    void filesReadBackAsWrittenInTheirOrder() {
        Site site = ReportFixture.withDrafts();
        Report report = ReportFixture.factory(site, ReportFixture.noSimilarity()).report(ReportScope.all());
        Map<String, byte[]> files = Downloads.of(report);
        assertThat(files).containsKeys("report.md", PrintHeader.FILE).hasSizeGreaterThan(20);
        Map<String, byte[]> back = Downloads.decode(Downloads.encode(files)).orElseThrow();
        assertThat(back.keySet()).containsExactlyElementsOf(files.keySet());
        files.forEach((name, bytes) -> assertThat(back.get(name)).as(name).isEqualTo(bytes));
    }

    @Test
    void everyTableIsACsvAndAGzipCompressedJsonThatInflatesToTheTable() throws IOException {
        Report report = ReportFixture.factory(ReportFixture.withDrafts(), ReportFixture.noSimilarity()).report(ReportScope.of(2025));
        Map<String, byte[]> files = Downloads.of(report);
        assertThat(files.keySet()).noneMatch(name -> name.endsWith(".json"));
        for (Table shown : report.tables()) {
            Table t = DownloadTable.of(report, shown);
            byte[] gz = files.get(shown.id() + ".json.gz");
            assertThat(gz).as(shown.id()).isNotNull();
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).as(shown.id())
                        .isEqualTo(ReportJson.table(report, t));
            }
            assertThat(files).containsKey(shown.id() + ".csv");
        }
        // The same report compresses to the same bytes: a build is byte-identical.
        Map<String, byte[]> again = Downloads.of(report);
        files.forEach((name, bytes) -> assertThat(again.get(name)).as(name).isEqualTo(bytes));
    }

    @Test
    void anEntryWhoseLengthsDoNotAddUpReadsAsNothing() {
        byte[] entry = Downloads.encode(Map.of("a.csv", "x,y\r\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(Downloads.decode(Arrays.copyOf(entry, entry.length - 1))).isEqualTo(Optional.empty());
        assertThat(Downloads.decode(Arrays.copyOf(entry, entry.length + 1))).isEqualTo(Optional.empty());
        assertThat(Downloads.decode(new byte[] {(byte) 0xff, 0, 0, 0})).isEqualTo(Optional.empty());
        assertThat(Downloads.decode(new byte[0])).isEqualTo(Optional.empty());
    }
}
