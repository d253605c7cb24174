package dev.hindsight.render;

import dev.hindsight.model.Heading;
import dev.hindsight.model.Section;
import dev.hindsight.model.SectionKind;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class BodyRewriterTest {

    /** A context for a file "postmortems/b.md" on a page two folders deep; "img/ok.png" exists. */
    private static final BodyRewriter.Context CTX = new BodyRewriter.Context() {
        @Override
        public String root() {
            return "../../";
        }

        @Override
        public String source() {
            return "postmortems/b.md";
        }

        @Override
        public Optional<String> linkTarget(String linkPath) {
            return Optional.ofNullable(Map.of("a.md", "incidents/a/", "../pages/about.md", "about/", "/postmortems/a.md",
                    "incidents/a/", "../c/outage/", "incidents/outage/", "/c/outage", "incidents/outage/").get(linkPath));
        }

        @Override
        public Optional<String> image(String src) {
            return src.equals("img/ok.png") ? Optional.of("img/ok.png") : Optional.empty();
        }

        @Override
        public Optional<String> attachment(String linkPath) {
            return linkPath.equals("../logs/run.log") ? Optional.of("files/run.log") : Optional.empty();
        }
    };

    private static Document doc(RenderedBody b) {
        return Jsoup.parseBodyFragment(b.html());
    }

    @Test
    void headingsGetIdsAndSelfLinks() {
        RenderedBody b = BodyRewriter.rewrite("<h2 id=\"impact\">Impact</h2><h2>Root cause</h2><h2>Root cause</h2><h3>Why <em>so</em></h3>",
                "T", List.of(), CTX);
        Document d = doc(b);
        assertThat(d.select("h2").eachAttr("id")).containsExactly("impact", "root-cause", "root-cause-2");
        assertThat(d.selectFirst("h2#impact > a").attr("href")).isEqualTo("#impact");
        assertThat(d.selectFirst("h3 > a").attr("href")).isEqualTo("#why-so");
        assertThat(d.selectFirst("h3 > a").html()).isEqualTo("Why <em>so</em>");
        assertThat(b.toc()).containsExactly(new Heading(2, "Impact", "impact"), new Heading(2, "Root cause", "root-cause"),
                new Heading(2, "Root cause", "root-cause-2"), new Heading(3, "Why so", "why-so"));
    }

    @Test
    void aSelfLinkTheMarkdownEngineMadeBecomesTheAnchor() {
        Document d = doc(BodyRewriter.rewrite("<h2 id=\"impact\"><a href=\"#impact\">Impact</a></h2>", "T", List.of(), CTX));
        assertThat(d.select("h2 > a")).hasSize(1);
        assertThat(d.selectFirst("h2 > a").attr("href")).isEqualTo("#impact");
    }

    @Test
    void aLeadingH1RepeatingTheTitleIsDroppedAndLaterH1sBecomeSections() {
        Document d = doc(BodyRewriter.rewrite("<h1>The  Title</h1><p>x</p><h2>Summary</h2><h1>Stats</h1><h3>Sub</h3>", "the title", List.of(), CTX));
        assertThat(d.select("h1")).isEmpty();
        assertThat(d.text()).doesNotContain("The Title");
        assertThat(d.select("h2").eachText()).containsExactly("Summary", "Stats");
        assertThat(d.select("h3").eachText()).containsExactly("Sub");
    }

    @Test
    void aLateH1AfterH2SectionsBecomesASectionEvenWithoutATitleHeading() {
        Document d = doc(BodyRewriter.rewrite("<h2>Summary</h2><p>x</p><h1>Stats</h1>", "T", List.of(), CTX));
        assertThat(d.select("h2").eachText()).containsExactly("Summary", "Stats");
    }

    @Test
    void aBodyUsingH1ForSectionsIsShiftedDownALevel() {
        Document d = doc(BodyRewriter.rewrite("<h1>Part</h1><h2>Sub</h2><p>x</p>", "Another title", List.of(), CTX));
        assertThat(d.select("h1")).isEmpty();
        assertThat(d.select("h2").text()).isEqualTo("Part");
        assertThat(d.select("h3").text()).isEqualTo("Sub");
    }

    @Test
    void aLinkToABundlesFolderLeadsToItsPageAndOtherPathsStayAsTheyAre() {
        Document d = doc(BodyRewriter.rewrite("<p><a href=\"../c/outage/#impact\">a</a> <a href=\"/c/outage\">b</a>"
                + " <a href=\"img/ok.png\">c</a> <a href=\"../2023-05-01-other/\">d</a> <a href=\"?q=1\">e</a></p>", "T",
                List.of(), CTX));
        assertThat(d.select("a").eachAttr("href")).containsExactly("../../incidents/outage/index.html#impact",
                "../../incidents/outage/index.html", "img/ok.png", "../2023-05-01-other/", "?q=1");
    }

    @Test
    void aLinkToAFileOfTheContentFolderLeadsToItsCopyAndKeepsItsFragment() {
        Document d = doc(BodyRewriter.rewrite("<p><a href=\"../logs/run.log#L12\">log</a> <a href=\"../logs/gone.log\">gone</a></p>",
                "T", List.of(), CTX));
        assertThat(d.select("a").eachAttr("href")).containsExactly("files/run.log#L12", "../logs/gone.log");
    }

    @Test
    void linksAreRewritten() {
        Document d = doc(BodyRewriter.rewrite("<p><a href=\"https://ext.example/x\" rel=\"nofollow\">e</a> <a href=\"a.md#timeline\">a</a>"
                + " <a href=\"../pages/about.md\">about</a> <a href=\"nope.md\">n</a> <a href=\"/causes/\">c</a>"
                + " <a href=\"#x\">x</a> <a href=\"mailto:a@b\">m</a> <a href=\"javascript:alert(1)\">j</a>"
                + " <a href=\"/postmortems/a.md#t\">root</a> <a href=\"/gone/b.md\">gone</a></p>", "T", List.of(), CTX));
        assertThat(d.select("a").eachAttr("href")).containsExactly("https://ext.example/x", "../../incidents/a/index.html#timeline",
                "../../about/index.html", "nope.md", "../../causes/index.html", "#x", "mailto:a@b",
                "../../incidents/a/index.html#t", "../../gone/b.md");
        assertThat(d.selectFirst("a").attr("rel")).isEqualTo("nofollow noopener");
        assertThat(d.select("a:contains(j)").hasAttr("href")).isFalse();
    }

    @Test
    void imagesAreLazyAndMissingOnesAreReported() {
        RenderedBody b = BodyRewriter.rewrite("<p><img src=\"img/ok.png\" alt=\"ok\"><img src=\"gone.png\"><img src=\"https://x/y.png\" alt=\"\"></p>",
                "T", List.of(), CTX);
        Document d = doc(b);
        assertThat(d.select("img[loading=lazy]")).hasSize(3);
        assertThat(d.select("img[alt]")).hasSize(3);
        assertThat(d.selectFirst("img.missing").attr("src")).isEqualTo("gone.png");
    }

    @Test
    void activeContentAndInlineStylesAreRemoved() {
        Document d = doc(BodyRewriter.rewrite("<p style=\"color:red\" onclick=\"x()\">a</p><script>alert(1)</script>"
                + "<iframe src=\"https://x\"></iframe><table><tr><td style=\"text-align: right\">1</td></tr></table>", "T", List.of(), CTX));
        assertThat(d.select("script, iframe")).isEmpty();
        assertThat(d.select("[style], [onclick]")).isEmpty();
        assertThat(d.select("td.align-right")).hasSize(1);
        assertThat(d.select("div.table-wrap > table")).hasSize(1);
    }

    @Test
    void codeBlocksCanBeScrolledFromTheKeyboard() {
        Document d = doc(BodyRewriter.rewrite("<pre><code>a very long line</code></pre>", "T", List.of(), CTX));
        assertThat(d.selectFirst("pre").attr("tabindex")).isEqualTo("0");
    }

    @Test
    void aParsedTimelineTableBecomesASlotButProseStays() {
        String html = "<h2 id=\"timeline\">Timeline</h2><p>All times UTC.</p><table><tr><th>t</th></tr><tr><td>09:00</td></tr>"
                + "<tr><td>10:00</td></tr></table><h2 id=\"next\">Next</h2><p>after</p>";
        Section s = new Section(SectionKind.TIMELINE, "Timeline", "timeline", "", 3);
        RenderedBody b = BodyRewriter.rewrite(html, "T",
                List.of(new BodyRewriter.SlotRequest("timeline", Optional.of(s), 2, "Timeline", false)), CTX);
        assertThat(b.chunks()).extracting(BodyChunk::kind).containsExactly("html", "timeline", "html");
        assertThat(b.chunks().get(0).html()).contains("All times UTC.").doesNotContain("<table");
        assertThat(b.chunks().get(2).html()).contains("after");
    }

    @Test
    void aTableWithMoreRowsThanWereParsedIsKeptAsWritten() {
        String html = "<h2 id=\"timeline\">Timeline</h2><table><tr><td>1</td></tr><tr><td>2</td></tr><tr><td>3</td></tr></table>";
        Section s = new Section(SectionKind.TIMELINE, "Timeline", "timeline", "", 3);
        RenderedBody b = BodyRewriter.rewrite(html, "T",
                List.of(new BodyRewriter.SlotRequest("timeline", Optional.of(s), 2, "Timeline", false)), CTX);
        assertThat(b.hasSlot("timeline")).isFalse();
        assertThat(b.html()).contains("<table");
    }

    @Test
    void actionItemsWithoutASectionGetOneAtTheEnd() {
        RenderedBody b = BodyRewriter.rewrite("<h2 id=\"action-items\">Other</h2><p>x</p>", "T",
                List.of(new BodyRewriter.SlotRequest("actions", Optional.empty(), 1, "Action items", true)), CTX);
        BodyChunk last = b.chunks().get(b.chunks().size() - 1);
        assertThat(last.kind()).isEqualTo("actions");
        assertThat(last.heading()).isEqualTo("Action items");
        assertThat(last.anchor()).isEqualTo("action-items-2");
        assertThat(b.toc()).extracting(Heading::anchor).containsExactly("action-items", "action-items-2");
    }

    @Test
    void lessonsSubsectionsAreReplacedByOneSlot() {
        String html = "<h2 id=\"lessons\">Lessons</h2><p><strong>What went well</strong></p><ul><li>a</li></ul>"
                + "<h3 id=\"lucky\">Where we got lucky</h3><ul><li>b</li></ul><h2 id=\"after\">After</h2>";
        Section s = new Section(SectionKind.LESSONS, "Lessons", "lessons", "", 3);
        RenderedBody b = BodyRewriter.rewrite(html, "T",
                List.of(new BodyRewriter.SlotRequest("lessons", Optional.of(s), 2, "Lessons", false)), CTX);
        assertThat(b.chunks()).extracting(BodyChunk::kind).containsExactly("html", "lessons", "html");
        assertThat(b.html()).doesNotContain("went well").doesNotContain("lucky");
        assertThat(b.toc()).extracting(Heading::anchor).containsExactly("lessons", "after");
    }

    @Test
    void inlineFragmentsAreHardenedAndLinked() {
        assertThat(BodyRewriter.inline("Deploy <a href=\"a.md\">x</a> <b onclick=\"y\">z</b>", CTX))
                .isEqualTo("Deploy <a href=\"../../incidents/a/index.html\">x</a> <b>z</b>");
        assertThat(BodyRewriter.inline("plain &amp; simple", CTX)).isEqualTo("plain &amp; simple");
    }
}
