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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A collection where one write-up has no date anywhere: the site is still built, the incident is published under
 * "Date unknown" (last in lists, its own bucket on History and the year pages), left out of the feed and of figures
 * over time, and counted in the report's postmortem debt. {@code check --strict} fails on it.
 */
class UndatedSiteIT {
    @TempDir
    static Path dir;
    static Path out;
    static int code;
    static String buildOut;

    @BeforeAll
    static void build() throws IOException {
        Path content = Files.createDirectories(dir.resolve("project/content/postmortems"));
        Files.writeString(dir.resolve("project/content/site.yml"), "title: Undated\nbase_url: https://u.example/\n");
        Files.writeString(content.resolve("2024-05-02-queue-backlog.md"), "---\ntitle: Queue backlog\nservices: [queue]\n"
                + "causes: [capacity]\n---\n## Summary\n\nThe queue backed up.\n");
        Files.writeString(content.resolve("2023-01-09-dns-flap.md"), "---\ntitle: DNS flap\nservices: [edge]\n---\n"
                + "## Summary\n\nResolvers flapped.\n");
        // No front matter, no date in the name, the folder or the text; the timeline has clock times only.
        Files.writeString(content.resolve("cache-stampede.md"), "# Cache stampede on the catalogue\n\n"
                + "The catalogue cache expired at once and the database took every request.\n\n## Timeline\n\n"
                + "- 13:05 latency alert\n- 13:20 cache warmed by hand\n");
        out = dir.resolve("out");
        StringWriter o = new StringWriter();
        code = Main.run(new PrintWriter(o), new PrintWriter(new StringWriter()), "build", "--source",
                dir.resolve("project").toString(), "-d", out.toString(), "--today", "2024-06-01");
        buildOut = o.toString();
    }

    static Document page(String path) throws IOException {
        return Jsoup.parse(Files.readString(out.resolve(path)));
    }

    @Test
    void theSiteIsBuiltAndTheBuildSaysWhatIsMissing() {
        assertThat(code).isEqualTo(Main.OK);
        assertThat(buildOut).contains("found: date 67%");
    }

    @Test
    void theIncidentPageSaysDateUnknownAndLinksItsBucket() throws IOException {
        Document d = page("incidents/cache-stampede/index.html");
        assertThat(d.select(".incident-date").text()).startsWith("Date unknown");
        assertThat(d.select(".incident-date time")).isEmpty();
        assertThat(d.select("nav.crumbs a").last().text()).isEqualTo("Date unknown");
        assertThat(d.select("nav.crumbs a").last().attr("href")).contains("years/unknown/");
        assertThat(d.select(".timeline, ol, table").text()).contains("latency alert");
    }

    @Test
    void listsPutItLastAndHistoryGivesItItsOwnBucket() throws IOException {
        Document all = page("incidents/index.html");
        assertThat(all.select("#incident-table tbody tr td:nth-child(3) a").eachText())
                .containsExactly("Queue backlog", "DNS flap", "Cache stampede on the catalogue");
        assertThat(all.select("#incident-table tbody tr").last().select("td").first().text()).isEqualTo("Date unknown");
        Document history = page("history/index.html");
        assertThat(history.select("section.history-year h2").eachText())
                .containsExactly("2023 1", "2024 1", "Date unknown 1");
        Document years = page("years/index.html");
        assertThat(years.text()).contains("Date unknown");
        assertThat(page("years/unknown/index.html").text()).contains("Cache stampede on the catalogue");
    }

    @Test
    void theFeedLeavesItOutAndIncidentsJsonSaysNull() throws IOException {
        String feed = Files.readString(out.resolve("feed.xml"));
        assertThat(feed).contains("Queue backlog").doesNotContain("Cache stampede");
        String json = Files.readString(out.resolve("incidents.json")).replaceAll("\\s+", "");
        assertThat(json).containsPattern("\"slug\":\"cache-stampede\"[^}]*\"date\":null");
    }

    @Test
    void theReportCountsItAsDebtButNotInFiguresOverTime() throws IOException {
        Document all = page("reports/all/index.html");
        assertThat(all.text()).contains("Cache stampede on the catalogue");
        assertThat(Files.exists(out.resolve("reports/unknown"))).isFalse();
        assertThat(page("reports/2024/index.html").text()).doesNotContain("Cache stampede");
    }

    @Test
    void checkStrictFailsOnIt() {
        StringWriter o = new StringWriter();
        int strict = Main.run(new PrintWriter(o), new PrintWriter(new StringWriter()), "check", "--source",
                dir.resolve("project").toString(), "--today", "2024-06-01", "--strict");
        assertThat(strict).isNotEqualTo(Main.OK);
        assertThat(o.toString()).contains("cache-stampede.md").contains("no date");
    }
}
