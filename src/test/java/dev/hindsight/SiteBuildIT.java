package dev.hindsight;

import dev.hindsight.model.Problem;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.json.Json;
import org.w3c.dom.NodeList;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Builds the fixture site in src/test/resources/sites/basic through the whole pipeline and checks the output.
 */
class SiteBuildIT {
    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final String HOSTILE = "Payments <script>alert(1)</script> outage </script> & more";
    private static final String CHECKOUT = "incidents/2024-03-11-checkout-pool/index.html";
    private static final String FAILOVER = "incidents/2023-11-02-orders-db-failover/index.html";

    @TempDir
    static Path tmp;
    static Path site;
    static BuildReport report;

    static Path project() {
        return Path.of(System.getProperty("hindsight.project.dir", ".")).toAbsolutePath();
    }

    static BuildOptions options(Path dest) {
        return BuildOptions.defaults(project(), LocalDate.of(2025, 6, 1))
                .withContent(project().resolve("src/test/resources/sites/basic"))
                .withDestination(dest)
                .withCache(tmp.resolve("cache-" + dest.getFileName()));
    }

    @BeforeAll
    static void build() {
        site = tmp.resolve("public");
        report = new Pipeline(stage -> { }).build(options(site));
    }

    static Document html(String path) throws IOException {
        return Jsoup.parse(site.resolve(path).toFile(), "UTF-8", site.resolve(path).toUri().toString());
    }

    static List<String> files() throws IOException {
        try (Stream<Path> walk = Files.walk(site)) {
            return walk.filter(Files::isRegularFile).map(p -> site.relativize(p).toString().replace('\\', '/')).sorted().toList();
        }
    }

    static List<String> htmlPages() throws IOException {
        return files().stream().filter(f -> f.endsWith(".html")).toList();
    }

    @Test
    void theBuildSucceedsWithEveryIncident() {
        assertThat(report.problems()).filteredOn(Problem::isError).isEmpty();
        assertThat(report.published()).isTrue();
        assertThat(report.incidents()).isEqualTo(5);
    }

    @Test
    void everyPageKindExists() throws IOException {
        assertThat(files()).contains("index.html", "incidents/index.html", CHECKOUT, FAILOVER,
                "incidents/2024-07-01-dns-near-miss/index.html", "tags/index.html", "causes/index.html",
                "causes/capacity/index.html", "services/index.html", "services/checkout-api/index.html",
                "services/checkout-api/feed.xml", "teams/index.html", "severities/index.html", "severities/sev1/index.html",
                "years/index.html", "years/2024/index.html", "history/index.html", "search/index.html",
                "start-here/index.html", "about/index.html", "404.html", "feed.xml", "sitemap.xml", "incidents.json",
                "robots.txt");
        assertThat(files()).anyMatch(f -> f.matches("css/site\\.[0-9a-f]{8}\\.css"));
        assertThat(files()).noneMatch(f -> f.contains("unfinished"));
    }

    @Test
    void theIncidentPageScansInSeconds() throws IOException {
        Document d = html(CHECKOUT);
        assertThat(d.selectFirst("h1").text()).isEqualTo("Checkout API outage from connection pool exhaustion");
        assertThat(d.selectFirst(".incident-head .badge").text()).isEqualTo("SEV1");
        assertThat(d.select(".durations dd").eachText()).containsExactly("15 min", "58 min", "1 h 28 min");
        assertThat(d.select(".incident-head .facts a").eachAttr("href")).contains("../../services/checkout-api/index.html",
                "../../causes/config-change/index.html", "../../teams/payments/index.html", "../../tags/database/index.html");
        assertThat(d.select(".timeline > li")).hasSize(4);
        assertThat(d.select(".timeline time").eachText()).containsExactly("09:02", "09:17", "10:00", "10:30");
        assertThat(d.select("table.actions tbody tr")).hasSize(2);
        Element late = d.selectFirst("table.actions tr.is-overdue");
        assertThat(late).isNotNull();
        assertThat(late.text()).contains("Alert on pool saturation").contains("Overdue").contains("days late");
        assertThat(d.select(".lessons .lesson")).hasSize(3);
        assertThat(d.select(".prev-next a[rel=prev]").text()).contains("Orders database failover");
        assertThat(d.select(".prev-next a[rel=next]").text()).contains("DNS resolver near miss");
        assertThat(d.select(".connection:has(h3:contains(Linked from)) a").eachText()).contains(HOSTILE);
        assertThat(d.select(".connection:has(h3:contains(Related)) a").eachText()).contains("Orders database failover stalled writes");
        assertThat(d.selectFirst(".incident-body a:contains(orders DB failover)").attr("href")).isEqualTo("../../" + FAILOVER);
        assertThat(d.selectFirst(".incident-body a:contains(vendor guidance)").attr("rel")).contains("noopener");
    }

    @Test
    void inferredValuesAreShownHonestly() throws IOException {
        String page = files().stream().filter(f -> f.startsWith("incidents/") && f.contains("cache-stampede")).findFirst().orElseThrow();
        Document d = html(page);
        assertThat(d.selectFirst("h1").text()).isEqualTo("Cache stampede after a cold deploy");
        assertThat(d.select(".note-inferred td code").eachText()).contains("title");
        Document near = html("incidents/2024-07-01-dns-near-miss/index.html");
        assertThat(near.select(".durations .duration.unknown dd")).hasSize(3);
        assertThat(near.select(".durations dd").eachText()).allMatch(t -> t.startsWith("unknown"));
    }

    @Test
    void bundleImagesAreCopiedNextToThePage() throws IOException {
        Document d = html("incidents/2024-07-01-dns-near-miss/index.html");
        Element img = d.selectFirst(".incident-body img");
        assertThat(img.attr("loading")).isEqualTo("lazy");
        assertThat(site.resolve("incidents/2024-07-01-dns-near-miss").resolve(img.attr("src"))).exists();
        assertThat(report.problems()).noneMatch(p -> p.rule().equals("missing-image"));
    }

    @Test
    void indexPagesCountCorrectly() throws IOException {
        Document causes = html("causes/index.html");
        assertThat(causes.select(".bars li:has(a[href$=causes/capacity/index.html]) .count").text()).startsWith("2");
        assertThat(causes.select(".bars li:has(a[href$=causes/config-change/index.html]) .count").text()).startsWith("2");
        assertThat(causes.select(".bars li:has(a[href$=causes/dependency/index.html]) .count").text()).startsWith("1");
        assertThat(html("causes/capacity/index.html").select("table.incident-table tbody tr")).hasSize(2);
        assertThat(html("incidents/index.html").select("table.incident-table tbody tr")).hasSize(5);
        assertThat(html("history/index.html").select(".history-list > li")).hasSize(5);
        assertThat(html("history/index.html").select(".history-list > li.is-essential a").eachText())
                .contains("Orders database failover stalled writes", "Checkout API outage from connection pool exhaustion");
    }

    @Test
    void theFeedIsValidAtomWithTheIncidentDates() throws Exception {
        org.w3c.dom.Document feed = xml("feed.xml");
        assertThat(feed.getDocumentElement().getNamespaceURI()).isEqualTo(ATOM);
        assertThat(feed.getElementsByTagNameNS(ATOM, "entry").getLength()).isEqualTo(5);
        String updated = feed.getDocumentElement().getElementsByTagNameNS(ATOM, "updated").item(0).getTextContent();
        assertThat(updated).isEqualTo("2025-02-14T08:45:00Z");
        assertThat(texts(feed, "title")).contains("[SEV3] " + HOSTILE);
        assertThat(xml("services/checkout-api/feed.xml").getElementsByTagNameNS(ATOM, "entry").getLength()).isEqualTo(2);
    }

    @Test
    void theSitemapListsEveryPage() throws Exception {
        List<String> locs = texts(xml("sitemap.xml"), "loc");
        List<String> expected = htmlPages().stream().filter(p -> !p.equals("404.html"))
                .map(p -> "https://fixture.example.org/kb/" + (p.equals("index.html") ? "" : p.replaceFirst("index\\.html$", "")))
                .sorted().toList();
        assertThat(locs).containsExactlyElementsOf(expected);
    }

    @Test
    void incidentsJsonParsesAndHoldsTheModel() throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, Object> model = new Json().toType(Files.readString(site.resolve("incidents.json")), Map.class);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> incidents = (List<Map<String, Object>>) model.get("incidents");
        assertThat(incidents).hasSize(5);
        assertThat(incidents).extracting(i -> i.get("title")).contains(HOSTILE);
        @SuppressWarnings("unchecked")
        Map<String, Object> found = (Map<String, Object>) ((Map<String, Object>) model.get("site")).get("found");
        assertThat(((Number) found.get("incidents")).intValue()).isEqualTo(5);
        long withTimeline = incidents.stream().filter(i -> ((List<?>) i.get("timeline")).size() >= 2).count();
        assertThat(((Number) found.get("timeline")).intValue()).as("share of incidents with a timeline")
                .isEqualTo((int) Math.round(100.0 * withTimeline / 5));
        assertThat(found).containsKeys("date", "summary", "startTime", "actionItems");
    }

    @Test
    void anInferredSummaryIsNotShownTwiceButADeclaredOneIs() throws IOException {
        Path content = Files.createDirectories(tmp.resolve("summary-content/postmortems"));
        Files.writeString(content.resolve("2024-01-01-inferred.md"), "---\ntitle: Inferred\n---\n"
                + "Checkout returned errors for forty minutes after the pool limit was reached.\n\n## Timeline\n\n- 10:00 Start\n");
        Files.writeString(content.resolve("2024-01-02-declared.md"), "---\ntitle: Declared\nsummary: Search was slow "
                + "for an hour.\n---\nThe search cluster lost a node.\n");
        Path out = tmp.resolve("summary-public");
        BuildReport r = new Pipeline(stage -> { }).build(BuildOptions.defaults(project(), LocalDate.of(2025, 6, 1))
                .withContent(content.getParent()).withDestination(out).withCache(tmp.resolve("summary-cache")));
        assertThat(r.published()).as("%s", r.problems()).isTrue();
        Document inferred = Jsoup.parse(out.resolve("incidents/2024-01-01-inferred/index.html").toFile(), "UTF-8");
        assertThat(inferred.select("section.summary")).as("the body already shows it").isEmpty();
        inferred.select(".note-inferred").remove();
        assertThat(inferred.select("main").text().split("forty minutes", -1)).as("the summary text appears once").hasSize(2);
        Document declared = Jsoup.parse(out.resolve("incidents/2024-01-02-declared/index.html").toFile(), "UTF-8");
        assertThat(declared.select("section.summary").text()).isEqualTo("Search was slow for an hour.");
    }

    @Test
    void aHostileTitleStaysTextEverywhere() throws Exception {
        for (String page : htmlPages()) {
            assertThat(Files.readString(site.resolve(page))).as(page).doesNotContain("<script>alert(1)");
        }
        Document d = html("incidents/2025-02-14-hostile-title/index.html");
        assertThat(d.selectFirst("h1").text()).isEqualTo(HOSTILE);
        assertThat(d.select("script:not([src])")).isEmpty();
        assertThat(Files.readString(site.resolve("incidents.json"))).doesNotContain("</script>");
        assertThat(Files.readString(site.resolve("feed.xml"))).doesNotContain("<script>");
    }

    @Test
    void internalLinksResolveFromDisk() throws IOException {
        List<String> broken = new ArrayList<>();
        for (String page : htmlPages()) {
            if (page.equals("404.html")) {
                continue;
            }
            for (Element e : html(page).select("a[href], link[href], script[src], img[src]")) {
                String raw = e.hasAttr("href") ? e.attr("href") : e.attr("src");
                if (raw.startsWith("#") || raw.matches("^[a-z]+:.*") || raw.startsWith("//")) {
                    continue;
                }
                Path target = Path.of(URI.create(site.resolve(page).toUri().toString()).resolve(raw.replaceAll("[#?].*$", "")));
                if (!Files.isRegularFile(target) && !site.relativize(target).toString().startsWith("reports")) {
                    broken.add(page + " -> " + raw);
                }
            }
        }
        assertThat(broken).isEmpty();
    }

    @Test
    void twoBuildsOfTheSameInputAreByteIdentical() throws IOException {
        Path second = tmp.resolve("public-2");
        BuildReport again = new Pipeline(stage -> { }).build(options(second));
        assertThat(again.published()).isTrue();
        Map<String, String> a = hashes(site);
        Map<String, String> b = hashes(second);
        assertThat(b).isEqualTo(a);
    }

    private static Map<String, String> hashes(Path root) throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                m.put(root.relativize(p).toString(), dev.hindsight.render.Fingerprint.sha256Hex(Files.readAllBytes(p)));
            }
        }
        return m;
    }

    private static org.w3c.dom.Document xml(String path) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(site.resolve(path).toFile());
    }

    private static List<String> texts(org.w3c.dom.Document doc, String tag) {
        NodeList list = doc.getElementsByTagNameNS("*", tag);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            out.add(list.item(i).getTextContent());
        }
        return out;
    }
}
