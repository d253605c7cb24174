package dev.hindsight.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Printing: an incident page and the yearly report print to PDF in Chromium, and under print media the site's
 * navigation, search and footer are hidden while the content stays, black on white even for a reader in dark
 * mode. The PDFs are kept in {@code <build dir>/print/} for a person to look at.
 */
class PrintBrowserIT {
    private static final List<String> CHROME = List.of(".site-header", ".site-nav", ".site-search", ".site-footer",
            ".skip-link", ".toc", ".prev-next");
    /** Per matching element: "shown" when it makes any box on the page (inside a hidden parent it makes none). */
    private static final String DISPLAY = """
            return Array.from(document.querySelectorAll(arguments[0]))
              .map(e => e.getClientRects().length > 0 ? 'shown' : 'none');
            """;

    /** Elements in the content whose own background is dark: on paper every background must be light. */
    private static final String DARK_BACKGROUNDS = """
            const out = [];
            for (const e of document.querySelectorAll('main *')) {
              const m = getComputedStyle(e).backgroundColor.match(/[\\d.]+/g);
              if (!m || (m.length > 3 && +m[3] === 0) || e.getClientRects().length === 0) continue;
              // An icon paints its background through a mask: only the shape shows, in the text colour.
              const mask = getComputedStyle(e).maskImage || getComputedStyle(e).webkitMaskImage;
              if (mask && mask !== 'none') continue;
              if (0.2126 * m[0] + 0.7152 * m[1] + 0.0722 * m[2] < 150) {
                out.push(e.tagName.toLowerCase() + '.' + e.className + ' ' + getComputedStyle(e).backgroundColor);
              }
            }
            return out.slice(0, 10);
            """;

    @Test
    void anIncidentAndTheReportPrintToPdfWithoutNavigationChrome() throws Exception {
        try (Chromium.Session s = Chromium.start(); StaticServer server = StaticServer.start(ContentSite.get().publicDir())) {
            ChromeDriver d = s.driver();
            Path out = ContentSite.get().output("print");
            Map<String, String> pages = Map.of("incident", ContentSite.INCIDENT, "report", "reports/2025/");
            for (Map.Entry<String, String> page : pages.entrySet()) {
                Browse.screen(d, 800, 1100, "dark");
                Browse.open(d, server.url(page.getValue()));
                assertThat(d.executeScript(DISPLAY, ".site-header")).as("on screen the header shows")
                        .isEqualTo(List.of("shown"));

                Browse.media(d, "print", "dark");
                for (String selector : CHROME) {
                    assertThat((List<?>) d.executeScript(DISPLAY, selector)).as("%s %s in print", page.getKey(), selector)
                            .allMatch("none"::equals);
                }
                assertThat(d.executeScript(DISPLAY, "main h1")).as("the title prints").isEqualTo(List.of("shown"));
                assertThat(d.executeScript("return getComputedStyle(document.body).backgroundColor"))
                        .as("white paper, even in dark mode").isIn("rgb(255, 255, 255)", "rgba(0, 0, 0, 0)");
                assertThat(d.executeScript("return getComputedStyle(document.body).color")).isEqualTo("rgb(0, 0, 0)");
                assertThat((List<?>) d.executeScript(DARK_BACKGROUNDS)).as("%s: dark boxes on paper", page.getKey()).isEmpty();
                assertThat(Browse.number(d, "return parseFloat(getComputedStyle(document.body).fontSize)"))
                        .as("body text of at least 10 pt").isGreaterThanOrEqualTo(13.3);

                // What the paper shows, as a picture a person can look at (the PDF itself is kept too).
                Map<String, Object> shot = d.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                        "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0, "scale", 1,
                                "width", Browse.number(d, "return document.documentElement.clientWidth"),
                                "height", Math.min(4000, Browse.number(d, "return document.documentElement.scrollHeight")))));
                Files.write(out.resolve(page.getKey() + "-print-media.png"), Base64.getDecoder().decode((String) shot.get("data")));

                Map<String, Object> pdf = d.executeCdpCommand("Page.printToPDF", Map.of("printBackground", true,
                        "paperWidth", 8.27, "paperHeight", 11.69, "preferCSSPageSize", true));
                byte[] bytes = Base64.getDecoder().decode((String) pdf.get("data"));
                Files.write(out.resolve(page.getKey() + ".pdf"), bytes);
                String head = new String(bytes, 0, 5, StandardCharsets.US_ASCII);
                assertThat(head).isEqualTo("%PDF-");
                assertThat(bytes.length).as("%s.pdf has content", page.getKey()).isGreaterThan(20_000);
            }
        }
    }
}
