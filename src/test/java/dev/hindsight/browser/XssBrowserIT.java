package dev.hindsight.browser;

import dev.hindsight.BuildOptions;
import dev.hindsight.BuildReport;
import dev.hindsight.Pipeline;
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
import java.util.Base64;
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
    private static final String WORD = "zebrafish";


    /** Where in a postmortem a payload is written. */
    enum Slot { TITLE, SLUG, SUMMARY, TAG, SERVICE, TEAM, AUTHOR, TRIGGER, HTML, MARKDOWN, HEADING, TIMELINE, TABLE, QUERY }

    /** One payload: a number it reports when it runs, where it goes, and its text. */
    record Payload(int id, Slot slot, String text) {
    }

    static List<Payload> payloads() {
        List<Payload> all = new ArrayList<>();
        Object[][] table = {
            {Slot.TITLE, "\"><script>JS</script> zebrafish title"},
            {Slot.TITLE, "'</script><script>JS</script> zebrafish"},
            {Slot.TITLE, "<img src=x onerror=JS> zebrafish"},
            {Slot.TITLE, "<svg/onload=JS> zebrafish"},
            {Slot.TITLE, "</title><script>JS</script><title> zebrafish"},
            {Slot.SLUG, "\"><svg onload=JS>"},
            {Slot.SUMMARY, "<script>JS</script> summary"},
            {Slot.SUMMARY, "\" onmouseover=\"JS\" autofocus onfocus=\"JS"},
            {Slot.SUMMARY, "</script><img src=x onerror=JS>"},
            {Slot.SUMMARY, "{{constructor.constructor('JS')()}} ${JS}"},
            {Slot.SUMMARY, "<details open ontoggle=JS>"},
            {Slot.TAG, "<script>JS</script>"},
            {Slot.TAG, "javascript:JS"},
            {Slot.TAG, "\"><svg onload=JS>"},
            {Slot.TAG, "'-JS-'"},
            {Slot.SERVICE, "</script><script>JS</script>"},
            {Slot.SERVICE, "api\" onmouseover=\"JS"},
            {Slot.SERVICE, "<iframe src=javascript:JS>"},
            {Slot.TEAM, "<body onload=JS>"},
            {Slot.TEAM, "<a href=\"  javascript:JS\">team</a>"},
            {Slot.AUTHOR, "<img src=\"jav&#x09;ascript:JS\">"},
            {Slot.TRIGGER, "<marquee onstart=JS>"},
            {Slot.HTML, "<script>JS</script>"},
            {Slot.HTML, "<img src=x onerror=JS>"},
            {Slot.HTML, "<svg/onload=JS>"},
            {Slot.HTML, "<iframe src=\"javascript:JS\"></iframe>"},
            {Slot.HTML, "<body onload=JS>"},
            {Slot.HTML, "<a href=\"  javascript:JS\">spaced link</a>"},
            {Slot.HTML, "<a href=\"jav&#x09;ascript:JS\">tab entity link</a>"},
            {Slot.HTML, "<a href=\"&#106;avascript:JS\">decimal entity link</a>"},
            {Slot.HTML, "<a href=\"&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;JS\">hex entity link</a>"},
            {Slot.HTML, "<a href=\"JaVaScRiPt:JS\">case link</a>"},
            {Slot.HTML, "<a href=\"javascript&colon;JS\">named entity link</a>"},
            {Slot.HTML, "<a href=\"data:text/html;base64,B64\">data link</a>"},
            {Slot.HTML, "<a href=\"vbscript:msgbox(ID)\">vb link</a>"},
            {Slot.HTML, "<math><mtext><table><mglyph><style><img src=x onerror=JS>"},
            {Slot.HTML, "<details open ontoggle=JS>details</details>"},
            {Slot.HTML, "<div style=\"width: expression(JS); background:url('javascript:JS')\">styled</div>"},
            {Slot.HTML, "<object data=\"javascript:JS\"></object>"},
            {Slot.HTML, "<embed src=\"javascript:JS\">"},
            {Slot.HTML, "<base href=\"javascript:JS//\">"},
            {Slot.HTML, "<meta http-equiv=\"refresh\" content=\"0;url=javascript:JS\">"},
            {Slot.HTML, "<svg><animate onbegin=JS attributeName=x dur=1s></svg>"},
            {Slot.HTML, "<input autofocus onfocus=JS>"},
            {Slot.HTML, "<video><source onerror=JS></video>"},
            {Slot.HTML, "<noscript><p title=\"</noscript><img src=x onerror=JS>\"></noscript>"},
            {Slot.HTML, "<scr<script>ipt>JS</scr</script>ipt>"},
            {Slot.HTML, "<img src=\"x` `<script>JS</script>\"` `>"},
            {Slot.HTML, "<form><button formaction=javascript:JS>go</button></form>"},
            {Slot.HTML, "<svg><a xlink:href=\"javascript:JS\"><text y=20>svg link</text></a></svg>"},
            {Slot.HTML, "<style>@import 'javascript:JS';</style>"},
            {Slot.HTML, "<img src=x:alert(ID) onerror=eval(src)>"},
            {Slot.HTML, "<img src=x onerror=\"JS\" alt=\"quoted handler\">"},
            {Slot.HTML, "<svg onload=\"JS\"><circle r=\"4\"/></svg>"},
            {Slot.HTML, "<input autofocus onfocus=\"JS\">"},
            {Slot.HTML, "<a href=\"https://ok.example/\" onmouseover=\"JS\">handler link</a>"},
            {Slot.HTML, "<p><iframe srcdoc=\"<script>JS</script>\"></iframe></p>"},
            {Slot.HTML, "<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;JS>"},
            {Slot.MARKDOWN, "[md link](javascript:JS)"},
            {Slot.MARKDOWN, "![md image](javascript:JS)"},
            {Slot.MARKDOWN, "<javascript:JS>"},
            {Slot.MARKDOWN, "[md ref][evil-ID]\n\n[evil-ID]: javascript:JS"},
            {Slot.MARKDOWN, "![md ref image][evil-ID]\n\n[evil-ID]: javascript:JS"},
            {Slot.MARKDOWN, "[md case](JaVaScRiPt:JS)"},
            {Slot.MARKDOWN, "[md entity](&#106;avascript:JS)"},
            {Slot.MARKDOWN, "[md tab](jav&#x09;ascript:JS)"},
            {Slot.MARKDOWN, "[md data](data:text/html;base64,B64)"},
            {Slot.MARKDOWN, "![md data image](data:image/svg+xml;base64,B64SVG)"},
            {Slot.MARKDOWN, "[md vb](vbscript:msgbox(ID))"},
            {Slot.MARKDOWN, "[md title](https://ok.example/ \"\\\" onmouseover=JS x=\\\"\")"},
            {Slot.MARKDOWN, "![\" onerror=\"JS](img.png)"},
            {Slot.MARKDOWN, "`<script>JS</script>` in code"},
            {Slot.MARKDOWN, "```html\n<script>JS</script>\n```"},
            {Slot.HEADING, "## <img src=x onerror=JS> heading"},
            {Slot.HEADING, "## \"><script>JS</script>"},
            {Slot.TIMELINE, "- 09:00 <img src=x onerror=JS> [step](javascript:JS) started"},
            {Slot.TIMELINE, "- 09:30 </script><script>JS</script> ended"},
            {Slot.TABLE, "| <script>JS</script> table item | <b onmouseover=JS>owner</b> | open |"},
            {Slot.QUERY, "<script>JS</script>"},
            {Slot.QUERY, "\"><img src=x onerror=JS>"},
        };
        for (Object[] row : table) {
            int id = all.size() + 1;
            String js = "alert(" + id + ");top.__pwned=" + id;
            String b64 = Base64.getEncoder().encodeToString(("<script>" + js + "</script>").getBytes(StandardCharsets.UTF_8));
            String svg = Base64.getEncoder().encodeToString(("<svg xmlns='http://www.w3.org/2000/svg' onload='" + js
                    + "'/>").getBytes(StandardCharsets.UTF_8));
            String text = ((String) row[1]).replace("B64SVG", svg).replace("B64", b64).replace("JS", js)
                    .replace("ID", String.valueOf(id));
            all.add(new Payload(id, (Slot) row[0], text));
        }
        return all;
    }

    @Test
    void noPayloadRunsOnAnyPageWithOrWithoutTheContentSecurityPolicy() throws Exception {
        Chromium.assumeInstalled();
        List<Payload> payloads = payloads();
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
                load(d, server.url("search/?q=" + WORD), "control");
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
            List<Payload> mine = payloads.stream().filter(p -> p.slot() != Slot.TITLE && p.slot() != Slot.QUERY
                    && p.id() % n == k).toList();
            String slug = "2024-0" + (i + 1) + "-1" + i + "-xss-" + (i + 1);
            Files.writeString(content.resolve("postmortems/" + slug + ".md"), postmortem(titles.get(i), mine));
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

    static String postmortem(Payload title, List<Payload> mine) {
        StringBuilder sb = new StringBuilder("---\n");
        sb.append("title: ").append(yaml(title.text())).append('\n');
        sb.append("severity: SEV2\n");
        for (Payload p : mine) {
            switch (p.slot()) {
                case SUMMARY -> sb.append("summary: ").append(yaml(p.text() + " " + WORD)).append('\n');
                case TRIGGER -> sb.append("trigger: ").append(yaml(p.text())).append('\n');
                case SLUG -> sb.append("slug: ").append(yaml(p.text())).append('\n');
                default -> { }
            }
        }
        list(sb, "tags", mine, Slot.TAG);
        list(sb, "services", mine, Slot.SERVICE);
        list(sb, "teams", mine, Slot.TEAM);
        list(sb, "authors", mine, Slot.AUTHOR);
        sb.append("causes: [capacity]\n");
        sb.append("action_items:\n  - title: ").append(yaml("<script>alert(0);top.__pwned=0</script> fix it"))
                .append("\n    owner: ").append(yaml("<img src=x onerror=alert(0)>"))
                .append("\n    link: ").append(yaml("https://ok.example/\"><script>alert(0)</script>")).append('\n');
        sb.append("---\n\n## Summary\n\nThe ").append(WORD).append(" incident, written to attack the reader.\n\n");
        for (Slot slot : List.of(Slot.HTML, Slot.MARKDOWN, Slot.HEADING)) {
            for (Payload p : mine) {
                if (p.slot() == slot) {
                    sb.append(p.text()).append("\n\n").append(WORD).append(" text after ").append(p.id()).append(".\n\n");
                }
            }
        }
        sb.append("## Timeline\n\n");
        mine.stream().filter(p -> p.slot() == Slot.TIMELINE).forEach(p -> sb.append(p.text()).append('\n'));
        sb.append("- 10:00 resolved\n\n## Action Items\n\n| Action | Owner | Status |\n|---|---|---|\n");
        mine.stream().filter(p -> p.slot() == Slot.TABLE).forEach(p -> sb.append(p.text()).append('\n'));
        sb.append("| Review the ").append(WORD).append(" inputs | security | open |\n");
        return sb.toString();
    }

    private static void list(StringBuilder sb, String key, List<Payload> mine, Slot slot) {
        List<Payload> values = mine.stream().filter(p -> p.slot() == slot).toList();
        if (!values.isEmpty()) {
            sb.append(key).append(":\n");
            values.forEach(p -> sb.append("  - ").append(yaml(p.text())).append('\n'));
        }
    }

    private static String yaml(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\t", "\\t").replace("\n", "\\n") + "\"";
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
        Set<String> queries = new HashSet<>(List.of(WORD, "script alert", "onerror", "javascript", "pwned", "svg onload"));
        payloads.stream().filter(p -> p.slot() == Slot.QUERY).forEach(p -> queries.add(p.text()));
        queries.stream().sorted().forEach(q -> pages.add("search/?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)));
        return pages;
    }
}
