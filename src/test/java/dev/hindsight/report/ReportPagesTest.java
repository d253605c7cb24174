package dev.hindsight.report;

import dev.hindsight.analyze.Analysis;
import dev.hindsight.index.SearchIndex;
import dev.hindsight.model.Problem;
import dev.hindsight.model.Site;
import dev.hindsight.render.SiteRenderer;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Renders the report pages of {@link ReportFixture} through the site's real renderer and checks the pages,
 * their links, charts and downloads.
 */
class ReportPagesTest {
    static MemoryWriter out;
    static List<Problem> problems;

    static Path project() {
        return Path.of(System.getProperty("hindsight.project.dir", ".")).toAbsolutePath();
    }

    static List<Problem> build(MemoryWriter w) {
        Site site = ReportFixture.withDrafts();
        Analysis analysis = ReportFixture.analysis(site);
        SearchIndex index = ReportFixture.noSimilarity();
        SiteRenderer renderer = new SiteRenderer(project());
        List<Problem> all = new ArrayList<>(renderer.render(site, analysis, index, w));
        all.addAll(new ReportBuilder().build(site, analysis, index, renderer, w));
        return all;
    }

    @BeforeAll
    static void render() {
        out = new MemoryWriter();
        problems = build(out);
    }

    static Document page(String path) {
        return Jsoup.parse(out.text(path), "https://x.test/" + path);
    }

    /** Resolves a relative link of a page to a site path. */
    static String target(String page, String href) {
        String path = URI.create("https://x.test/" + page).resolve(href).getPath().substring(1);
        int hash = path.indexOf('#');
        return hash < 0 ? path : path.substring(0, hash);
    }

    @Test
    void writesAReportPerYearAndOneForAllYears() {
        assertThat(problems).filteredOn(Problem::isError).isEmpty();
        assertThat(out.files).containsKeys("reports/index.html", "reports/2024/index.html", "reports/2025/index.html",
                "reports/2026/index.html", "reports/all/index.html", "reports/years.csv", "reports/years.json.gz");
        Document index = page("reports/index.html");
        assertThat(index.select("table.report-data tbody tr")).hasSize(4);
        assertThat(index.select("table.report-data tbody tr a").eachAttr("href"))
                .containsExactly("../reports/2026/index.html", "../reports/2025/index.html", "../reports/2024/index.html", "../reports/all/index.html");
    }

    @Test
    void thePageHasTheNineSectionsInOrder() {
        Document doc = page("reports/2025/index.html");
        assertThat(doc.select("section.report-section").eachAttr("id")).containsExactly("glance", "causes", "recurring",
                "after-fix", "follow-through", "detection", "durations", "lessons", "debt");
        assertThat(doc.select("h1").text()).isEqualTo("Meta-review 2025");
        assertThat(doc.select(".site-nav a.active").text()).isEqualTo("Reports");
        assertThat(doc.select("#glance .figure-value").first().text()).isEqualTo("6");
    }

    @Test
    void everyTableHasCsvAndJsonDownloadsThatExist() {
        Document doc = page("reports/2025/index.html");
        List<Element> tables = doc.select(".report-table");
        assertThat(tables).hasSizeGreaterThan(20);
        for (Element t : tables) {
            List<String> hrefs = t.select(".downloads a").eachAttr("href");
            assertThat(hrefs).as(t.id()).hasSize(2);
            for (String h : hrefs) {
                assertThat(out.files).as(h).containsKey(target("reports/2025/index.html", h));
            }
        }
        assertThat(out.files).containsKeys("reports/2025/report.md");
    }

    @Test
    void everyLinkOnThePageLeadsToAWrittenFile() {
        for (String page : List.of("reports/index.html", "reports/2025/index.html", "reports/all/index.html")) {
            Document doc = page(page);
            for (Element a : doc.select("a[href], link[href]")) {
                String href = a.attr("href");
                if (href.startsWith("http") || href.startsWith("#")) {
                    continue;
                }
                assertThat(out.files).as(page + " links " + href).containsKey(target(page, href));
            }
        }
    }

    @Test
    void chainsLinkTheIncidentsOldestFirst() {
        Document doc = page("reports/2025/index.html");
        Element chain = doc.select("#t-recurring-causes tbody tr").first().select("ol.chain").first();
        assertThat(chain.select("a").eachAttr("href")).containsExactly("../../incidents/" + ReportFixture.A + "/index.html",
                "../../incidents/" + ReportFixture.D + "/index.html", "../../incidents/" + ReportFixture.G + "/index.html");
        assertThat(chain.select("strong a")).hasSize(2);
    }

    @Test
    void chartsAreAccessibleWellFormedSvg() throws Exception {
        // The all-years report has 24 month ends of open items, enough for a chart.
        Document doc = page("reports/all/index.html");
        List<Element> svgs = doc.select("svg.chart");
        assertThat(svgs).isNotEmpty();
        for (Element svg : svgs) {
            assertThat(svg.attr("role")).isEqualTo("img");
            String[] ids = svg.attr("aria-labelledby").split(" ");
            assertThat(svg.select("title#" + ids[0]).text()).isNotBlank();
            assertThat(svg.select("desc#" + ids[1]).text()).isNotBlank();
        }
        ReportFacts facts = ReportFixture.factory(ReportFixture.withDrafts(), ReportFixture.noSimilarity()).facts(ReportScope.of(2025));
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        org.w3c.dom.Document xml = f.newDocumentBuilder().parse(new ByteArrayInputStream(
                Heatmap.svg("causes-heatmap", facts.causes(), "2025", "quarter").getBytes(StandardCharsets.UTF_8)));
        assertThat(xml.getDocumentElement().getLocalName()).isEqualTo("svg");
    }

    @Test
    void printKeepsSectionsTogetherWithPageNumbersAndTheReportNameInTheMargins() {
        Document doc = page("reports/2025/index.html");
        String css = doc.select("link[rel=stylesheet]").eachAttr("href").stream().filter(h -> h.contains("report"))
                .map(h -> out.text(target("reports/2025/index.html", h))).findFirst().orElseThrow();
        // A page break before every section left most of a page blank.
        assertThat(css).contains("@media print", "counter(page)", "orphans: 3", "widows: 3", "a[href^=\"http\"]::after")
                .doesNotContain("break-before: page");
        Element header = doc.selectFirst("link[rel=stylesheet][media=print][href=print-header.css]");
        assertThat(header).isNotNull();
        assertThat(out.text("reports/2025/print-header.css")).contains("@top-left", "\"Meta-review 2025 \\b7  Report Fixture\"");
    }

    @Test
    void twoBuildsAreByteIdentical() {
        MemoryWriter again = new MemoryWriter();
        build(again);
        for (Map.Entry<String, byte[]> e : out.files.entrySet()) {
            if (e.getKey().startsWith("reports/")) {
                assertThat(again.files.get(e.getKey())).as(e.getKey()).isEqualTo(e.getValue());
            }
        }
    }
}
