package dev.hindsight.report;

import dev.hindsight.analyze.Analysis;
import dev.hindsight.model.ActionStatus;
import dev.hindsight.model.ActionType;
import dev.hindsight.model.Postmortem;
import dev.hindsight.model.PostmortemFixture;
import dev.hindsight.model.Site;
import dev.hindsight.render.SiteRenderer;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The summary a report opens with, on a busy year: 24 incidents of 2025 in seven groups of the same cause and
 * service, each group repeating a fixed 2024 incident, and an overdue item for each of eight owners. Renders the
 * whole site and reads the pages as a person would.
 */
class ReportSummaryTest {
    private static final String[][] GROUPS = {{"capacity", "api"}, {"dns", "edge"}, {"deploy-bug", "web"},
        {"config-change", "db"}, {"expired-credential", "edge"}, {"capacity", "db"}, {"dns", "web"}};
    private static final int OWNERS = 8;
    static MemoryWriter out;
    static Document doc;

    /** Builds the busy site with the first {@code incidents} incidents of 2025. */
    static Site busy(int incidents) {
        List<Postmortem> all = new ArrayList<>();
        for (int g = 0; g < GROUPS.length; g++) {
            all.add(PostmortemFixture.of("2024-0" + (g + 1) + "-10-fixed-" + GROUPS[g][0]).title("Fixed " + GROUPS[g][0] + " in 2024")
                    .severity("SEV2").services(GROUPS[g][1]).causalService(GROUPS[g][1]).teams("core").causes(GROUPS[g][0])
                    .detection("alert")
                    .item("Fix " + GROUPS[g][0], ActionType.PREVENT, "core", "2024-07-01", ActionStatus.DONE, "2024-06-01").build());
        }
        LocalDate day = LocalDate.of(2025, 1, 3);
        for (int i = 0; i < incidents; i++, day = day.plusDays(14)) {
            String[] group = GROUPS[i % GROUPS.length];
            String at = day + "T10:";
            PostmortemFixture p = PostmortemFixture.of(day + "-busy-" + i).title("Busy incident " + i + " of " + group[0])
                    .severity(i % 3 == 0 ? "SEV1" : "SEV2").services(group[1]).causalService(group[1]).teams("core")
                    .causes(group[0]).recurrenceOf("2024-0" + (i % GROUPS.length + 1) + "-10-fixed-" + group[0])
                    .detection(i % 4 == 0 ? "customer" : "alert").times(at + "00:00Z", at + "10:00Z", day + "T" + (11 + i % 8) + ":00:00Z")
                    .item("Follow up " + i, ActionType.PREVENT, "owner-" + (char) ('a' + i % OWNERS), day.plusDays(10).toString(),
                            ActionStatus.OPEN, null);
            if (i % 6 == 0) {
                p.item("Write the runbook " + i, ActionType.PROCESS, "core", null, ActionStatus.DONE, day.plusDays(3).toString())
                        .item("Drop the old path " + i, ActionType.MITIGATE, "core", null, ActionStatus.WONT_DO, day.plusDays(5).toString());
            }
            all.add(p.build());
        }
        return new Site(ReportFixture.config(), all.stream().sorted(Postmortem.NEWEST_FIRST).toList(), List.of(), List.of());
    }

    @BeforeAll
    static void render() {
        Site site = busy(24);
        Analysis analysis = ReportFixture.analysis(site);
        SiteRenderer renderer = new SiteRenderer(ReportPagesTest.project());
        out = new MemoryWriter();
        renderer.render(site, analysis, ReportFixture.noSimilarity(), out);
        new ReportBuilder().build(site, analysis, ReportFixture.noSimilarity(), renderer, out);
        doc = Jsoup.parse(out.text("reports/2025/index.html"), "https://x.test/reports/2025/index.html");
    }

    private static String figure(String section, int index) {
        return doc.select("#" + section + " .figure-value").get(index).text();
    }

    @Test
    void theSummaryOpensTheReportWithTheHeadlineNumbersAgainstThePreviousYear() {
        Element summary = doc.selectFirst("article.report > #summary");
        assertThat(summary).isNotNull();
        assertThat(summary.elementSiblingIndex()).isLessThan(doc.selectFirst("section.report-section").elementSiblingIndex());
        assertThat(summary.select(".headline dt").eachText()).containsExactly("Incidents", "Near misses", "Median time to resolve",
                "Found by customers", "Action items closed on time", "Overdue action items", "Recurred after a fix");
        assertThat(summary.select(".headline-value").eachText()).containsExactly("24", "0", figure("durations", 1), "25%", "0%",
                "24", figure("after-fix", 0));
        assertThat(summary.select(".headline-previous").eachText()).startsWith("2024: 7 (+17)", "2024: 0 (no change)");
        // The same numbers as the sections behind them, each a link to its section or table on the page.
        assertThat(summary.select(".headline-value").get(0).text()).isEqualTo(figure("glance", 0));
        assertThat(summary.select(".headline-value").get(5).text()).isEqualTo(doc.select("#follow-through .figure").stream()
                .filter(f -> f.select("dt").text().equals("Overdue")).findFirst().orElseThrow().select(".figure-value").text());
        for (Element a : summary.select(".headline dt a")) {
            assertThat(doc.getElementById(a.attr("href").substring(1))).as(a.attr("href")).isNotNull();
        }
    }

    @Test
    void everyListShowsItsTopEntriesAndLinksToTheRest() {
        Element themes = doc.selectFirst("#summary-themes");
        assertThat(themes.select("ol > li")).hasSize(SummaryBuilder.THEMES);
        assertThat(themes.select("ol > li").first().select("a").eachAttr("href"))
                .allMatch(h -> h.startsWith("../../incidents/")).hasSizeGreaterThan(1);
        assertThat(themes.select("p.summary-more a").text()).isEqualTo("and " + (GROUPS.length - SummaryBuilder.THEMES) + " more \u2192");
        assertThat(themes.select("p.summary-more a").attr("href")).isEqualTo("#t-similar-clusters");

        Element owners = doc.selectFirst("#summary-overdue-owners");
        assertThat(owners.select("ol > li")).hasSize(Summary.SHOWN);
        assertThat(owners.select("ol > li .summary-main").eachText()).containsExactly("owner-a", "owner-b", "owner-c", "owner-d", "owner-e");
        assertThat(owners.select("p.summary-more a").text()).isEqualTo("and " + (OWNERS - Summary.SHOWN) + " more \u2192");
        assertThat(owners.select("p.summary-more a").attr("href")).isEqualTo("#t-open-by-owner");

        // One line per row of section 4's table, whatever rule finds them.
        int rows = doc.select("#t-recurred-after-fix tbody tr").size();
        assertThat(rows).isGreaterThan(Summary.SHOWN);
        Element afterFix = doc.selectFirst("#summary-after-fix");
        assertThat(afterFix.select("ol > li")).hasSize(Summary.SHOWN);
        assertThat(afterFix.select("p.summary-more a").text()).isEqualTo("and " + (rows - Summary.SHOWN) + " more \u2192");
        for (Element a : doc.select("#summary .summary-more a")) {
            assertThat(doc.getElementById(a.attr("href").substring(1))).as(a.attr("href")).isNotNull();
        }
    }

    @Test
    void longChainListsShowTheirTopRowsAndFoldTheRest() {
        Element table = doc.selectFirst("#t-recurring-cause-service");
        assertThat(table.select("table").first().select("tbody > tr")).hasSize(Summary.SHOWN);
        assertThat(doc.select("#t-recurring-causes details.table-rest")).isEmpty();
        assertThat(table.select("p.print-only").text()).contains("recurring-cause-service.csv");
        // A long chain shows its newest five incidents and folds the earlier ones.
        Element chain = doc.selectFirst("#t-recurring-causes tbody tr");
        int length = Integer.parseInt(chain.select("td[data-label=In chain]").text());
        assertThat(length).isGreaterThan(Summary.SHOWN);
        assertThat(chain.select("details.chain-earlier summary").text()).isEqualTo((length - Summary.SHOWN) + " earlier");
        assertThat(chain.select("details.chain-earlier + ol.chain > li")).hasSize(Summary.SHOWN);
    }

    @Test
    void aChartIsDrawnFromTwentyValuesAndBelowThatItsFiguresAreStated() {
        assertThat(Chart.MIN_VALUES).isEqualTo(20);
        // 24 incidents and 24 durations draw; 13 month ends of open items are stated.
        assertThat(doc.select("svg#causes-heatmap, svg#hist-ttr-all, svg#hist-ttd-all")).hasSize(3);
        assertThat(doc.selectFirst("p.chart-sentence#open-items-chart").text()).contains("Fewer than 20 months, too few for a chart");
        // At the threshold: 20 incidents of 2025 draw the heatmap, 19 do not.
        for (int n : new int[] {19, 20}) {
            Report r = ReportFixture.factory(busy(n), ReportFixture.noSimilarity()).report(ReportScope.of(2025));
            Chart heatmap = r.section("causes").orElseThrow().charts().get(0);
            assertThat(heatmap.svg().isEmpty()).as("%d incidents", n).isEqualTo(n < 20);
            assertThat(heatmap.sentence().isEmpty()).as("%d incidents", n).isEqualTo(n >= 20);
        }
    }

    @Test
    void theReportCountsActionItemsOneWayEverywhere() {
        // Every item of 2025's incidents, won't do included: 24 follow-ups, and a runbook and a dropped item for 4 of them.
        int total = 24 + 4 * 2;
        assertThat(doc.select("#follow-through .figure").first().text()).startsWith("Action items " + total);
        assertThat(doc.select("#follow-through .figure").get(1).select(".figure-detail").text()).contains(" of " + total + " ");
        assertThat(doc.select("#follow-through .report-lead").text()).contains(" of " + total + " ");
        List<Element> all = doc.select("#t-action-items-slo tbody tr").stream().filter(r -> r.child(0).text().equals("all")).toList();
        assertThat(all).singleElement().satisfies(r -> assertThat(r.child(2).text()).isEqualTo(String.valueOf(total)));
        assertThat(doc.select("#summary .headline").get(4).select(".headline-detail").text()).endsWith(total + " items in all");
        assertThat(out.text("reports/2025/report.md")).contains("- **Action items:** " + total + " \u2014 all of them, including won't do");
    }
}
