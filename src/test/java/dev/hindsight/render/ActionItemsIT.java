package dev.hindsight.render;

import dev.hindsight.BuildReport;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The /action-items/ page of a whole built site: grouping by owner team, overdue first, ages, links, and its CSV. */
class ActionItemsIT {
    @TempDir
    static Path dir;
    static Path site;
    static Document page;

    @BeforeAll
    static void build() throws IOException {
        FollowThroughSite.write(dir, false, false);
        BuildReport report = FollowThroughSite.build(dir);
        assertThat(report.published()).as(report.problems().toString()).isTrue();
        site = dir.resolve("public");
        page = Jsoup.parse(site.resolve("action-items/index.html").toFile(), "UTF-8");
    }

    @Test
    void groupsOpenItemsByOwnerTeamWithTheNoTeamGroupLast() {
        assertThat(page.select("section.action-group > h2").eachText()).containsExactly(
                "Data 1", "Payments 4 3 overdue", "Platform SRE 1", "No owner team 2 1 overdue");
        assertThat(page.select("section.action-group").eachAttr("data-team"))
                .containsExactly("data", "payments", "platform", "no-owner-team");
        // Done, unknown-status items are not open: they are not listed.
        assertThat(page.text()).doesNotContain("Put a pooler in front").doesNotContain("keep the old dashboard");
        assertThat(page.select("h1 .count").text()).isEqualTo("8");
    }

    /** Returns a row's cell under the column headed by a label, as a reader finds it. */
    static Element cell(Element row, String label) {
        List<String> heads = row.closest("table").select("thead th").eachText();
        assertThat(heads).contains(label);
        return row.child(heads.indexOf(label));
    }

    @Test
    void listsOverdueItemsFirstMostOverdueFirstWithAgeAndIncident() {
        Element payments = page.selectFirst("section[data-team=payments]");
        List<String> titles = payments.select("tbody tr td:nth-child(2)").eachText();
        assertThat(titles).containsExactly("Write the saturation runbook", "Alert on pool wait time", "Review pool sizes",
                "Review pool sizes");
        List<Element> rows = payments.select("tbody tr");
        assertThat(rows.subList(0, 3)).allMatch(r -> r.hasClass("is-overdue") && r.attr("data-overdue").equals("true"));
        assertThat(rows.get(3).hasClass("is-overdue")).isFalse();
        assertThat(cell(rows.get(0), "Due").text()).isEqualTo("2025-02-01 120 days late");
        // Age: days from the incident (2025-01-10) to today (2025-06-01).
        assertThat(cell(rows.get(0), "Age").text()).isEqualTo("142 days");
        Element incident = cell(rows.get(0), "Incident").selectFirst("a");
        assertThat(incident.text()).isEqualTo("Checkout pool saturation");
        assertThat(incident.attr("href")).isEqualTo("../incidents/2025-01-10-pool/index.html");
        assertThat(Files.isRegularFile(site.resolve("action-items").resolve(incident.attr("href")).normalize())).isTrue();
        // The owner as written stays on the page (it is no feed); the team comes from the incident's first team.
        assertThat(cell(rows.get(0), "Owner").text()).isEqualTo(FollowThroughSite.PERSON);
        // An owner written as a team's label in another case is that team.
        assertThat(page.select("section[data-team=platform] td:nth-child(2)").eachText()).containsExactly("Cap replicas per pool");
        assertThat(page.select("section[data-team=no-owner-team] tbody tr").stream().map(r -> cell(r, "Due").text()).toList())
                .containsExactly("2025-05-20 12 days late", "no date");
    }

    @Test
    void theCsvHasThePagesItemsInThePagesOrder() throws IOException {
        String csv = Files.readString(site.resolve("action-items/action-items.csv"), StandardCharsets.UTF_8);
        assertThat(csv).endsWith("\r\n").doesNotContain("\r\n\r\n");
        List<String> lines = List.of(csv.split("\r\n"));
        assertThat(lines.get(0)).isEqualTo("Team,Status,Overdue days,Due,Age days,Action,Type,Owner,Incident,Incident date,"
                + "Incident URL,Tracker");
        List<String> fromCsv = lines.subList(1, lines.size()).stream().map(ActionItemsIT::teamAndTitle).toList();
        List<String> fromPage = page.select("section.action-group").stream().flatMap(g -> g.select("tbody tr").stream()
                .map(r -> g.selectFirst("h2").ownText().strip() + "|" + r.select("td").get(1).text())).toList();
        assertThat(fromCsv).isEqualTo(fromPage).hasSize(8);
        assertThat(csv).contains("Payments,open,120,2025-02-01,142,Write the saturation runbook,other,Dana Whitfield,"
                + "Checkout pool saturation,2025-01-10,https://kb.example/incidents/2025-01-10-pool/,\r\n");
        assertThat(csv).contains("\"Forecast disk growth, alert 7 days ahead\"");
        assertThat(page.selectFirst("a[download]").attr("href")).isEqualTo("../action-items/action-items.csv");
    }

    @Test
    void homeCountsLinkToThePageTheOverdueOneFiltered() throws IOException {
        Document home = Jsoup.parse(site.resolve("index.html").toFile(), "UTF-8");
        List<Element> links = home.select("ul.stats a");
        assertThat(links).extracting(Element::text).containsExactly("8 open action items", "4 overdue");
        assertThat(links).extracting(a -> a.attr("href"))
                .containsExactly("action-items/index.html", "action-items/index.html?status=overdue");
    }

    @Test
    void withoutRemindersThePageLinksToNoFeedAndNoFeedIsWritten() throws IOException {
        assertThat(page.select("a[href$=.ics], a[href$=overdue.xml]")).isEmpty();
        try (var files = Files.list(site.resolve("action-items"))) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactly("action-items.csv", "index.html");
        }
    }

    /** The team and title of a CSV row (the title is the sixth field; only the fixture's one quoted title has a comma). */
    private static String teamAndTitle(String line) {
        List<String> fields = new java.util.ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.add(f.toString());
                f.setLength(0);
            } else {
                f.append(c);
            }
        }
        fields.add(f.toString());
        return fields.get(0) + "|" + fields.get(5);
    }
}
