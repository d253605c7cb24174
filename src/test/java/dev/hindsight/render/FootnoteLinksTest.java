package dev.hindsight.render;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class FootnoteLinksTest {
    /** The body flexmark renders for two references to one note, one of them in an action-item table, and a heading. */
    private static final String BODY = """
            <h2 id="fn-1">fn 1</h2>
            <p>Failed over<sup id="fnref-1"><a class="footnote-ref" href="#fn-1">1</a></sup>.</p>
            <h2>Action items</h2>
            <table><thead><tr><th>Action</th></tr></thead><tbody><tr><td>Page on lag<sup id="fnref-1-1"><a class="footnote-ref" href="#fn-1">1</a></sup></td></tr></tbody></table>
            <div class="footnotes">
            <hr />
            <ol>
            <li id="fn-1">
            <p>Automatic.</p>
            <a href="#fnref-1" class="footnote-backref">&#8617;</a>
            <a href="#fnref-1-1" class="footnote-backref">&#8617;</a>
            </li>
            </ol>
            </div>
            """;

    private static final BodyRewriter.Context CTX = new BodyRewriter.Context() {
        @Override
        public String root() {
            return "../../";
        }

        @Override
        public String source() {
            return "postmortems/a.md";
        }

        @Override
        public Optional<String> linkTarget(String linkPath) {
            return Optional.empty();
        }

        @Override
        public Optional<String> image(String src) {
            return Optional.empty();
        }

        @Override
        public Optional<String> attachment(String linkPath) {
            return Optional.empty();
        }
    };

    private static Document doc(String html) {
        return Jsoup.parseBodyFragment(html);
    }

    @Test
    void referencesAndNotesTakeIdsNoHeadingCanHaveAndSayWhereTheyLead() {
        Document d = doc(BodyRewriter.rewrite(BODY, "T", List.of(), CTX).html());
        assertThat(d.select("h2").first().id()).isEqualTo("fn-1");
        assertThat(d.select("sup").eachAttr("id")).containsExactly("fnref:1", "fnref:1:1");
        assertThat(d.select("a.footnote-ref").eachAttr("href")).containsExactly("#fn:1", "#fn:1");
        assertThat(d.select("a.footnote-ref").eachAttr("aria-label")).containsExactly("Note 1", "Note 1");
        assertThat(d.select("section.footnotes[aria-label=Notes] li").eachAttr("id")).containsExactly("fn:1");
        assertThat(d.select("li p > a.footnote-backref").eachAttr("href")).as("at the end of the note")
                .containsExactly("#fnref:1", "#fnref:1:1");
        assertThat(d.select("a.footnote-backref").eachAttr("aria-label"))
                .containsExactly("Back to reference 1", "Back to reference 1 (2)");
        List<String> ids = d.select("[id]").eachAttr("id");
        assertThat(ids).doesNotHaveDuplicates();
        for (String href : d.select("a[href^=#]").eachAttr("href")) {
            assertThat(ids).as(href).contains(href.substring(1));
        }
    }

    @Test
    void aSectionThePageAddsGoesAboveTheNotes() {
        RenderedBody b = BodyRewriter.rewrite("<p>x<sup id=\"fnref-1\"><a class=\"footnote-ref\" href=\"#fn-1\">1</a></sup></p>"
                + "<div class=\"footnotes\"><ol><li id=\"fn-1\"><p>n</p><a href=\"#fnref-1\" class=\"footnote-backref\">↩</a>"
                + "</li></ol></div>", "T", List.of(new BodyRewriter.SlotRequest("actions", Optional.empty(), 2,
                "Action items", true)), CTX);
        assertThat(b.chunks()).extracting(BodyChunk::kind).containsExactly("html", "actions", "html");
        assertThat(b.chunks().get(2).html()).startsWith("<section class=\"footnotes\"");
    }

    @Test
    void aBackLinkToAReferenceThePageDoesNotShowIsLeftOut() {
        RenderedBody b = BodyRewriter.rewrite(BODY, "T", List.of(new BodyRewriter.SlotRequest("actions",
                Optional.of(new dev.hindsight.model.Section(dev.hindsight.model.SectionKind.ACTION_ITEMS, "Action items",
                        "action-items", "", 4)), 1, "Action items", true)), CTX);
        assertThat(b.html()).as("the table went into the slot").doesNotContain("id=\"fnref:1:1\"");
        List<BodyChunk> shown = FootnoteLinks.withoutDanglingBackLinks(b.chunks(), List.of());
        Document d = doc(shown.stream().map(BodyChunk::html).reduce("", String::concat));
        assertThat(d.select("a.footnote-backref").eachAttr("href")).containsExactly("#fnref:1");
        assertThat(d.select("li p").first().html()).isEqualTo("Automatic. <a href=\"#fnref:1\" class=\"footnote-backref\" "
                + "aria-label=\"Back to reference 1\">↩</a>");
    }

    @Test
    void aReferenceShownElsewhereKeepsItsBackLink() {
        String row = BodyRewriter.inline("Paged<sup id=\"fnref-1-1\"><a class=\"footnote-ref\" href=\"#fn-1\">1</a></sup>", CTX);
        assertThat(row).isEqualTo("Paged<sup id=\"fnref:1:1\"><a class=\"footnote-ref\" href=\"#fn:1\" aria-label=\"Note 1\">1"
                + "</a></sup>");
        String withoutTable = BODY.replaceAll("<table>.*</table>", "");
        RenderedBody b = BodyRewriter.rewrite(withoutTable, "T", List.of(), CTX);
        assertThat(b.html()).doesNotContain("id=\"fnref:1:1\"");
        Document d = doc(FootnoteLinks.withoutDanglingBackLinks(b.chunks(), List.of(row)).get(0).html());
        assertThat(d.select("a.footnote-backref").eachAttr("href")).containsExactly("#fnref:1", "#fnref:1:1");
    }

    @Test
    void aBodyWithoutNotesIsLeftAlone() {
        List<BodyChunk> chunks = List.of(BodyChunk.html("<p>x</p>"));
        assertThat(FootnoteLinks.withoutDanglingBackLinks(chunks, List.of())).isSameAs(chunks);
    }
}
