package dev.hindsight.render;

import dev.hindsight.cli.Main;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
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
 * Service, cause and team pages answer "how is this going?": a site whose checkout service had incidents in 2021,
 * 2023 and 2024 (and none since), built with a fixed today, shows the per-year chart, the top causes, the open and
 * overdue action items worst first, the median time to resolve, the owning team and the links site.yml gives it;
 * a link that is no URL is a warning at its line in site.yml. A second site without any vocabulary has the same
 * part on its pages, saying in words what a single incident cannot chart.
 */
class TermPageIT {
    @TempDir
    static Path dir;
    static Path out;
    static Path bare;
    static int code;
    static String printed;

    private static final String SITE_YML = """
            title: Term pages
            base_url: https://t.example/
            causes:
              - id: capacity
                label: Capacity
              - id: config-change
                label: Config change
              - id: dns
                label: DNS
            services:
              - id: checkout
                label: Checkout
                team: payments
                links:
                  runbook: https://runbooks.example.com/payments/checkout
                  dashboard: https://grafana.example.com/d/checkout?orgId=1
                  handbook: /handbook/
                  pager: javascript:alert(1)
              - id: search
                label: Search
              - id: ledger
                label: Ledger
                team: finance
            teams:
              - id: payments
                label: Payments
              - id: finance
                label: Finance
            """;
    /** The line of {@code pager: javascript:alert(1)} in SITE_YML, counted from 1. */
    private static final int BAD_LINK_LINE = SITE_YML.lines().toList().indexOf("      pager: javascript:alert(1)") + 1;

    @BeforeAll
    static void build() throws IOException {
        Path project = dir.resolve("project/content");
        Path pm = Files.createDirectories(project.resolve("postmortems"));
        Files.writeString(project.resolve("site.yml"), SITE_YML);
        write(pm, "2021-03-04-a", "services: [checkout]\ncauses: [capacity]\nteams: [payments]\n"
                + "times: {started: 2021-03-04T10:00:00Z, resolved: 2021-03-04T11:00:00Z}\n"
                + "action_items:\n  - {title: Alert on pool waits, owner: payments, due: 2021-04-01, status: done, closed: 2021-03-20}\n");
        write(pm, "2021-08-10-b", "services: [checkout]\ncauses: [capacity, config-change]\n"
                + "times: {started: 2021-08-10T10:00:00Z, resolved: 2021-08-10T12:00:00Z}\n"
                + "action_items:\n  - {title: Cap pool size per tenant, owner: payments, due: 2021-09-01, status: open}\n");
        write(pm, "2023-05-05-c", "services: [checkout]\ncauses: [config-change, capacity]\n"
                + "action_items:\n  - {title: Stage config pushes, owner: platform, due: 2024-01-01, status: in-progress}\n");
        write(pm, "2024-02-02-d", "services: [checkout]\ncauses: [dns]\n"
                + "times: {started: 2024-02-02T10:00:00Z, resolved: 2024-02-02T14:00:00Z}\n"
                + "action_items:\n  - {title: Cache resolver answers, owner: payments, due: 2026-12-01, status: open}\n"
                + "  - {title: Old idea nobody tracked, owner: payments, status: unknown}\n");
        write(pm, "2024-07-07-e", "services: [checkout, search]\ncauses: [capacity]\n"
                + "times: {started: 2024-07-07T10:00:00Z, resolved: 2024-07-07T10:30:00Z}\n");
        write(pm, "2025-01-01-f", "services: [search]\ncauses: [dns]\n");
        write(pm, "2024-09-09-g", "services: [ledger]\ncauses: [capacity]\n");
        out = dir.resolve("out");
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        code = Main.run(new PrintWriter(o), new PrintWriter(e), "build", "--source", dir.resolve("project").toString(),
                "-d", out.toString(), "--today", "2025-06-01");
        printed = o + "\n" + e;

        Path bareContent = Files.createDirectories(dir.resolve("bare/content/postmortems"));
        Files.writeString(bareContent.getParent().resolve("site.yml"), "title: Bare\n");
        write(bareContent, "2022-06-01-queue-stall", "services: [queue]\n");
        write(bareContent, "queue-backlog", "services: [queue]\n");
        bare = dir.resolve("bare-out");
        Main.run(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), "build", "--source",
                dir.resolve("bare").toString(), "-d", bare.toString(), "--today", "2025-06-01");
    }

    private static void write(Path folder, String slug, String frontMatter) throws IOException {
        Files.writeString(folder.resolve(slug + ".md"), "---\ntitle: Incident " + slug + "\n" + frontMatter
                + "---\n## Summary\n\nSomething broke.\n");
    }

    private static Document page(Path root, String path) throws IOException {
        return Jsoup.parse(Files.readString(root.resolve(path)));
    }

    @Test
    void theSiteIsBuiltAndTheBadLinkIsAWarningAtItsLineInSiteYml() {
        assertThat(code).isEqualTo(Main.OK);
        assertThat(printed).contains("site.yml:" + BAD_LINK_LINE + ":")
                .containsPattern("site\\.yml:" + BAD_LINK_LINE + ": warning: services: checkout: link `pager` is not an http\\(s\\) URL");
        assertThat(BAD_LINK_LINE).isEqualTo(18);
    }

    @Test
    void theChartCountsEveryYearFromTheFirstIncidentToTheSitesLastWithItsNumbersAsItsName() throws IOException {
        Document d = page(out, "services/checkout/index.html");
        Element chart = d.selectFirst(".year-chart");
        assertThat(chart).isNotNull();
        assertThat(chart.attr("role")).isEqualTo("img");
        assertThat(chart.attr("aria-label")).isEqualTo("Incidents per year: 2021: 2, 2022: 0, 2023: 1, 2024: 2, 2025: 0.");
        assertThat(chart.select(".yc-year").eachText()).containsExactly("2021", "2022", "2023", "2024", "2025");
        assertThat(chart.select(".yc-count").eachText()).containsExactly("2", "0", "1", "2", "0");
        assertThat(chart.select("rect").eachAttr("height")).containsExactly("100", "0", "50", "100", "0");
    }

    @Test
    void topCausesAreOrderedByCountAndLinkTheirPages() throws IOException {
        Document d = page(out, "services/checkout/index.html");
        assertThat(d.select("#top-title").text()).isEqualTo("Top causes");
        assertThat(d.select(".top-terms li").stream().map(li -> li.selectFirst(".label").text() + " "
                + li.selectFirst(".count").ownText()).toList()).containsExactly("Capacity 4", "Config change 2", "DNS 1");
        assertThat(d.select(".top-terms a").eachAttr("href")).containsExactly("../../causes/capacity/index.html",
                "../../causes/config-change/index.html", "../../causes/dns/index.html");
        Document cause = page(out, "causes/dns/index.html");
        assertThat(cause.select("#top-title").text()).isEqualTo("Top services");
        assertThat(cause.select(".top-terms .label").eachText()).containsExactly("Checkout", "Search");
    }

    @Test
    void openItemsAreCountedAndListedWorstFirstWithOwnerDueAgeAndIncident() throws IOException {
        Document d = page(out, "services/checkout/index.html");
        assertThat(d.select(".open-summary").text()).isEqualTo("3 open, 2 overdue as of 2025-06-01.");
        assertThat(d.select(".open-item-title").eachText())
                .containsExactly("Cap pool size per tenant", "Stage config pushes", "Cache resolver answers");
        Element worst = d.selectFirst(".open-items li");
        assertThat(worst.hasClass("is-overdue")).isTrue();
        assertThat(worst.select(".status-overdue").text()).isEqualTo("1369 days late");
        assertThat(worst.select(".open-item-meta").text()).contains("Owner: payments", "Due: 2021-09-01",
                "1391 days since the incident", "Incident 2021-08-10-b");
        assertThat(worst.select(".open-item-meta a").eachAttr("href")).containsExactly(
                "../../teams/payments/index.html", "../../incidents/2021-08-10-b/index.html");
        assertThat(d.select(".open-items li").last().hasClass("is-overdue")).isFalse();
        // The link to every open item appears with the action-items page; a site without one has no dead link.
        assertThat(d.select("a:contains(All open items)").eachAttr("href")).isSubsetOf("../../action-items/index.html");
        assertThat(d.select("a:contains(All open items)").isEmpty()).isEqualTo(Files.notExists(out.resolve("action-items/index.html")));
    }

    @Test
    void theMedianTimeToResolveSaysHowManyIncidentsItIsFrom() throws IOException {
        Document d = page(out, "services/checkout/index.html");
        // 30 min, 1 h, 2 h and 4 h known; the 2023 incident has no times.
        assertThat(d.select("#median-ttr").text()).isEqualTo("1 h 30 min");
        assertThat(d.select("#median-ttr + .meta").text()).isEqualTo("Median of the 4 of 5 incidents that record it.");
    }

    @Test
    void theOwnerTeamIsLinkedAndTheLinksAreARowWithoutTheBadOne() throws IOException {
        Document d = page(out, "services/checkout/index.html");
        assertThat(d.select(".term-owner").text()).isEqualTo("Owned by Payments");
        assertThat(d.select(".term-owner a").attr("href")).isEqualTo("../../teams/payments/index.html");
        assertThat(d.select(".term-links a").eachText()).containsExactly("runbook", "dashboard", "handbook");
        assertThat(d.select(".term-links a").eachAttr("href")).containsExactly(
                "https://runbooks.example.com/payments/checkout", "https://grafana.example.com/d/checkout?orgId=1",
                "../../handbook/index.html");
        // Finance owns the ledger, but no incident names the team, so it has no page to link.
        Document ledger = page(out, "services/ledger/index.html");
        assertThat(ledger.select(".term-owner").text()).isEqualTo("Owned by Finance");
        assertThat(ledger.select(".term-owner a")).isEmpty();
        assertThat(ledger.select(".term-links")).isEmpty();
    }

    @Test
    void incidentsJsonCarriesTheLinksOfEachTerm() throws IOException {
        String json = Files.readString(out.resolve("incidents.json")).replaceAll("\\s+", "");
        assertThat(json).contains("\"links\":[{\"name\":\"runbook\",\"url\":\"https://runbooks.example.com/payments/checkout\"},"
                + "{\"name\":\"dashboard\",\"url\":\"https://grafana.example.com/d/checkout?orgId=1\"},"
                + "{\"name\":\"handbook\",\"url\":\"/handbook/\"}]");
        assertThat(json).doesNotContain("javascript:");
    }

    @Test
    void aTermWithOneIncidentSaysItsYearInASentenceInsteadOfAChart() throws IOException {
        Document d = page(out, "services/ledger/index.html");
        assertThat(d.select(".year-chart")).isEmpty();
        assertThat(d.select(".year-text").text()).isEqualTo("Its one dated incident was in 2024.");
        assertThat(d.select("#median-ttr").text()).isEqualTo("not known");
        assertThat(d.select(".open-items")).isEmpty();
        assertThat(d.select("#incident-table tbody tr")).hasSize(1);
    }

    @Test
    void theIncidentTableStaysBelowAndTeamsHaveThePartToo() throws IOException {
        Document d = page(out, "services/checkout/index.html");
        assertThat(d.select("#incident-table tbody tr")).hasSize(5);
        assertThat(d.select(".term-status ~ .table-wrap #incident-table")).hasSize(1);
        Document team = page(out, "teams/payments/index.html");
        assertThat(team.select(".year-chart, .year-text")).hasSize(1);
        assertThat(team.select("#top-title").text()).isEqualTo("Top services");
        // Tags and years keep their plain list.
        assertThat(page(out, "years/2021/index.html").select(".term-status")).isEmpty();
    }

    @Test
    void aSiteWithoutVocabulariesHasThePartForTermsFoundInFrontMatter() throws IOException {
        Document d = page(bare, "services/queue/index.html");
        assertThat(d.select(".year-text").text()).isEqualTo("Its one dated incident was in 2022.");
        assertThat(d.select(".year-text + .meta").text()).isEqualTo("And 1 with no date.");
        assertThat(d.select("#top-title").text()).isEqualTo("Top causes");
        assertThat(d.select("#top-title + *").text()).isEqualTo("None recorded.");
        assertThat(d.select("#median-ttr").text()).isEqualTo("not known");
        assertThat(d.select("#median-ttr + .meta").text()).isEqualTo("None of the 2 incidents records it.");
        assertThat(d.select(".term-owner, .term-links")).isEmpty();
        assertThat(d.select("#incident-table tbody tr")).hasSize(2);
    }
}
