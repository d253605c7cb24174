package dev.hindsight.browser;

import dev.hindsight.BuildOptions;
import dev.hindsight.BuildReport;
import dev.hindsight.Pipeline;
import dev.hindsight.browser.XssPayloads.Payload;
import dev.hindsight.browser.XssPayloads.Slot;
import dev.hindsight.model.Problem;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No script from content, as a browser sees it: XSS filter-evasion payloads in the style of the OWASP cheat sheet
 * are written into the titles, tags, services, teams, summaries, bodies (raw HTML and Markdown), links, image URLs,
 * timelines and tables of several postmortems; the site is built and every generated HTML page, and the search
 * results for queries that find those postmortems (and for hostile queries), are loaded in headless Chromium.
 *
 * <p>Before any page script runs, a trap replaces {@code alert}, {@code confirm}, {@code prompt} and {@code print}
 * and records script errors and CSP violations into {@code window.__xss}; every payload also sets
 * {@code top.__pwned}. No trap may fire, {@code __pwned} must stay unset, and the browser's DOM may hold no script
 * URL, event handler or frame from content. The pages are loaded twice: without any Content-Security-Policy (so
 * escaping alone is tested) and with the headers of netlify.toml (then the console must show no CSP violation).
 */
class XssBrowserIT {
    private static final String TRAP = """
            (function () {
              var log = [];
              try { log = top.__xss || (top.__xss = []); } catch (e) { }
              window.__xss = log;
              function trap(name) {
                return function () { log.push(name + '(' + Array.prototype.join.call(arguments, ',') + ') in ' + location.href); };
              }
              ['alert', 'confirm', 'prompt', 'print'].forEach(function (n) { window[n] = trap(n); });
              window.addEventListener('error', function (e) {
                if (e instanceof ErrorEvent) { log.push('error: ' + e.message + ' at ' + e.filename + ':' + e.lineno); }
              }, true);
              window.addEventListener('unhandledrejection', function (e) { log.push('rejection: ' + e.reason); });
              document.addEventListener('securitypolicyviolation', function (e) {
                log.push('csp: ' + e.violatedDirective + ' ' + (e.blockedURI || 'inline') + ' line ' + e.lineNumber);
              });
            })();
            """;
    /** What the browser built from the page: anything that could run script, after its own parsing. */
    private static final String DOM_SCAN = """
            var found = [];
            var urls = ['href', 'src', 'action', 'formaction', 'data', 'poster', 'xlink:href', 'background', 'srcdoc'];
            document.querySelectorAll('*').forEach(function (e) {
              var tag = e.tagName.toLowerCase();
              if (['iframe', 'frame', 'object', 'embed', 'base', 'applet'].indexOf(tag) >= 0) { found.push(tag + ' element'); }
              if (tag === 'meta' && /refresh/i.test(e.getAttribute('http-equiv') || '')) { found.push('meta refresh'); }
              if (tag === 'script' && !/\\/js\\/[\\w.-]+\\.js$/.test(e.src || '')) { found.push('script ' + e.outerHTML.slice(0, 80)); }
              Array.prototype.forEach.call(e.attributes, function (a) {
                var name = a.name.toLowerCase();
                if (name.indexOf('on') === 0) { found.push('handler ' + name + ' on ' + tag); }
                if (urls.indexOf(name) >= 0) {
                  var p;
                  try { p = new URL(a.value, document.baseURI).protocol; } catch (x) { p = 'invalid:'; }
                  if (['http:', 'https:', 'mailto:', 'invalid:'].indexOf(p) < 0) { found.push(name + '=' + a.value + ' on ' + tag); }
                }
                if (name === 'style' && /expression|javascript|url\\(/i.test(a.value)) { found.push('style ' + a.value); }
              });
            });
            return found;
            """;

    @Test
    void noPayloadRunsOnAnyPageWithOrWithoutTheContentSecurityPolicy() throws Exception {
        Chromium.assumeInstalled();
        List<Payload> payloads = XssPayloads.all();
        assertThat(payloads).hasSizeGreaterThanOrEqualTo(30);
        assertThat(payloads.stream().map(Payload::text).distinct().count()).as("distinct payloads").isEqualTo(payloads.size());
        Path site = build(payloads);
        List<String> pages = pages(site, payloads);
        assertThat(pages).as("pages to load").hasSizeGreaterThan(20);
        Path project = Path.of(System.getProperty("hindsight.project.dir", "."));
        NetlifyHeaders netlify = NetlifyHeaders.read(project.resolve("netlify.toml"));

        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        try (Chromium.Session s = Chromium.start(o -> o.setCapability("goog:loggingPrefs", logs))) {
            ChromeDriver d = s.driver();
            d.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", TRAP));
            List<String> ran = new ArrayList<>();
            int loads = 0;
            for (boolean csp : new boolean[] {false, true}) {
                Function<String, Map<String, String>> headers = csp ? netlify::forPath : path -> Map.of();
                try (StaticServer server = StaticServer.start(site, headers)) {
                    for (String page : pages) {
                        ran.addAll(load(d, server.url(page), csp ? "with CSP" : "without CSP"));
                        loads++;
                    }
                }
            }
            assertThat(loads).isEqualTo(2 * pages.size());
            assertThat(ran).as("what ran, fired or was blocked").isEmpty();

            // The traps work: the payload incidents are found by search, and a page where payloads do run is caught.
            try (StaticServer server = StaticServer.start(site)) {
                load(d, server.url("search/?q=" + XssPayloads.WORD), "control");
                assertThat(d.findElements(org.openqa.selenium.By.cssSelector(".search-result"))).hasSize(5);
                Files.createDirectories(site.resolve("xss-control"));
                Files.writeString(site.resolve("xss-control/index.html"), "<!doctype html><title>control</title>"
                        + "<img src=x onerror=\"alert(901);top.__pwned=901\"><a href=\"javascript:alert(902)\">x</a>"
                        + "<details open ontoggle=\"confirm(903)\">d</details>");
                assertThat(load(d, server.url("xss-control/"), "control")).anyMatch(x -> x.contains("alert(901)"))
                        .anyMatch(x -> x.contains("confirm(903)")).anyMatch(x -> x.contains("__pwned=901"))
                        .anyMatch(x -> x.contains("javascript:alert(902)")).anyMatch(x -> x.contains("handler onerror"));
            }
        }
    }

    private static List<String> load(ChromeDriver d, String url, String mode) throws InterruptedException {
        d.get(url);
        Browse.settle(d);
        List<String> out = new ArrayList<>();
        String where = " on " + url + " (" + mode + ")";
        if (url.contains("/search/?q=")) {
            try {
                new WebDriverWait(d, Duration.ofSeconds(15)).until(x -> Boolean.TRUE.equals(d.executeScript(
                        "var s = document.querySelector('.search-status, .search-error');"
                        + " return !!s && s.textContent.trim().length > 0")));
            } catch (org.openqa.selenium.TimeoutException e) {
                out.add("search never showed a status" + where);
            }
        }
        Thread.sleep(250);
        Object xss = d.executeScript("return window.__xss || ['trap missing']");
        ((List<?>) xss).forEach(x -> out.add("trap: " + x + where));
        Object pwned = d.executeScript("return window.__pwned === undefined ? null : String(window.__pwned)");
        if (pwned != null) {
            out.add("__pwned=" + pwned + where);
        }
        ((List<?>) d.executeScript(DOM_SCAN)).forEach(x -> out.add("dom: " + x + where));
        for (LogEntry e : d.manage().logs().get(LogType.BROWSER)) {
            String m = e.getMessage();
            boolean policy = m.contains("Content Security Policy") || m.contains("Content-Security-Policy");
            boolean notFound = m.contains("404 (Not Found)") || m.contains("net::ERR_");
            if (policy || (e.getLevel().intValue() >= Level.SEVERE.intValue() && !notFound)) {
                out.add("console: " + m + where);
            }
        }
        return out;
    }

    private static Path build(List<Payload> payloads) throws IOException {
        Path dir = ContentSite.buildDir().resolve("xss-site");
        if (Files.exists(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Path content = dir.resolve("content");
        Files.createDirectories(content.resolve("postmortems"));
        Files.writeString(content.resolve("site.yml"), "title: XSS\nbase_url: https://xss.example/\n");
        List<Payload> titles = payloads.stream().filter(p -> p.slot() == Slot.TITLE).toList();
        int n = titles.size();
        for (int i = 0; i < n; i++) {
            int k = i;
            List<Payload> mine = payloads.stream()
                    .filter(p -> p.slot() != Slot.TITLE && p.slot() != Slot.QUERY
                    && p.id() % n == k).toList();
            String slug = "2024-0" + (i + 1) + "-1" + i + "-xss-" + (i + 1);
            Files.writeString(content.resolve("postmortems/" + slug + ".md"), XssPayloads.postmortem(titles.get(i), mine));
        }
        BuildReport report = new Pipeline(line -> { }).build(BuildOptions.defaults(dir, LocalDate.of(2025, 6, 1))
                .withCache(dir.resolve("cache")));
        assertThat(report.published()).as("build: %s", report.problems()).isTrue();
        assertThat(report.problems()).filteredOn(Problem::isError).isEmpty();
        describe(dir.resolve("public"), payloads, n);
        return dir.resolve("public");
    }

    /** Prints what became of each payload on its incident page: shown as text, removed, or a link refused. */
    private static void describe(Path site, List<Payload> payloads, int n) throws IOException {
        Map<String, Path> byTitle = new java.util.HashMap<>();
        try (Stream<Path> list = Files.list(site.resolve("incidents"))) {
            for (Path page : list.map(f -> f.resolve("index.html")).filter(Files::isRegularFile).toList()) {
                byTitle.put(org.jsoup.Jsoup.parse(page.toFile(), "UTF-8").select("h1").text(), page);
            }
        }
        List<Payload> titles = payloads.stream().filter(p -> p.slot() == Slot.TITLE).toList();
        for (Payload p : payloads) {
            if (p.slot() == Slot.QUERY) {
                System.out.printf("payload %2d %-8s reflected in the search page (checked in the browser): %s%n",
                        p.id(), p.slot(), p.text());
                continue;
            }
            int owner = p.slot() == Slot.TITLE ? p.id() - 1 : (p.id() % n);
            Path page = byTitle.get(titles.get(owner).text());
            assertThat(page).as("the incident page titled %s", titles.get(owner).text()).isNotNull();
            if (p.slot() == Slot.SLUG) {
                System.out.printf("payload %2d %-8s %-40s %s%n", p.id(), p.slot(), "slug made safe: "
                        + site.relativize(page).getParent(), p.text());
                continue;
            }
            org.jsoup.nodes.Document doc = org.jsoup.Jsoup.parse(page.toFile(), "UTF-8");
            String text = doc.title() + " " + doc.text();
            String flat = p.text().replaceAll("```html|`|^## |^- 09:\\d\\d ", "").replaceAll("\\s+", " ").strip();
            String outcome;
            if (text.contains(flat)) {
                outcome = "escaped text";
            } else {
                java.util.regex.Matcher label = java.util.regex.Pattern.compile("\\[([^\\]]+)\\]|>([a-z ]+ link)<")
                        .matcher(p.text());
                String words = label.find() ? (label.group(1) != null ? label.group(1) : label.group(2)) : null;
                if (words != null && !doc.select("a:containsOwn(" + words + ")").isEmpty()) {
                    outcome = "link refused, text kept (href " + (doc.select("a:containsOwn(" + words + ")").attr("href")
                            .isEmpty() ? "dropped" : "kept") + ")";
                } else if (words != null && text.contains(words)) {
                    outcome = "refused, text kept";
                } else {
                    outcome = "removed by the sanitizer";
                }
            }
            System.out.printf("payload %2d %-8s %-40s %s%n", p.id(), p.slot(), outcome, flat);
        }
    }

    /** Every HTML file of the site, and the search page for words that find the payload incidents and for payloads. */
    private static List<String> pages(Path site, List<Payload> payloads) throws IOException {
        List<String> pages = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(site)) {
            walk.filter(p -> p.toString().endsWith(".html")).sorted().forEach(p -> {
                String rel = site.relativize(p).toString().replace('\\', '/');
                pages.add(rel.equals("index.html") ? "" : rel.endsWith("/index.html")
                        ? rel.substring(0, rel.length() - "index.html".length()) : rel);
            });
        }
        Set<String> queries = new HashSet<>(List.of(XssPayloads.WORD, "script alert", "onerror", "javascript", "pwned",
                "svg onload"));
        payloads.stream().filter(p -> p.slot() == Slot.QUERY).forEach(p -> queries.add(p.text()));
        queries.stream().sorted().forEach(q -> pages.add("search/?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)));
        // The words a search passes to the incident it opens (#hl=) are marked as text, never parsed as HTML; the
        // query string only forces a fresh load of the same page for each payload.
        String incident = pages.stream().filter(p -> p.startsWith("incidents/") && p.chars().filter(c -> c == '/').count() == 2)
                .filter(p -> {
                    try {
                        return Files.readString(site.resolve(p).resolve("index.html")).contains(XssPayloads.WORD);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }).findFirst().orElseThrow();
        int n = 0;
        for (String q : queries.stream().sorted().toList()) {
            pages.add(incident + "?hl=" + n++ + "#hl=" + URLEncoder.encode(q + " " + XssPayloads.WORD, StandardCharsets.UTF_8)
                    .replace("+", "%20"));
        }
        return pages;
    }
}
