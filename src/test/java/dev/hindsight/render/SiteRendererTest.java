package dev.hindsight.render;

import dev.hindsight.analyze.Analysis;
import dev.hindsight.model.Problem;
import dev.hindsight.model.Site;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.json.Json;
import org.w3c.dom.NodeList;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Renders a hand-built site (no loader involved) and checks the output.
 */
class SiteRendererTest {
    private static final String CHECKOUT = "incidents/2024-03-11-checkout-pool/index.html";
    private static SampleSite.MemoryWriter out;
    private static List<Problem> problems;

    private static Path project() {
        return Path.of(System.getProperty("hindsight.project.dir", "."));
    }

    private static SampleSite.MemoryWriter render(int threads, List<Problem> into) {
        Site site = SampleSite.site();
        SampleSite.MemoryWriter w = new SampleSite.MemoryWriter();
        SiteRenderer r = new SiteRenderer(project(), project().resolve("src/test/resources/sites/none")).threads(threads);
        into.addAll(r.render(site, SampleSite.analysis(site), SampleSite.index(), w));
        into.addAll(r.finish(w));
        return w;
    }

    @BeforeAll
    static void renderOnce() {
        problems = new ArrayList<>();
        out = render(2, problems);
        if (System.getProperty("render.dump") != null) {
            dump(out, Path.of(System.getProperty("render.dump")));
        }
    }

    private static Document html(String path) {
        return Jsoup.parse(out.text(path), "file:///site/" + path);
    }

    @Test
    void rendersEveryPageKind() {
        assertThat(problems).filteredOn(Problem::isError).isEmpty();
        assertThat(out.files.keySet()).contains("index.html", "incidents/index.html", CHECKOUT,
                "causes/index.html", "causes/capacity/index.html", "tags/index.html", "teams/payments/index.html",
                "severities/sev1/index.html", "years/2024/index.html", "services/orders-db/index.html",
                "history/index.html", "search/index.html", "404.html", "start-here/index.html", "feed.xml",
                "services/checkout-api/feed.xml", "incidents.json", "robots.txt", "sitemap.xml");
        assertThat(out.files.keySet()).anyMatch(k -> k.matches("css/site\\.[0-9a-f]{8}\\.css"))
                .anyMatch(k -> k.matches("js/table\\.[0-9a-f]{8}\\.js"));
    }

    @Test
    void theIncidentPageShowsTheFactsAtTheTop() {
        Document d = html(CHECKOUT);
        Element head = d.selectFirst(".incident-head");
        assertThat(head.selectFirst(".badge").text()).isEqualTo("SEV1");
        assertThat(head.select(".duration dd").eachText()).containsExactly("15 min", "unknown (no mitigated time recorded)", "1 h 28 min");
        assertThat(head.select(".facts a").eachText()).contains("Checkout API", "Orders DB", "Payments", "Capacity");
        assertThat(head.selectFirst("a:contains(Checkout API)").attr("href")).isEqualTo("../../services/checkout-api/index.html");
        assertThat(d.select(".timeline li")).hasSize(3);
        assertThat(d.select(".timeline time").eachText()).containsExactly("09:02", "09:17", "10:30");
        assertThat(d.select(".timeline .tl-marker").eachText()).containsExactly("Started", "Detected", "Resolved");
        assertThat(d.select(".incident-body > .table-wrap > table:not(.actions)")).isEmpty();
        assertThat(d.select("table.actions tbody tr")).hasSize(2);
        Element overdue = d.selectFirst("table.actions tr.is-overdue");
        assertThat(overdue.text()).contains("Pool alarm").contains("Overdue").contains("396 days late");
        assertThat(d.selectFirst("table.actions tbody tr:not(.is-overdue)").text()).contains("Done").doesNotContain("Overdue");
        assertThat(d.select(".lesson-well li").eachText()).containsExactly("Alert fired fast");
        assertThat(d.select(".lesson-lucky li").eachText()).containsExactly("Low traffic");
        assertThat(d.select(".note-inferred td").eachText()).contains("times.mitigated");
        assertThat(d.select(".similar-list li").text()).contains("Orders DB failover").contains("same cause: capacity");
        assertThat(d.select(".prev-next a[rel=prev]").text()).contains("Orders DB failover");
        assertThat(d.select(".prev-next a[rel=next]").text()).contains("Payments");
        assertThat(d.select(".toc a").eachAttr("href")).contains("#timeline", "#action-items", "#connections");
    }

    @Test
    void whatEverySimilarIncidentSharesIsSaidOnceAboveTheList() {
        // One similar incident: its whole reason stays on its line.
        Document one = html(CHECKOUT);
        assertThat(one.select(".similar-shared")).isEmpty();
        assertThat(one.select(".similar-list .reason").eachText())
                .containsExactly("same cause: capacity; same service: orders-db; shared terms: pool");
        // Two that share the cause: the cause once above, each line keeps what is its own.
        Document two = html("incidents/2023-11-02-orders-failover/index.html");
        assertThat(two.select(".similar-list li")).hasSize(2);
        assertThat(two.select(".similar-shared").text()).isEqualTo("All of them: same cause: capacity");
        assertThat(two.select(".similar-list .reason").eachText())
                .containsExactly("same service: orders-db; shared terms: pool", "shared terms: script");
    }

    @Test
    void anItemOfUnknownStatusIsShownAsUnknownAndIsNeitherOpenNorOverdue() {
        Document d = html("incidents/2023-11-02-orders-failover/index.html");
        Element row = d.selectFirst("table.actions tbody tr");
        assertThat(row.selectFirst(".status-unknown").text()).isEqualTo("Unknown");
        assertThat(row.hasClass("is-overdue")).isFalse();
        assertThat(d.selectFirst(".fact-actions dd").text()).isEqualTo("1, status not recorded");
        assertThat(d.selectFirst(".actions-summary").text()).isEqualTo("1 action item: 0 done, 1 with no recorded status.");
        // Pool alarm (open, overdue) and the draft's in-progress item; the unknown one past its due date is neither.
        assertThat(html("index.html").select(".stats li").eachText()).contains("2 open action items", "1 overdue");
    }

    @Test
    void backlinksAndRecurrencesAreShown() {
        Document d = html("incidents/2023-11-02-orders-failover/index.html");
        assertThat(d.select(".connection:has(h3:contains(Linked from)) a").eachText())
                .containsExactly("Checkout API outage from connection pool exhaustion");
        assertThat(d.select(".connection h3:contains(This cause also appeared in)")).isNotEmpty();
        assertThat(d.select(".badges .chip-near")).hasSize(1);
        assertThat(d.select(".incident-body h1")).isEmpty();
        Document x = html("incidents/2025-01-05-xss/index.html");
        assertThat(x.select(".banner-draft")).hasSize(1);
        assertThat(x.select(".connection:has(h3:contains(A recurrence of)) a").eachText()).hasSize(1);
        assertThat(x.select("table.actions")).hasSize(1);
        assertThat(x.select("h2#action-items")).hasSize(1);
    }

    @Test
    void indexPagesCountTheirTerms() {
        Document causes = html("causes/index.html");
        assertThat(causes.select(".bars li")).hasSize(2);
        assertThat(causes.select(".bars li:contains(Capacity) .count").text()).startsWith("2");
        assertThat(causes.select(".bars li:contains(Config change) .count").text()).startsWith("2");
        Document term = html("causes/capacity/index.html");
        assertThat(term.select("table.incident-table tbody tr")).hasSize(2);
        assertThat(html("incidents/index.html").select("table.incident-table tbody tr")).hasSize(3);
        assertThat(html("history/index.html").select(".history-list > li")).hasSize(3);
        assertThat(html("history/index.html").select(".reading-path li").text()).contains("Checkout API outage");
    }

    @Test
    void everyPageHasTheLayoutContract() {
        for (String path : htmlPages()) {
            Document d = html(path);
            assertThat(d.selectFirst("html").attr("lang")).as(path).isEqualTo("en");
            assertThat(d.select("header form[role=search] input#site-search[name=q][type=search]")).as(path).hasSize(1);
            assertThat(d.select("meta[name=hindsight-search]").attr("content")).as(path).endsWith("search/manifest.bin");
            assertThat(d.select("a.skip-link[href=#main]")).as(path).hasSize(1);
            assertThat(d.select("body > main#main, body > header, body > footer, nav[aria-label=Main]")).as(path).hasSize(4);
            assertThat(d.select("[style]")).as(path + " inline styles").isEmpty();
            assertThat(d.select("script:not([src])")).as(path + " inline scripts").isEmpty();
            assertThat(d.select("[onclick], [onload], [onerror]")).as(path).isEmpty();
        }
    }

    @Test
    void everyRelativeLinkLeadsToAFileThatWasWritten() {
        List<String> broken = new ArrayList<>();
        for (String path : htmlPages()) {
            if (path.equals("404.html")) {
                continue;
            }
            Document d = html(path);
            for (Element e : d.select("a[href], link[href], script[src], img[src], form[action]")) {
                String attr = e.hasAttr("href") ? "href" : e.hasAttr("src") ? "src" : "action";
                String raw = e.attr(attr);
                if (raw.isEmpty() || raw.startsWith("#") || raw.matches("^[a-z]+:.*") || raw.startsWith("//")) {
                    continue;
                }
                String target = URI.create("file:///site/" + path).resolve(raw.replaceAll("[#?].*$", "")).getPath().substring("/site/".length());
                if (!out.files.containsKey(target) && !target.startsWith("reports/") && !raw.equals("missing.png")) {
                    broken.add(path + " -> " + raw);
                }
            }
        }
        assertThat(broken).isEmpty();
    }

    @Test
    void hostileTitlesAreEscapedEverywhere() throws Exception {
        for (String path : htmlPages()) {
            assertThat(out.text(path)).as(path).doesNotContain("<script>alert(1)").doesNotContain("<b>tag</b>");
        }
        Document x = html("incidents/2025-01-05-xss/index.html");
        assertThat(x.selectFirst("h1").text()).isEqualTo(SampleSite.XSS_TITLE);
        assertThat(x.title()).startsWith(SampleSite.XSS_TITLE);

        String json = out.text("incidents.json");
        assertThat(json).doesNotContain("</script>").doesNotContain("<script>");
        @SuppressWarnings("unchecked")
        Map<String, Object> model = new Json().toType(json, Map.class);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> incidents = (List<Map<String, Object>>) model.get("incidents");
        assertThat(incidents).extracting(i -> i.get("title")).contains(SampleSite.XSS_TITLE);

        org.w3c.dom.Document feed = xml("feed.xml");
        NodeList titles = feed.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "title");
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < titles.getLength(); i++) {
            texts.add(titles.item(i).getTextContent());
        }
        assertThat(texts).contains(SampleSite.XSS_TITLE);
    }

    @Test
    void theFeedIsAtomWithDatesFromTheIncidents() throws Exception {
        org.w3c.dom.Document feed = xml("feed.xml");
        assertThat(feed.getDocumentElement().getLocalName()).isEqualTo("feed");
        assertThat(feed.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry").getLength()).isEqualTo(3);
        String updated = feed.getDocumentElement().getElementsByTagNameNS("http://www.w3.org/2005/Atom", "updated").item(0).getTextContent();
        assertThat(updated).isEqualTo("2025-01-05T00:00:00Z");
        assertThat(out.text("feed.xml")).contains("<id>https://incidents.example.org/incidents/2024-03-11-checkout-pool/</id>")
                .contains("<updated>2024-03-11T10:30:00Z</updated>");
        org.w3c.dom.Document service = xml("services/orders-db/feed.xml");
        assertThat(service.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry").getLength()).isEqualTo(2);
    }

    @Test
    void theSitemapListsEveryPageButThe404() throws Exception {
        org.w3c.dom.Document sitemap = xml("sitemap.xml");
        NodeList locs = sitemap.getElementsByTagNameNS("http://www.sitemaps.org/schemas/sitemap/0.9", "loc");
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < locs.getLength(); i++) {
            urls.add(locs.item(i).getTextContent());
        }
        List<String> expected = htmlPages().stream().filter(p -> !p.equals("404.html"))
                .map(p -> "https://incidents.example.org/" + RelativeLinks.pagePath(p)).sorted().toList();
        assertThat(urls).containsExactlyElementsOf(expected);
        assertThat(out.text("robots.txt")).contains("Sitemap: https://incidents.example.org/sitemap.xml");
    }

    @Test
    void incidentsJsonCarriesTheTypedModel() {
        @SuppressWarnings("unchecked")
        Map<String, Object> model = new Json().toType(out.text("incidents.json"), Map.class);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> incidents = (List<Map<String, Object>>) model.get("incidents");
        assertThat(incidents).hasSize(3);
        Map<String, Object> checkout = incidents.stream().filter(i -> i.get("slug").equals("2024-03-11-checkout-pool")).findFirst().orElseThrow();
        assertThat(checkout.get("severity")).isEqualTo("SEV1");
        assertThat(checkout.get("causes")).isEqualTo(List.of("capacity", "config-change"));
        assertThat(checkout.get("durations").toString()).contains("PT15M");
        assertThat(checkout.get("actionItems").toString()).contains("overdue=true");
        assertThat(checkout.get("backlinks")).isEqualTo(List.of("2025-01-05-xss"));
    }

    @Test
    void parallelOutputIsByteIdenticalToASequentialRun() {
        SampleSite.MemoryWriter sequential = render(1, new ArrayList<>());
        assertThat(sequential.files.keySet()).isEqualTo(out.files.keySet());
        for (String k : out.files.keySet()) {
            assertThat(Arrays.equals(out.files.get(k), sequential.files.get(k))).as(k).isTrue();
        }
    }

    @Test
    void aMissingImageIsMarkedOnThePageAndLeftToTheChecksToReport() {
        Element img = html("incidents/2024-03-11-checkout-pool/index.html").selectFirst("img[alt=graph]");
        assertThat(img.attr("src")).isEqualTo("missing.png");
        assertThat(img.hasClass("missing")).isTrue();
        // One rule reports it, in check and build alike (ImageRule; LinkSiteIT), so the renderer does not.
        assertThat(problems).noneMatch(p -> p.rule().equals("missing-image"));
    }

    @Test
    void pageBeforeRenderIsAProblemNotACrash() {
        SiteRenderer fresh = new SiteRenderer(project());
        assertThat(fresh.page("page.ftlh", Map.of(), "x/index.html", new SampleSite.MemoryWriter()))
                .singleElement().satisfies(p -> assertThat(p.isError()).isTrue());
    }

    @Test
    void otherStagesCanRenderPagesThroughTheLayout() {
        Site site = SampleSite.site();
        Analysis analysis = SampleSite.analysis(site);
        SampleSite.MemoryWriter w = new SampleSite.MemoryWriter();
        SiteRenderer r = new SiteRenderer(project(), project().resolve("src/test/resources/sites/none"));
        r.render(site, analysis, SampleSite.index(), w);
        assertThat(r.page("404.ftlh", Map.of(), "reports/2025/index.html", w)).isEmpty();
        Document d = Jsoup.parse(w.text("reports/2025/index.html"));
        assertThat(d.selectFirst("link[rel=stylesheet]").attr("href")).startsWith("../../css/site.");
        assertThat(r.renderedPages()).contains("reports/2025/");
    }

    @Test
    void theSearchClientIsLoadedWithItsSiblingFiles(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        java.nio.file.Files.createDirectories(dir.resolve("assets/js"));
        java.nio.file.Files.writeString(dir.resolve("assets/js/search.js"), "var ASSET_MAP = " + AssetSet.ASSET_MAP + ";");
        java.nio.file.Files.writeString(dir.resolve("assets/js/search-worker.js"), "// worker");
        Site site = SampleSite.site();
        SampleSite.MemoryWriter w = new SampleSite.MemoryWriter();
        List<Problem> found = new SiteRenderer(dir, dir).render(site, SampleSite.analysis(site), SampleSite.index(), w);
        assertThat(found).filteredOn(Problem::isError).isEmpty();
        Document d = Jsoup.parse(w.text(CHECKOUT));
        Element script = d.selectFirst("head script[src*=search]");
        assertThat(script.attr("src")).matches("\\.\\./\\.\\./js/search\\.[0-9a-f]{8}\\.js");
        assertThat(script.hasAttr("defer")).isTrue();
        assertThat(script.hasAttr("data-assets")).as("the page lists no files for it").isFalse();
        // The client itself holds the map of the other assets, each a file the site has.
        String client = w.text(script.attr("src").substring("../../".length()));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"(js/[^\"]+)\":\"([^\"]+)\"").matcher(client);
        Map<String, String> siblings = new java.util.TreeMap<>();
        while (m.find()) {
            siblings.put(m.group(1), m.group(2));
        }
        assertThat(siblings).containsKey("js/search-worker.js").doesNotContainKey("js/search.js");
        assertThat(siblings.get("js/search-worker.js")).matches("js/search-worker\\.[0-9a-f]{8}\\.js");
        for (String file : siblings.values()) {
            assertThat(w.files).containsKey(file);
        }
        assertThat(d.select("link[rel=stylesheet]").attr("href")).contains("css/site.");
    }

    private static List<String> htmlPages() {
        return out.files.keySet().stream().filter(k -> k.endsWith(".html")).sorted().toList();
    }

    private static org.w3c.dom.Document xml(String path) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(out.text(path).getBytes(StandardCharsets.UTF_8)));
    }

    private static void dump(SampleSite.MemoryWriter w, Path dir) {
        w.files.forEach((k, v) -> {
            try {
                Path f = dir.resolve(k);
                java.nio.file.Files.createDirectories(f.getParent());
                java.nio.file.Files.write(f, v);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }
}
