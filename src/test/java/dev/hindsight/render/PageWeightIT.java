package dev.hindsight.render;

import dev.hindsight.BuildOptions;
import dev.hindsight.BuildReport;
import dev.hindsight.Pipeline;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chrome every page repeats stays out of the pages: icons and the brand mark are classes that site.css draws,
 * not inline SVG; the search client's files are listed once, inside search.js; and what a page carries outside
 * its {@code <main>} (head, header, footer), less its own title, description and canonical URL, stays under a bound.
 * At 10k incidents every byte of chrome is 23 kB of the site.
 */
class PageWeightIT {
    /**
     * Bytes of chrome a page of content/ may carry outside {@code <main>}, less its title, description and canonical
     * URL: 2,231 to 2,492 today; 2,711 to 2,987 while every page listed the search client's files (data-assets) and
     * the footer repeated the navigation; 3,309 to 3,610 when the brand mark was inline SVG and data-assets was JSON.
     */
    private static final int CHROME_BYTES = 2_600;
    /** The SVG a page may carry inline: report charts and the bars of a term's panels, drawn from its numbers. */
    private static final Set<String> DRAWN = Set.of("chart", "yc-bar", "bar");

    @TempDir
    static Path tmp;
    static Path site;
    static List<Path> pages;

    @BeforeAll
    static void build() throws IOException {
        Path project = Path.of(System.getProperty("hindsight.project.dir", ".")).toAbsolutePath().normalize();
        site = tmp.resolve("public");
        BuildReport report = new Pipeline(line -> { }).build(BuildOptions.defaults(project, LocalDate.of(2026, 11, 1))
                .withDrafts(true).withDestination(site).withCache(tmp.resolve("cache")));
        assertThat(report.published()).as("build: %s", report.problems()).isTrue();
        try (Stream<Path> walk = Files.walk(site)) {
            pages = walk.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
        assertThat(pages).hasSizeGreaterThan(100);
    }

    @Test
    void iconsAreClassesThatSiteCssDrawsNotInlineSvg() throws IOException {
        String css = siteCss();
        Set<String> used = new TreeSet<>();
        Set<String> drawnByTheirElement = new TreeSet<>();
        for (Path p : pages) {
            Document d = Jsoup.parse(p.toFile(), "UTF-8");
            for (Element svg : d.select("svg")) {
                assertThat(svg.classNames()).as("inline <svg> in %s", site.relativize(p)).containsAnyElementsOf(DRAWN);
            }
            for (Element icon : d.select(".icon")) {
                assertThat(icon.childNodeSize()).as("an icon is empty: %s", icon).isZero();
                icon.classNames().stream().filter(c -> c.startsWith("i-")).forEach(used::add);
            }
            assertThat(d.select(".brand-mark")).as("the brand mark of %s", site.relativize(p)).allMatch(e -> e.childNodeSize() == 0);
            // A status and a lesson draw their own icon: no icon span inside them.
            assertThat(d.select(".status .icon, .lesson .icon")).as("icon spans in statuses and lessons of %s", site.relativize(p)).isEmpty();
            for (Element e : d.select(".status, .lesson")) {
                e.classNames().stream().filter(c -> c.startsWith("status-") || c.startsWith("lesson-")).forEach(drawnByTheirElement::add);
            }
        }
        assertThat(used).as("icons in use").contains("i-overdue", "i-star", "i-feed");
        assertThat(drawnByTheirElement).as("statuses and lessons in use")
                .contains("status-done", "status-open", "status-overdue", "lesson-well", "lesson-wrong", "lesson-lucky");
        for (String name : used) {
            assertThat(css).as("site.css draws %s", name).containsPattern("\\." + Pattern.quote(name) + "(, \\.[a-z-]+)? \\{ --icon: url\\(\"data:image/svg\\+xml,");
        }
        for (String name : drawnByTheirElement) {
            assertThat(css).as("site.css draws the icon of %s", name).containsPattern("\\.i-[a-z-]+, \\." + Pattern.quote(name) + " \\{ --icon: url\\(\"data:image/svg\\+xml,");
        }
        assertThat(css).contains(".status::before, .lesson > :first-child::before { content: \"\"; }");
        assertThat(css).containsPattern("\\.brand-mark \\{[^}]*--icon: url\\(\"data:image/svg\\+xml,");
    }

    @Test
    void theSearchClientsFilesAreListedOnceInTheClientNotOnEveryPage() throws IOException {
        String client = null;
        for (Path p : List.of(site.resolve("index.html"), site.resolve("incidents/index.html"), pages.get(pages.size() / 2))) {
            Element script = Jsoup.parse(p.toFile(), "UTF-8").selectFirst("head script[src*=js/search.]");
            assertThat(script).as("search.js in %s", site.relativize(p)).isNotNull();
            assertThat(script.attributes().size()).as("search.js's attributes in %s", site.relativize(p)).isEqualTo(2);
            client = Files.readString(p.getParent().resolve(script.attr("src")).normalize(), StandardCharsets.UTF_8);
        }
        Matcher m = Pattern.compile("\"([a-z]+/[^\"]+)\":\"([^\"]+)\"").matcher(client);
        List<String> files = new ArrayList<>();
        while (m.find()) {
            files.add(m.group(2));
        }
        assertThat(files).contains(fingerprinted(files, "js/search-engine"), fingerprinted(files, "css/search"));
        for (String f : files) {
            assertThat(site.resolve(f)).as("%s in search.js", f).isRegularFile();
        }
    }

    @Test
    void whatEveryPageRepeatsOutsideItsMainStaysSmall() throws IOException {
        List<String> heavy = new ArrayList<>();
        for (Path p : pages) {
            String html = Files.readString(p, StandardCharsets.UTF_8);
            int main = html.indexOf("<main");
            int end = html.indexOf("</main>");
            if (main < 0 || end < 0) {
                continue;
            }
            String chrome = html.substring(0, main) + html.substring(end);
            for (String own : List.of("<title>(.*?)</title>", "<meta name=\"description\" content=\"([^\"]*)\"",
                    "<link rel=\"canonical\" href=\"([^\"]*)\"")) {
                Matcher m = Pattern.compile(own, Pattern.DOTALL).matcher(chrome);
                if (m.find()) {
                    chrome = chrome.substring(0, m.start(1)) + chrome.substring(m.end(1));
                }
            }
            int bytes = chrome.getBytes(StandardCharsets.UTF_8).length;
            if (bytes > CHROME_BYTES) {
                heavy.add(site.relativize(p) + ": " + bytes);
            }
        }
        assertThat(heavy).as("pages over %d bytes of chrome", CHROME_BYTES).isEmpty();
    }

    private static String fingerprinted(List<String> files, String logical) {
        return files.stream().filter(f -> f.matches(Pattern.quote(logical) + "\\.[0-9a-f]{8}\\.(js|css)")).findFirst().orElse("none: " + logical);
    }

    private static String siteCss() throws IOException {
        try (Stream<Path> css = Files.list(site.resolve("css"))) {
            Path p = css.filter(f -> f.getFileName().toString().matches("site\\.[0-9a-f]{8}\\.css")).findFirst().orElseThrow();
            return Files.readString(p, StandardCharsets.UTF_8);
        }
    }
}
