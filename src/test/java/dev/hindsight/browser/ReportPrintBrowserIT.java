package dev.hindsight.browser;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 2025 report printed on A4 through Chromium loses nothing: pdftotext (in reading order, {@code -raw}) finds
 * every value of every table row the paper shows, whitespace removed so that a number a wrapped cell split is
 * joined again; folded rows and earlier chain entries print as a pointer to the CSV instead. No page but the last
 * is left mostly blank: its text reaches below half the page. CI installs poppler-utils for pdftotext.
 */
class ReportPrintBrowserIT {
    private static final Pattern PAGE = Pattern.compile("<page width=\"([\\d.]+)\" height=\"([\\d.]+)\">(.*?)</page>", Pattern.DOTALL);
    private static final Pattern WORD_Y = Pattern.compile("yMax=\"([\\d.]+)\"");

    @Test
    void everyPrintedTableValueIsInThePdfAndNoPageButTheLastIsHalfEmpty() throws Exception {
        Assumptions.assumeTrue(run("pdftotext", "-v").isPresent(), "pdftotext is not installed (CI installs poppler-utils)");
        Path site = ContentSite.get().publicDir();
        Path pdf = ContentSite.get().output("print").resolve("report-2025-a4.pdf");
        try (Chromium.Session s = Chromium.start(); StaticServer server = StaticServer.start(site)) {
            ChromeDriver d = s.driver();
            Browse.open(d, server.url("reports/2025/"));
            Map<String, Object> out = d.executeCdpCommand("Page.printToPDF", Map.of("printBackground", true,
                    "paperWidth", 8.27, "paperHeight", 11.69, "preferCSSPageSize", true));
            Files.write(pdf, Base64.getDecoder().decode((String) out.get("data")));
        }
        String text = run("pdftotext", "-raw", pdf.toString(), "-").orElseThrow().replaceAll("\\s+", "");
        Document html = Jsoup.parse(site.resolve("reports/2025/index.html").toFile(), "UTF-8");
        List<String> missing = new ArrayList<>();
        int checked = 0;
        for (Element cell : html.select("main table td")) {
            if (cell.parents().stream().anyMatch(e -> e.tagName().equals("details"))) {
                continue;  // folded rows and chains print as a pointer to the CSV, not as rows
            }
            Element shown = cell.clone();
            shown.select("details").remove();  // a long chain prints its newest entries and points to the CSV
            String value = shown.text().replace("\u2026", "").replaceAll("\\s+", "");
            if (value.isEmpty() || value.equals("\u2014")) {
                continue;
            }
            checked++;
            if (!text.contains(value)) {
                missing.add(cell.closest("table").id() + ": " + cell.text());
            }
        }
        assertThat(checked).as("table cells checked").isGreaterThan(100);
        assertThat(missing).as("table values not in the printed PDF").isEmpty();

        String boxes = run("pdftotext", "-bbox", pdf.toString(), "-").orElseThrow();
        List<String> pages = new ArrayList<>();
        Matcher p = PAGE.matcher(boxes);
        List<String> halfEmpty = new ArrayList<>();
        while (p.find()) {
            pages.add(p.group(3));
            double height = Double.parseDouble(p.group(2));
            double lowest = 0;
            Matcher y = WORD_Y.matcher(p.group(3));
            while (y.find()) {
                lowest = Math.max(lowest, Double.parseDouble(y.group(1)));
            }
            // The running footer (page numbers) sits at the bottom of every page: leave it out.
            double body = 0;
            Matcher w = Pattern.compile("yMax=\"([\\d.]+)\">([^<]*)</word>").matcher(p.group(3));
            while (w.find()) {
                if (!w.group(2).matches("Page|\\d+|of")) {
                    body = Math.max(body, Double.parseDouble(w.group(1)));
                }
            }
            halfEmpty.add(body < height / 2 ? "page " + pages.size() + " text ends at " + Math.round(body) + " of "
                    + Math.round(height) : "");
        }
        assertThat(pages).as("pages").hasSizeGreaterThan(3);
        assertThat(halfEmpty.subList(0, halfEmpty.size() - 1)).as("pages but the last that are half empty")
                .allMatch(String::isEmpty);
    }

    private static java.util.Optional<String> run(String... command) throws IOException, InterruptedException {
        try {
            Process proc = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return proc.waitFor() == 0 ? java.util.Optional.of(out) : java.util.Optional.empty();
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }
}
