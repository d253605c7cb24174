package dev.hindsight.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The meta-review report as a person uses it: from /reports/ to a year, a CSV downloaded by clicking its link, a summary
 * that fits the first screen, charts with accessible titles, and pages that fit a phone without scrolling sideways.
 */
class ReportBrowserIT {
    private static final String CSV_ROW = "2025-04-14-delivery-routing-oomkilled-base-image,"
            + "2022-12-19-delivery-routing-oomkilled";

    @Test
    void fromTheListToAYearAndItsCsvDownload() throws Exception {
        ContentSite site = ContentSite.get();
        try (Chromium.Session s = Chromium.start(); StaticServer server = StaticServer.start(site.publicDir())) {
            ChromeDriver d = s.driver();
            Browse.open(d, server.url("reports/"));
            WebElement year = d.findElements(By.cssSelector("main a")).stream()
                    .filter(a -> a.getText().strip().startsWith("2025")).findFirst().orElseThrow();
            year.click();
            Browse.settle(d);
            assertThat(d.getCurrentUrl()).matches(".*/reports/2025/(index\\.html)?");
            assertThat(d.findElement(By.tagName("h1")).getText()).contains("2025");

            Path downloads = Files.createDirectories(site.output("report-downloads"));
            try (var old = Files.list(downloads)) {
                for (Path p : old.toList()) {
                    Files.delete(p);
                }
            }
            d.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow",
                    "downloadPath", downloads.toAbsolutePath().toString()));
            WebElement csv = d.findElement(By.cssSelector("#t-recurred-after-fix .downloads a[type='text/csv']"));
            assertThat(csv.getAttribute("href")).endsWith("/reports/2025/recurred-after-fix.csv");
            server.resetCounts();
            // Scroll it to the middle and wait until nothing covers it (the page may still be laying out on a busy machine).
            new WebDriverWait(d, Duration.ofSeconds(10)).until(x -> Boolean.TRUE.equals(d.executeScript("""
                    arguments[0].scrollIntoView({block: 'center'});
                    const r = arguments[0].getBoundingClientRect();
                    const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
                    return top === arguments[0] || arguments[0].contains(top);
                    """, csv)));
            csv.click();
            Path file = downloads.resolve("recurred-after-fix.csv");
            new WebDriverWait(d, Duration.ofSeconds(20)).until(x -> Files.isRegularFile(file));
            assertThat(server.served()).contains("200 /reports/2025/recurred-after-fix.csv");
            String text = Files.readString(file, StandardCharsets.UTF_8);
            assertThat(text).isEqualTo(Files.readString(site.publicDir().resolve("reports/2025/recurred-after-fix.csv")));
            assertThat(text.lines().findFirst().orElseThrow()).startsWith("Incident,Earlier incident,");
            assertThat(text).contains(CSV_ROW);

            // The JSON beside it is gzip-compressed, and a browser inflates it to the same case, as a tool would.
            WebElement jsonLink = d.findElement(By.cssSelector("#t-recurred-after-fix .downloads a[type='application/gzip']"));
            assertThat(jsonLink.getAttribute("href")).endsWith("/reports/2025/recurred-after-fix.json.gz");
            Object json = d.executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    fetch(arguments[0]).then(r => new Response(r.body.pipeThrough(new DecompressionStream('gzip'))).json())
                      .then(j => done(j.table.id + ' ' + JSON.stringify(j.table.rows))).catch(e => done(['error', String(e)]));
                    """, jsonLink.getAttribute("href"));
            assertThat(json.toString()).startsWith("recurred-after-fix ").contains("2025-04-14-delivery-routing-oomkilled-base-image");
        }
    }

    @Test
    void everyChartHasAnAccessibleTitleAndTheHeatmapItsCounts() throws Exception {
        ContentSite site = ContentSite.get();
        try (Chromium.Session s = Chromium.start(); StaticServer server = StaticServer.start(site.publicDir())) {
            ChromeDriver d = s.driver();
            // The all-years report has enough incidents (at least 20) for a heatmap; a year of this site states its counts instead.
            Browse.open(d, server.url("reports/all/"));
            List<?> untitled = (List<?>) d.executeScript("""
                    return Array.from(document.querySelectorAll('main svg.chart')).filter(svg => {
                      const t = svg.querySelector(':scope > title');
                      const names = (svg.getAttribute('aria-labelledby') || '').split(' ');
                      return svg.getAttribute('role') !== 'img' || !t || !t.textContent.trim() || !names.includes(t.id);
                    }).map(svg => svg.id);
                    """);
            assertThat(untitled).as("charts without an accessible title").isEmpty();
            String title = (String) d.executeScript("return document.querySelector('svg#causes-heatmap > title').textContent");
            assertThat(title).startsWith("Incidents by cause category and year, all years");
            List<?> counts = (List<?>) d.executeScript("return Array.from(document.querySelectorAll("
                    + "'svg#causes-heatmap text.hm-text, svg#causes-heatmap text.hm-text-on-dark')).map(t => t.textContent)");
            assertThat(counts).isNotEmpty().allSatisfy(c -> assertThat(c.toString()).matches("\\d+"));
        }
    }

    @Test
    void theSummaryFitsTheFirstScreenAndThePagesFitTheWidth() throws Exception {
        ContentSite site = ContentSite.get();
        try (Chromium.Session s = Chromium.start(); StaticServer server = StaticServer.start(site.publicDir())) {
            ChromeDriver d = s.driver();
            Browse.screen(d, 1280, 800, "light");
            Browse.open(d, server.url("reports/2025/"));
            double bottom = Browse.number(d, "return document.querySelector('#summary').getBoundingClientRect().bottom + scrollY");
            assertThat(bottom).as("the summary ends within the first 800 px at 1280 wide").isLessThanOrEqualTo(800);
            for (String page : List.of("reports/", "reports/2025/", "reports/all/")) {
                Browse.open(d, server.url(page));
                List<?> cut = (List<?>) d.executeScript("return Array.from(document.querySelectorAll('.table-wrap'))"
                        + ".filter(w => w.scrollWidth > w.clientWidth + 1).map(w => w.parentElement.id)");
                assertThat(cut).as("%s tables that scroll sideways at 1280 px", page).isEmpty();
            }
        }
    }

    @Test
    void itPrintsWithoutNavigationOrDownloadsAndWithoutAPageBreakBeforeEverySection() throws Exception {
        ContentSite site = ContentSite.get();
        try (Chromium.Session s = Chromium.start(); StaticServer server = StaticServer.start(site.publicDir())) {
            ChromeDriver d = s.driver();
            Browse.open(d, server.url("reports/2025/"));
            Browse.media(d, "print", "light");
            List<?> breaks = (List<?>) d.executeScript("return Array.from(document.querySelectorAll('.report-section'))"
                    + ".map(e => getComputedStyle(e).breakBefore)");
            assertThat(breaks).hasSize(9).noneMatch("page"::equals);
            List<?> shown = (List<?>) d.executeScript("return Array.from(document.querySelectorAll("
                    + "'.report-scopes, .report-toc, .downloads, .site-header, .site-footer, details.table-rest'))"
                    + ".filter(e => getComputedStyle(e).display !== 'none').map(e => e.className)");
            assertThat(shown).as("navigation, download links and folded rows on paper").isEmpty();
            Map<String, Object> pdf = d.executeCdpCommand("Page.printToPDF", Map.of("paperWidth", 8.27, "paperHeight", 11.69));
            String bytes = new String(java.util.Base64.getDecoder().decode((String) pdf.get("data")), StandardCharsets.ISO_8859_1);
            long pages = java.util.regex.Pattern.compile("/Type\\s*/Page(?![a-zA-Z])").matcher(bytes).results().count();
            assertThat(pages).as("pages of the printed report").isBetween(5L, 30L);
        }
    }

    @Test
    void reportsFitAPhoneWithoutScrollingSidewaysAndKeepTheHeatmapReadable() throws Exception {
        ContentSite site = ContentSite.get();
        try (Chromium.Session s = Chromium.start(); StaticServer server = StaticServer.start(site.publicDir())) {
            ChromeDriver d = s.driver();
            Browse.screen(d, 375, 800, "light");
            for (String page : List.of("reports/", "reports/2025/", "reports/all/")) {
                Browse.open(d, server.url(page));
                double scrollWidth = Browse.number(d, "return document.documentElement.scrollWidth");
                double clientWidth = Browse.number(d, "return document.documentElement.clientWidth");
                assertThat(scrollWidth).as("%s scrolls sideways at 375 px", page).isLessThanOrEqualTo(clientWidth);
                if (page.equals("reports/all/")) {
                    double countHeight = Browse.number(d, "return document.querySelector('svg#causes-heatmap text.hm-text')"
                            + ".getBoundingClientRect().height");
                    assertThat(countHeight).as("%s heatmap counts at least 10 px tall on a phone", page).isGreaterThanOrEqualTo(10);
                }
            }
        }
    }
}
