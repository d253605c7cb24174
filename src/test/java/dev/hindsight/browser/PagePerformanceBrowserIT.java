package dev.hindsight.browser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a page costs in the browser, measured with the Performance API: an incident page is small before search
 * is used, no page fetches anything from another host (no fonts, no CDN), and nothing moves once drawn.
 */
class PagePerformanceBrowserIT {
    /** Sums layout shifts not caused by input, from the first paint on (installed before any page script). */
    private static final String OBSERVE_SHIFTS = """
            window.__cls = 0; window.__shifts = [];
            new PerformanceObserver(list => list.getEntries().forEach(e => {
              if (!e.hadRecentInput) {
                window.__cls += e.value;
                window.__shifts.push(e.value.toFixed(4) + ' ' + e.sources.map(s => s.node ? s.node.nodeName + '.' + s.node.className : '?').join(','));
              }
            })).observe({type: 'layout-shift', buffered: true});
            """;
    private static final String TRANSFERRED = """
            const nav = performance.getEntriesByType('navigation')[0];
            return performance.getEntriesByType('resource').reduce((sum, r) => sum + r.transferSize, nav.transferSize);
            """;
    private static final String REQUESTS = """
            return [location.href].concat(performance.getEntriesByType('resource').map(r => r.name));
            """;

    @Test
    void anIncidentPageTransfersUnder100KbBeforeSearchIsUsed() throws Exception {
        try (Chromium.Session s = Chromium.start(); StaticServer server = StaticServer.start(ContentSite.get().publicDir())) {
            ChromeDriver d = s.driver();
            server.resetCounts();
            Browse.open(d, server.url(ContentSite.INCIDENT));
            Thread.sleep(300);
            double transferred = Browse.number(d, TRANSFERRED);
            List<String> served = server.served();
            assertThat(served).as("the page, its CSS and scripts").hasSizeBetween(2, 8)
                    .noneMatch(p -> p.contains("/search/") && !p.endsWith(".js"));
            assertThat(server.bytesSent()).as("bytes the server sent for %s", served).isPositive().isLessThan(100_000);
            assertThat(transferred).as("transferSize, headers included").isPositive().isLessThan(100_000);
            System.out.printf("incident page: %d requests, %d body bytes, %.0f bytes transferred%n",
                    served.size(), server.bytesSent(), transferred);
        }
    }

    @Test
    void theObserverSeesAShift(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("index.html"), "<!doctype html><title>shift</title><p id=p>Text that moves</p>"
                + "<script src=late.js></script>");
        Files.writeString(dir.resolve("late.js"), "setTimeout(function () { var b = document.createElement('div');"
                + " b.style.height = '300px'; document.body.insertBefore(b, document.body.firstChild); }, 300);");
        try (Chromium.Session s = Chromium.start(); StaticServer server = StaticServer.start(dir)) {
            ChromeDriver d = s.driver();
            d.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", OBSERVE_SHIFTS));
            Browse.open(d, server.url(""));
            Thread.sleep(800);
            assertThat(Browse.number(d, "return window.__cls")).isGreaterThan(0.01);
        }
    }

    @Test
    void noPageRequestsAnythingFromAnotherHostAndNothingShiftsAfterPaint() throws Exception {
        try (Chromium.Session s = Chromium.start(); StaticServer server = StaticServer.start(ContentSite.get().publicDir())) {
            ChromeDriver d = s.driver();
            d.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", OBSERVE_SHIFTS));
            String origin = server.url("");
            List<String> problems = new ArrayList<>();
            for (int width : new int[] {375, 1280}) {
                Browse.screen(d, width, 850, "light");
                for (Map.Entry<String, String> page : ContentSite.PAGE_KINDS.entrySet()) {
                    Browse.open(d, server.url(page.getValue()));
                    Thread.sleep(page.getKey().equals("search") ? 1500 : 300);
                    for (Object url : (List<?>) d.executeScript(REQUESTS)) {
                        if (!String.valueOf(url).startsWith(origin)) {
                            problems.add(page.getKey() + ": requested " + url);
                        }
                    }
                    double cls = Browse.number(d, "return window.__cls");
                    if (cls > 0.01) {
                        problems.add(page.getKey() + " at " + width + " px: layout shift " + cls + " "
                                + d.executeScript("return window.__shifts"));
                    }
                    String fonts = (String) d.executeScript(
                            "return Array.from(document.fonts).filter(f => f.status !== 'unloaded').map(f => f.family).join(',')");
                    if (!fonts.isEmpty()) {
                        problems.add(page.getKey() + ": web fonts loaded: " + fonts);
                    }
                }
            }
            assertThat(server.served()).as("the observer saw real pages").isNotEmpty();
            assertThat(problems).isEmpty();
        }
    }
}
