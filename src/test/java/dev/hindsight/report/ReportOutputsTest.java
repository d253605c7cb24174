package dev.hindsight.report;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.json.Json;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks the CSV, JSON and Markdown forms of tables and reports.
 */
class ReportOutputsTest {
    static Report report;

    @BeforeAll
    static void build() {
        report = ReportFixture.factory(ReportFixture.withDrafts(), ReportFixture.noSimilarity()).report(ReportScope.of(2025));
    }

    static Table sample() {
        return new Table("sample", "Sample", "", List.of(Column.text("text", "Text, quoted"), Column.number("n", "N")), List.of(
                List.of(Cell.of("=HYPERLINK(\"x\")"), Cell.change(-2)),
                List.of(Cell.of("line one\nline \"two\""), Cell.integer(3)),
                List.of(Cell.of("+1 and @me"), Cell.share(1, 3)),
                List.of(Cell.of("-rf"), Cell.empty("n/a")),
                List.of(Cell.list(List.of(Cell.link("Title", "slug-a", "incidents/slug-a/index.html"), Cell.of("@b"))), Cell.minutes(java.time.Duration.ofSeconds(90)))),
                "None.");
    }

    @Test
    void csvQuotesPerRfc4180AndDefusesFormulas() {
        String csv = CsvTable.of(sample());
        assertThat(csv).isEqualTo("\"Text, quoted\",N\r\n"
                + "\"'=HYPERLINK(\"\"x\"\")\",-2\r\n"
                + "\"line one\nline \"\"two\"\"\",3\r\n"
                + "'+1 and @me,0.3333\r\n"
                + "'-rf,\r\n"
                + "slug-a; @b,1.5\r\n");
    }

    @Test
    void jsonRowsAreTypedObjects() {
        Map<String, Object> doc = new Json().toType(ReportJson.table(report, sample()), Json.MAP_TYPE);
        @SuppressWarnings("unchecked")
        Map<String, Object> table = (Map<String, Object>) doc.get("table");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) table.get("rows");
        assertThat(doc.get("scope")).isEqualTo("2025");
        assertThat(rows.get(0)).containsEntry("text", "=HYPERLINK(\"x\")").containsEntry("n", -2L);
        assertThat(rows.get(2).get("n")).isEqualTo(0.3333);
        assertThat(rows.get(3)).containsEntry("n", null);
        assertThat(rows.get(4)).containsEntry("text", List.of("slug-a", "@b")).containsEntry("n", 1.5);
    }

    @Test
    void theWholeReportIsValidJsonWithEverySection() {
        Map<String, Object> doc = new Json().toType(ReportJson.report(report), Json.MAP_TYPE);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> sections = (List<Map<String, Object>>) doc.get("sections");
        assertThat(sections).extracting(s -> s.get("id")).containsExactly("glance", "causes", "recurring", "after-fix",
                "follow-through", "detection", "durations", "lessons", "debt");
        assertThat(doc.get("incidents")).isEqualTo(6L);
    }

    @Test
    void markdownHasTheSectionsTablesAndAbsoluteLinks() {
        String md = MarkdownReport.of(report);
        assertThat(md).startsWith("# Meta-review 2025 \u2014 Report Fixture\n");
        assertThat(md).contains("## 4. Recurred after the fix", "### Recurred after the fix\n",
                "[API pool exhaustion again](https://report.example.org/incidents/2025-01-15-api-pool-again/index.html) (2025-01-15)",
                " \u2192 ", "| --: |", "[The VOID Report](https://www.thevoid.community/report)");
        // The summary, then the nine sections.
        assertThat(md.lines().filter(l -> l.startsWith("## "))).hasSize(10).first().isEqualTo("## At a glance");
        assertThat(md).contains("- **Incidents:** 6 \u2014 2024: 3 (+3)", "### Overdue follow-ups by owner\n");
        assertThat(MarkdownReport.escape("a|b *c* [d]")).isEqualTo("a\\|b \\*c\\* \\[d\\]");
    }

    @Test
    void aStandalonePageInlinesItsStylesAndLinksToTheSite() {
        String html = new StandalonePage(java.nio.file.Path.of(System.getProperty("hindsight.project.dir", "."))).html(report, "en").value();
        org.jsoup.nodes.Document doc = org.jsoup.Jsoup.parse(html);
        assertThat(doc.select("link[rel=stylesheet]")).isEmpty();
        assertThat(doc.select("style").html()).contains("@media print", ".figures");
        assertThat(doc.select("section.report-section")).hasSize(9);
        assertThat(doc.select(".downloads")).isEmpty();
        assertThat(doc.select("ol.chain a").first().attr("href")).startsWith("https://report.example.org/incidents/");
    }
}
