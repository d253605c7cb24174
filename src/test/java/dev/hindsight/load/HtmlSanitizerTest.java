package dev.hindsight.load;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlSanitizerTest {
    private final HtmlSanitizer sanitizer = new HtmlSanitizer();
    private final MarkdownEngine engine = new MarkdownEngine();

    private String markdown(String md) {
        var doc = engine.parse(md).orElseThrow();
        String html = engine.render(doc);
        return HtmlSanitizer.needsCleaning(doc) ? sanitizer.clean(html) : html;
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "<a href=\"javascript:alert(1)\">x</a>",
            "<a href=\"JaVaScRiPt:alert(1)\">x</a>",
            "<a href=\"java\tscript:alert(1)\">x</a>",
            "<a href=\"&#106;avascript:alert(1)\">x</a>",
            "<a href=\" javascript:alert(1)\">x</a>",
            "<a href=\"vbscript:msgbox(1)\">x</a>",
            "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
            "<img src=\"data:image/svg+xml,<svg onload=alert(1)>\">",
            "<svg onload=alert(1)></svg>",
            "<iframe src=\"https://evil.example\"></iframe>",
            "<div style=\"background:url(javascript:alert(1))\">x</div>",
            "<body onload=alert(1)>",
            "<form action=\"https://evil.example\"><input type=submit></form>",
            "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
            "<details open ontoggle=alert(1)>x</details>",
            "<input type=\"text\" onfocus=alert(1) autofocus>",
            "<object data=\"x.swf\"></object><embed src=\"x.swf\">",
            "<style>body{display:none}</style>",
            "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
            "<a href=\"#\" onmouseover=\"alert(1)\">x</a>",
            "<base href=\"javascript:alert(1)//\">",
    })
    void rawHtmlIsDisarmed(String html) {
        String clean = sanitizer.clean(html).toLowerCase(java.util.Locale.ROOT);
        assertThat(clean).doesNotContain("<script", "onerror", "onload", "javascript:", "vbscript:", "data:", "<iframe",
                "style=", "<form", "<svg", "<math", "ontoggle", "onfocus", "<object", "<embed", "<meta", "onmouseover", "<base");
        assertThat(clean).doesNotContainPattern("<input(?![^>]*type=\"checkbox\")");
    }

    @Test
    void harmlessMarkupIsKept() {
        String clean = sanitizer.clean("<h2 id=\"root-cause\">Root cause</h2><p><strong>b</strong> <em>i</em> <del>d</del>"
                + " <a href=\"https://example.com/x\" title=\"t\">l</a> <a href=\"../other.md#a\">rel</a>"
                + " <img src=\"chart.png\" alt=\"Chart\" width=\"10\"></p><table><tr><th align=\"left\">T</th></tr></table>"
                + "<pre><code class=\"language-yaml\">a: 1</code></pre><details><summary>More</summary>x</details>");
        assertThat(clean).contains("<h2 id=\"root-cause\">", "<strong>b</strong>", "<del>d</del>",
                "href=\"https://example.com/x\"", "href=\"../other.md#a\"", "src=\"chart.png\"", "alt=\"Chart\"",
                "align=\"left\"", "class=\"language-yaml\"", "<details>", "<summary>More</summary>");
    }

    @Test
    void markdownLinksWithDangerousSchemesAreCleaned() {
        String html = markdown("[a](javascript:alert(1)) [b](<vbscript:x>) ![c](data:image/png;base64,AAAA) <javascript:alert(2)>\n\n"
                + "[ref]\n\n[ref]: javascript:alert(3)\n");
        var attributes = org.jsoup.Jsoup.parseBodyFragment(html).body().getAllElements().stream()
                .flatMap(e -> e.attributes().asList().stream()).map(a -> a.getValue().toLowerCase(java.util.Locale.ROOT))
                .toList();
        assertThat(attributes).noneMatch(v -> v.contains("javascript:") || v.contains("vbscript:") || v.contains("data:"));
        assertThat(html).contains("<a>b</a>", "alt=\"c\"");
    }

    @Test
    void plainMarkdownNeedsNoCleaningAndKeepsTaskListsTablesAndIds() {
        var doc = engine.parse("## Root cause\n\n- [x] done\n\n| a | b |\n|:--|--:|\n| 1 | 2 |\n\nSee https://example.com\n").orElseThrow();
        assertThat(HtmlSanitizer.needsCleaning(doc)).isFalse();
        String html = engine.render(doc);
        String cleaned = sanitizer.clean(html);
        assertThat(cleaned).contains("<h2 id=\"root-cause\">", "type=\"checkbox\"", "checked", "align=\"right\"",
                "<a href=\"https://example.com\">");
        assertThat(html).contains("<h2 id=\"root-cause\">", "type=\"checkbox\"");
    }

    @Test
    void rawHtmlInMarkdownIsSanitized() {
        String html = markdown("Hello <b onclick=\"x()\">bold</b>\n\n<div><script>alert(1)</script>text</div>\n");
        assertThat(html).contains("<b>bold</b>", "text").doesNotContain("onclick", "<script", "alert");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://example.com", "http://x.org/a?b=c&d", "/incidents/x/", "../x.md", "#anchor",
            "mailto:a@example.com", "//cdn.example.com/x.png", "chart%20one.png"})
    void allowsOrdinaryUrls(String url) {
        assertThat(HtmlSanitizer.isSafeUrl(url, false)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", " JAVASCRIPT:x", "java\nscript:x", "vbscript:x", "data:text/html,x",
            "file:///etc/passwd", "jar:x", "\u0000javascript:x"})
    void refusesActiveOrLocalUrls(String url) {
        assertThat(HtmlSanitizer.isSafeUrl(url, false)).isFalse();
    }
}
