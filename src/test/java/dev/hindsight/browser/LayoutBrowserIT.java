package dev.hindsight.browser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page kind at phone, tablet and desktop widths, in light and dark mode: no horizontal scrolling, no text
 * drawn over other text in the incident header, and the colour scheme really switches. Screenshots of each view
 * go to {@code <build dir>/screenshots/} for a person to look at.
 */
class LayoutBrowserIT {
    private static final int[] WIDTHS = {375, 768, 1280};
    private static final List<String> SCHEMES = List.of("light", "dark");
    /** Text boxes (one per line of each text node) that intersect by more than a pixel, described. */
    private static final String OVERLAPS = """
            const root = arguments[0];
            const boxes = [];
            const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT,
                {acceptNode: n => n.textContent.trim() ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT});
            for (let n = walker.nextNode(); n; n = walker.nextNode()) {
              const el = n.parentElement;
              if (el.closest('.visually-hidden') || getComputedStyle(el).visibility === 'hidden') continue;
              const range = document.createRange();
              range.selectNodeContents(n);
              for (const b of range.getClientRects()) {
                if (b.width > 1 && b.height > 1) boxes.push({b: b, n: n, t: n.textContent.trim().slice(0, 30)});
              }
            }
            const out = [];
            for (let i = 0; i < boxes.length; i++) {
              for (let j = i + 1; j < boxes.length; j++) {
                const a = boxes[i].b, c = boxes[j].b;
                if (boxes[i].n === boxes[j].n) continue;
                const w = Math.min(a.right, c.right) - Math.max(a.left, c.left);
                const h = Math.min(a.bottom, c.bottom) - Math.max(a.top, c.top);
                if (w > 1 && h > 2) out.push('"' + boxes[i].t + '" overlaps "' + boxes[j].t + '"');
              }
            }
            return out;
            """;

    @Test
    void everyPageKindFitsPhoneTabletAndDesktopInLightAndDarkMode() throws Exception {
        List<String> failures = new ArrayList<>();
        try (Chromium.Session s = Chromium.start(); StaticServer server = StaticServer.start(ContentSite.get().publicDir())) {
            ChromeDriver d = s.driver();
            Path shots = ContentSite.get().output("screenshots");
            for (int width : WIDTHS) {
                for (String scheme : SCHEMES) {
                    Browse.screen(d, width, width < 600 ? 812 : 900, scheme);
                    for (Map.Entry<String, String> page : ContentSite.PAGE_KINDS.entrySet()) {
                        String view = page.getKey() + "-" + width + "-" + scheme;
                        Browse.open(d, server.url(page.getValue()));
                        if (page.getKey().equals("search")) {
                            Thread.sleep(500); // results arrive after the deferred script's fetches
                        }
                        double scrollWidth = Browse.number(d, "return document.documentElement.scrollWidth");
                        double clientWidth = Browse.number(d, "return document.documentElement.clientWidth");
                        if (scrollWidth > clientWidth) {
                            failures.add(view + ": scrolls sideways (" + scrollWidth + " > " + clientWidth + "): "
                                    + d.executeScript(WIDEST));
                        }
                        String background = (String) d.executeScript("return getComputedStyle(document.body).backgroundColor");
                        if (dark(background) != scheme.equals("dark")) {
                            failures.add(view + ": background " + background + " does not follow " + scheme + " mode");
                        }
                        for (WebElement header : d.findElements(By.cssSelector(".incident-head, .site-header"))) {
                            List<?> overlaps = (List<?>) d.executeScript(OVERLAPS, header);
                            if (!overlaps.isEmpty()) {
                                failures.add(view + ": " + overlaps);
                            }
                        }
                        save(d, shots.resolve(view + ".png"), false);
                    }
                }
            }
            // Whole-page views of the incident, for reading the timeline and the action items.
            for (String scheme : SCHEMES) {
                for (int width : WIDTHS) {
                    Browse.screen(d, width, 900, scheme);
                    Browse.open(d, server.url(ContentSite.INCIDENT));
                    save(d, shots.resolve("incident-" + width + "-" + scheme + "-full.png"), true);
                    for (String part : List.of("timeline", "actions", "lessons", "connections")) {
                        for (WebElement e : d.findElements(By.cssSelector("." + part))) {
                            d.executeScript("arguments[0].scrollIntoView({behavior: 'instant'})", e);
                            Files.write(shots.resolve("incident-" + width + "-" + scheme + "-" + part + ".png"),
                                    e.getScreenshotAs(OutputType.BYTES));
                        }
                    }
                }
            }
            assertThat(Files.list(shots).filter(p -> p.toString().endsWith(".png")).count())
                    .isGreaterThanOrEqualTo((long) WIDTHS.length * SCHEMES.size() * ContentSite.PAGE_KINDS.size());
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void theChecksSeeSidewaysScrollingAndOverlappingText(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("index.html"), "<!doctype html><meta name=viewport content='width=device-width'>"
                + "<div class=incident-head><p style='margin:0'>Severity badge</p>"
                + "<p style='margin:-1em 0 0 2em'>Title drawn over it</p><pre>" + "x".repeat(200) + "</pre></div>");
        try (Chromium.Session s = Chromium.start(); StaticServer server = StaticServer.start(dir)) {
            ChromeDriver d = s.driver();
            Browse.screen(d, 375, 812, "light");
            Browse.open(d, server.url(""));
            assertThat(Browse.number(d, "return document.documentElement.scrollWidth"))
                    .isGreaterThan(Browse.number(d, "return document.documentElement.clientWidth"));
            assertThat(d.executeScript(OVERLAPS, d.findElement(By.cssSelector(".incident-head"))))
                    .isEqualTo(List.of("\"Severity badge\" overlaps \"Title drawn over it\""));
        }
    }

    /** The elements wider than the viewport, named, so a failure says what to fix. */
    private static final String WIDEST = """
            const w = document.documentElement.clientWidth;
            return Array.from(document.querySelectorAll('body *'))
              .filter(e => e.getBoundingClientRect().right > w + 1)
              .slice(0, 5)
              .map(e => e.tagName.toLowerCase() + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().replace(/\\s+/g, '.') : '')
                + ' right=' + Math.round(e.getBoundingClientRect().right));
            """;

    private static boolean dark(String rgb) {
        String[] parts = rgb.replaceAll("[^0-9,.]", "").split(",");
        double r = Double.parseDouble(parts[0]), g = Double.parseDouble(parts[1]), b = Double.parseDouble(parts[2]);
        return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128;
    }

    private static void save(ChromeDriver d, Path file, boolean fullPage) throws Exception {
        Map<String, Object> options = Map.of("format", "png");
        if (fullPage) {
            double width = Browse.number(d, "return document.documentElement.clientWidth");
            double height = Browse.number(d, "return document.documentElement.scrollHeight");
            options = Map.of("format", "png", "captureBeyondViewport", true,
                    "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1));
        }
        Map<String, Object> result = d.executeCdpCommand("Page.captureScreenshot", options);
        Files.write(file, Base64.getDecoder().decode((String) result.get("data")));
    }
}
