package dev.hindsight;

import dev.hindsight.model.Problem;
import dev.hindsight.model.SiteWriter;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.json.Json;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No script from content: a postmortem full of script, event handlers and script URLs, in its front matter and
 * its body, is built into a whole site; no page, feed, data file or search fragment gives a browser a script
 * element or an event handler that came from the content, and the hostile text still reads as written.
 */
class SecurityIT {
    static final String TITLE = "Quote \" ' </script><script>alert(1)</script> <img src=x onerror=alert(2)>";
    static final String SERVICE = "</script><script>alert(3)</script>";
    static final String TAG = "<svg onload=alert(5)>";
    static final String SLUG = "2024-06-01-xss";
    private static final Pattern BAD_URL = Pattern.compile("^(javascript|vbscript|data|livescript):.*", Pattern.DOTALL);
    private static final List<String> URL_ATTRS = List.of("href", "src", "action", "formaction", "xlink:href",
            "poster", "background", "data", "srcset", "cite", "longdesc", "lowsrc", "dynsrc");

    @TempDir
    static Path dir;
    static Path site;
    static BuildReport report;

    @BeforeAll
    static void build() throws IOException {
        Path content = dir.resolve("content");
        Files.createDirectories(content.resolve("postmortems"));
        Files.writeString(content.resolve("site.yml"), "title: Security\nbase_url: https://sec.example/\n");
        Files.writeString(content.resolve("postmortems/2024-05-01-plain.md"), "---\ntitle: Plain incident\n"
                + "severity: SEV3\nservices: [api]\ncauses: [capacity]\n---\n## Summary\n\nNothing odd.\n");
        Files.writeString(content.resolve("postmortems/" + SLUG + ".md"), hostile());
        // Script URLs in action-item links are errors, so the build is not published: the output is mirrored
        // into a folder as the stages write it, and that folder is what is checked. incidents.json keeps the
        // bodies, so the hostile body text is in it too.
        site = dir.resolve("mirror");
        report = new Pipeline(s -> { }).build(BuildOptions.defaults(dir, LocalDate.of(2025, 6, 1))
                .withCache(dir.resolve("cache")).withBodies(true).withOutput(SecurityIT::mirrored));
    }

    private static SiteWriter mirrored(SiteWriter next) {
        return (path, bytes) -> {
            next.write(path, bytes);
            Path copy = site.resolve(path);
            Files.createDirectories(copy.getParent());
            Files.write(copy, bytes);
        };
    }

    static String hostile() {
        return """
                ---
                title: "%s"
                severity: SEV2
                services: ["%s", "api\\" onmouseover=\\"alert(4)"]
                tags: ["%s", "javascript:alert(6)"]
                causes: [capacity]
                teams: ["<iframe src=javascript:alert(8)>"]
                summary: "<script>alert(7)</script> summary & more"
                action_items:
                  - title: "<script>alert(10)</script> fix"
                    owner: "<img src=x onerror=alert(11)>"
                    link: "javascript:alert(12)"
                  - title: "vb"
                    link: "vbscript:msgbox(13)"
                ---
                ## Summary

                Plain words first.

                <script>alert(14)</script>

                <img src=x onerror="alert(15)">

                <a href="javascript:alert(16)">js link</a> <a href="vbscript:msgbox(17)">vb link</a>

                <a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxOCk8L3NjcmlwdD4=">data link</a>

                [md js](javascript:alert(19)) [md mixed case](JaVaScRiPt:alert(20)) [md entity](&#106;avascript:alert(21))

                ![md img](javascript:alert(22)) ![data img](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMjMpPg==)

                <div style="background:url(javascript:alert(24))" onclick="alert(25)">styled</div>

                <svg><script>alert(26)</script></svg>

                <math><mi xlink:href="javascript:alert(27)">x</mi></math>

                <iframe src="https://evil.example/"></iframe>

                <form action="javascript:alert(28)"><input type="submit" formaction="javascript:alert(29)"></form>

                <a href=" javascript:alert(30)">space</a> <a href="java&#x09;script:alert(31)">tab</a>

                <object data="javascript:alert(32)"></object><embed src="javascript:alert(33)">

                <body onload=alert(34)><meta http-equiv="refresh" content="0;url=javascript:alert(35)">

                <style>body{background:url("javascript:alert(36)")}</style>

                <a href="https://ok.example/" onmouseover="alert(37)">ok link</a>

                ```html
                <script>alert('in code is text')</script>
                ```

                ## Timeline

                - 09:00 <img src=x onerror=alert(38)> [click](javascript:alert(39)) starts
                - 09:30 </script><script>alert(40)</script> ends

                ## Action Items

                | Action | Owner | Status |
                |---|---|---|
                | <script>alert(41)</script> table item | <b onmouseover=alert(42)>x</b> | open |
                """.formatted(TITLE.replace("\"", "\\\""), SERVICE, TAG);
    }

    static List<Path> files(String suffix) throws IOException {
        try (Stream<Path> walk = Files.walk(site)) {
            return walk.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }

    static Document html(String path) throws IOException {
        return Jsoup.parse(site.resolve(path).toFile(), "UTF-8");
    }

    /** Returns what in a document could run script: script elements not from the site's assets, handlers, URLs. */
    static List<String> scriptVectors(Document d) {
        List<String> found = new ArrayList<>();
        for (Element e : d.getAllElements()) {
            String tag = e.normalName();
            if (tag.equals("script") && !(e.hasAttr("src") && e.attr("src").matches("(/|(\\.\\./)*)js/[\\w.-]+\\.js"))) {
                found.add("script element: " + e.outerHtml());
            }
            if (List.of("iframe", "object", "embed", "frame", "frameset", "applet", "base").contains(tag)) {
                found.add(tag + " element: " + e.outerHtml());
            }
            if (tag.equals("meta") && e.attr("http-equiv").equalsIgnoreCase("refresh")) {
                found.add("meta refresh: " + e.outerHtml());
            }
            for (Attribute a : e.attributes()) {
                String name = a.getKey().toLowerCase(Locale.ROOT);
                String value = a.getValue().replaceAll("[\\s\\u0000-\\u001f]", "").toLowerCase(Locale.ROOT);
                if (name.startsWith("on")) {
                    found.add("event handler: " + name + " on " + tag);
                }
                if (URL_ATTRS.contains(name) && BAD_URL.matcher(value).matches()) {
                    found.add("script URL: " + name + "=" + a.getValue());
                }
                if (name.equals("style") && value.contains("javascript")) {
                    found.add("style URL: " + a.getValue());
                }
            }
        }
        return found;
    }

    @Test
    void scriptUrlsInActionItemLinksAreErrorsAndEverythingElseRenders() {
        assertThat(report.problems()).filteredOn(Problem::isError).extracting(Problem::format).containsExactly(
                "postmortems/" + SLUG + ".md:12: error: action item `link` must be an http(s) URL, not"
                        + " 'javascript:alert(12)' [unsafe-link]",
                "postmortems/" + SLUG + ".md:14: error: action item `link` must be an http(s) URL, not"
                        + " 'vbscript:msgbox(13)' [unsafe-link]");
        assertThat(report.published()).isFalse();
        assertThat(site.resolve("incidents/" + SLUG + "/index.html")).exists();
    }

    @Test
    void theIncidentPageHasNoScriptFromContentAndReadsAsWritten() throws IOException {
        Document d = html("incidents/" + SLUG + "/index.html");
        assertThat(scriptVectors(d)).isEmpty();
        assertThat(d.selectFirst("h1").text()).isEqualTo(TITLE);
        assertThat(d.title()).contains("</script><script>alert(1)</script>");
        assertThat(d.text()).contains("Plain words first.", "js link", "md js", "md entity", "styled", "ok link", SERVICE)
                .contains("<script>alert('in code is text')</script>");
        assertThat(d.select("a:containsOwn(ok link)").attr("href")).isEqualTo("https://ok.example/");
        assertThat(d.select("img")).allSatisfy(img -> assertThat(img.attr("src")).doesNotStartWith("javascript"));
    }

    @Test
    void everyHtmlPageIsFreeOfScriptFromContent() throws IOException {
        List<Path> pages = files(".html");
        assertThat(pages).hasSizeGreaterThan(10);
        for (Path p : pages) {
            Document d = Jsoup.parse(p.toFile(), "UTF-8");
            assertThat(scriptVectors(d)).as("%s", site.relativize(p)).isEmpty();
        }
        Document list = html("incidents/index.html");
        assertThat(list.text()).contains(TITLE);
        Document home = html("index.html");
        assertThat(home.text()).contains(TITLE);
    }

    @Test
    void theFeedCarriesTheTitleAsTextAndItsHtmlContentIsSafe() throws IOException {
        for (Path feed : files(".xml")) {
            String xml = Files.readString(feed);
            Document d = Jsoup.parse(xml, "", Parser.xmlParser());
            assertThat(d.select("script, img, iframe")).as("%s", site.relativize(feed)).isEmpty();
            for (Element e : d.select("content, summary, title")) {
                if (e.attr("type").equals("html")) {
                    assertThat(scriptVectors(Jsoup.parse(e.text()))).as("%s %s", site.relativize(feed), e.tagName()).isEmpty();
                }
            }
        }
        Document feed = Jsoup.parse(Files.readString(site.resolve("feed.xml")), "", Parser.xmlParser());
        assertThat(feed.select("entry > title").eachText()).anySatisfy(t -> assertThat(t).contains(TITLE));
    }

    @Test
    void incidentsJsonIsEscapedAndRoundTrips() throws IOException {
        String raw = Files.readString(site.resolve("incidents.json"));
        assertThat(raw).doesNotContain("</script", "<script", "<img");
        Object parsed = new Json().toType(raw, Object.class);
        assertThat(String.valueOf(parsed)).contains(TITLE);
    }

    @Test
    @SuppressWarnings("unchecked")
    void searchFragmentsAreJsonThatRoundTripsTheHostileText() throws IOException {
        List<Path> frags = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(site.resolve("search"))) {
            walk.filter(Files::isRegularFile).filter(p -> p.getParent().getFileName().toString().startsWith("frag"))
                    .forEach(frags::add);
        }
        assertThat(frags).isNotEmpty();
        boolean seen = false;
        for (Path f : frags) {
            String json = gunzip(Files.readAllBytes(f));
            Object parsed = new Json().toType(json, Object.class);
            for (Object o : (List<Object>) parsed) {
                Map<String, Object> doc = (Map<String, Object>) o;
                if (TITLE.equals(doc.get("t"))) {
                    seen = true;
                    assertThat((List<Object>) doc.get("v")).contains(SERVICE);
                }
            }
            assertThat(json).as("%s", site.relativize(f)).doesNotContain("</script", "<script");
        }
        assertThat(seen).isTrue();
    }

    private static String gunzip(byte[] bytes) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
