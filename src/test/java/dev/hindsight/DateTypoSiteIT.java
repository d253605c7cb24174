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
 * A collection where some dates are typos (years 1023, 9999, 0001, 0000, -2023 and +10000, a resolution in 9024, an
 * action item due in year 24): the site is built and published, each typo is a warning naming its file and line
 * (in {@code check} too), the incidents are published as undated, and no report spans the years between: every
 * year a report shows is within 1970 and a year after today.
 */
class DateTypoSiteIT {
    private static final int FIRST_YEAR = 1970;
    private static final int LAST_YEAR = 2027;
    private static final List<String> TYPOS = List.of("medieval:1023-05-01", "far:9999-12-31", "ancient:0001-01-01",
            "zero:0000-01-01", "negative:-2023-01-01", "beyond:+10000-01-01");

    @TempDir
    static Path dir;
    static Path out;
    static int code;
    static String buildOut;

    @BeforeAll
    static void build() throws IOException {
        Path content = Files.createDirectories(dir.resolve("project/content/postmortems"));
        Files.writeString(dir.resolve("project/content/site.yml"), "title: Typos\nbase_url: https://t.example/\n");
        Files.writeString(content.resolve("queue-backlog.md"), "---\ntitle: Queue backlog\ndate: 2024-05-02\n"
                + "services: [queue]\ncauses: [capacity]\ntimes:\n  started: 2024-05-02T10:00:00Z\n"
                + "  resolved: 9024-05-02T11:00:00Z\naction_items:\n  - title: Add a queue depth alert\n"
                + "    due: 0024-06-01\n---\n## Summary\n\nThe queue backed up.\n");
        Files.writeString(content.resolve("dns-flap.md"), "---\ntitle: DNS flap\ndate: 2023-01-09\nservices: [edge]\n"
                + "---\n## Summary\n\nResolvers flapped.\n");
        for (String typo : TYPOS) {
            String[] parts = typo.split(":");
            Files.writeString(content.resolve(parts[0] + ".md"), "---\ntitle: Typo " + parts[0] + "\ndate: " + parts[1]
                    + "\nservices: [queue]\n---\n## Summary\n\nThe " + parts[0] + " outage.\n");
        }
        out = dir.resolve("out");
        StringWriter o = new StringWriter();
        code = Main.run(new PrintWriter(o), new PrintWriter(o), "build", "--source", dir.resolve("project").toString(),
                "-d", out.toString(), "--cache-dir", dir.resolve("cache").toString(), "--today", "2026-01-15");
        buildOut = o.toString();
    }

    static Document page(String path) throws IOException {
        return Jsoup.parse(Files.readString(out.resolve(path)));
    }

    @Test
    void theSiteIsPublishedAndEachTypoIsAWarningAtItsLine() {
        assertThat(code).as(buildOut).isEqualTo(Main.OK);
        assertThat(out.resolve("index.html")).exists();
        assertThat(buildOut).doesNotContain("internal error");
        for (String typo : TYPOS) {
            String name = typo.split(":")[0];
            assertThat(buildOut).containsPattern("postmortems/" + name + "\\.md:3: warning: `date` \\S+ is outside "
                    + "the dates taken as real \\(1970-01-01 to 2027-01-15\\).*correct the year \\[date-range]");
        }
        assertThat(buildOut).contains("postmortems/queue-backlog.md:8: warning: `times.resolved` 9024-05-02T11:00:00Z")
                .contains("postmortems/queue-backlog.md:11: warning: action item `due` 0024-06-01");
    }

    @Test
    void checkReportsTheSameWarnings() {
        StringWriter o = new StringWriter();
        int check = Main.run(new PrintWriter(o), new PrintWriter(new StringWriter()), "check", "--source",
                dir.resolve("project").toString(), "--today", "2026-01-15");
        assertThat(check).isEqualTo(Main.OK);
        for (String typo : TYPOS) {
            assertThat(o.toString()).containsPattern("postmortems/" + typo.split(":")[0] + "\\.md:3(:\\d+)?: warning: "
                    + "`date` .*\\[date-range]");
        }
    }

    @Test
    void theTypoIncidentsArePublishedAsUndated() throws IOException {
        for (String typo : TYPOS) {
            String name = typo.split(":")[0];
            Document d = page("incidents/" + name + "/index.html");
            assertThat(d.select(".incident-date").text()).as(name).startsWith("Date unknown");
            assertThat(page("years/unknown/index.html").text()).contains("Typo " + name);
        }
        Document history = page("history/index.html");
        assertThat(history.select("section.history-year h2").eachText())
                .containsExactly("2023 1", "2024 1", "Date unknown " + TYPOS.size());
    }

    @Test
    void noReportOrYearPageIsMadeForATypoYear() throws IOException {
        try (Stream<Path> reports = Files.list(out.resolve("reports"))) {
            assertThat(reports.filter(Files::isDirectory).map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("2023", "2024", "all");
        }
        try (Stream<Path> years = Files.list(out.resolve("years"))) {
            assertThat(years.filter(Files::isDirectory).map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("2023", "2024", "unknown");
        }
        for (String missing : List.of("1023", "9999", "1", "0", "0001", "-2023", "10000", "+10000", "9024")) {
            assertThat(out.resolve("reports/" + missing)).doesNotExist();
            assertThat(out.resolve("years/" + missing)).doesNotExist();
        }
    }

    @Test
    void theAllYearsReportShowsOnlyYearsInTheRange() throws IOException {
        Document all = page("reports/all/index.html");
        List<Integer> years = all.select("th, td").eachText().stream().map(String::strip)
                .filter(t -> t.matches("[+-]?\\d{4,}")).map(Integer::parseInt).toList();
        assertThat(years).isNotEmpty().allSatisfy(y -> assertThat(y).isBetween(FIRST_YEAR, LAST_YEAR));
        assertThat(all.select("th").eachText()).contains("2023", "2024").doesNotContain("2025", "1023", "9999");
        List<String> months = Files.readAllLines(out.resolve("reports/all/open-by-month.csv")).stream().skip(1)
                .map(l -> l.split(",")[0]).toList();
        assertThat(months).isNotEmpty().first().isEqualTo("2023-01");
        assertThat(months).last().isEqualTo("2026-01");
        assertThat(Files.size(out.resolve("reports/all/index.html"))).isLessThan(500_000);
    }
}
