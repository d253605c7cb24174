package dev.hindsight.render;

import dev.hindsight.BuildOptions;
import dev.hindsight.BuildReport;
import dev.hindsight.Pipeline;
import dev.hindsight.render.BuiltIncidents.Incident;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Builds the project's content/ site, drafts included, and checks that every row of the all-incidents table carries
 * the facts its filters read (team, year, review status, near miss, overdue action items) as incidents.json states
 * them, and that the filter form offers each value with its count.
 */
class IncidentTableIT {
    @TempDir
    static Path tmp;
    static Document page;
    static Map<String, Incident> incidents;
    static List<Element> rows;

    @BeforeAll
    static void build() throws IOException {
        Path project = Path.of(System.getProperty("hindsight.project.dir", ".")).toAbsolutePath().normalize();
        Path site = tmp.resolve("public");
        BuildReport report = new Pipeline(line -> { }).build(BuildOptions.defaults(project, LocalDate.of(2026, 11, 1))
                .withDrafts(true).withDestination(site).withCache(tmp.resolve("cache")));
        assertThat(report.published()).as("build: %s", report.problems()).isTrue();
        page = Jsoup.parse(site.resolve("incidents/index.html").toFile(), "UTF-8");
        incidents = BuiltIncidents.read(site).stream().collect(Collectors.toMap(Incident::slug, Function.identity()));
        rows = page.select("#incident-table tbody tr");
    }

    private static Incident incident(Element row) {
        String href = row.selectFirst("td:nth-child(3) a").attr("href");
        String slug = href.replaceAll(".*incidents/([^/]+)/index\\.html$", "$1");
        assertThat(incidents).as("row %s", href).containsKey(slug);
        return incidents.get(slug);
    }

    @Test
    void everyIncidentHasOneRowAndTheDataCoversEveryKindOfRow() {
        assertThat(rows.stream().map(r -> incident(r).slug()).toList()).containsExactlyInAnyOrderElementsOf(incidents.keySet());
        assertThat(incidents.values()).as("the content has rows of every kind the filters tell apart")
                .anyMatch(i -> i.status().equals("draft")).anyMatch(i -> i.status().equals("in-review"))
                .anyMatch(Incident::nearMiss).anyMatch(i -> i.overdue() > 1).anyMatch(i -> i.overdue() == 0)
                .anyMatch(i -> i.teams().size() > 1);
    }

    @Test
    void eachRowCarriesItsTeamsYearStatusNearMissAndOverdueCount() {
        for (Element row : rows) {
            Incident i = incident(row);
            assertThat(row.attr("data-teams")).as(i.slug()).isEqualTo("|" + String.join("|", i.teams()) + (i.teams().isEmpty() ? "" : "|"));
            assertThat(row.attr("data-year")).as(i.slug()).isEqualTo(i.year());
            // The usual values are left out, to keep a big table small.
            assertThat(row.hasAttr("data-status")).as(i.slug()).isEqualTo(!i.status().equals("published"));
            if (row.hasAttr("data-status")) {
                assertThat(row.attr("data-status")).as(i.slug()).isEqualTo(i.status());
            }
            assertThat(row.hasAttr("data-near-miss")).as(i.slug()).isEqualTo(i.nearMiss());
            assertThat(row.hasAttr("data-overdue")).as(i.slug()).isEqualTo(i.overdue() > 0);
            if (i.overdue() > 0) {
                assertThat(row.attr("data-overdue")).as(i.slug()).isEqualTo(Integer.toString(i.overdue()));
            }
        }
    }

    @Test
    void theFormOffersEveryTeamYearAndStatusWithItsCount() {
        assertThat(options("teams")).isEqualTo(counts(i -> i.teams()));
        assertThat(options("years")).isEqualTo(counts(i -> List.of(i.year())));
        assertThat(options("review")).isEqualTo(counts(i -> List.of(i.status())));
        Element review = page.selectFirst("select[name=review]");
        assertThat(review.attr("data-attr")).isEqualTo("status");
        assertThat(review.attr("data-fallback")).as("what a row without data-status is").isEqualTo("published");
        assertThat(page.selectFirst("select[name=teams]").attr("data-attr")).isEqualTo("teams");
        assertThat(page.selectFirst("select[name=years]").attr("data-attr")).isEqualTo("year");

        assertThat(toggle("near-miss")).isEqualTo(incidents.values().stream().filter(Incident::nearMiss).count());
        assertThat(toggle("overdue")).isEqualTo(incidents.values().stream().filter(i -> i.overdue() > 0).count());
        assertThat(page.select("label[for=filter-text]").text()).isEqualTo("Text contains");
        Element empty = page.selectFirst(".table-empty[data-table=incident-table]");
        assertThat(empty.hasAttr("hidden")).as("shown by table.js only").isTrue();
        assertThat(empty.text()).startsWith("No incidents match these filters.");
    }

    /** The options of a select as value to count, "Any" left out. */
    private static Map<String, Long> options(String name) {
        return page.select("select[name=" + name + "] option").stream().filter(o -> !o.val().isEmpty())
                .collect(Collectors.toMap(Element::val, o -> Long.parseLong(o.text().replaceAll(".*\\((\\d+)\\)$", "$1"))));
    }

    private static Map<String, Long> counts(Function<Incident, List<String>> values) {
        return incidents.values().stream().flatMap(i -> values.apply(i).stream())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    private static long toggle(String name) {
        Element box = page.selectFirst("input[type=checkbox][name=" + name + "]");
        assertThat(box.attr("data-attr")).isEqualTo(name);
        return Long.parseLong(box.parent().text().replaceAll(".*\\((\\d+)\\)$", "$1"));
    }
}
