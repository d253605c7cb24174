package dev.hindsight.load;

import com.vladsch.flexmark.ast.BulletList;
import com.vladsch.flexmark.util.ast.Document;

import dev.hindsight.model.SectionKind;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FootnotesTest {
    private static final String BODY = """
            ## Summary

            The primary failed over[^failover] and the replica lagged[^lag]. Again[^failover]. Undefined[^nope].

            ## Timeline

            - 10:00 UTC failover started[^failover]

            ## Lessons learned

            - Watch the lag.

            [^lag]: Lag peaked at **30 s**.
            [^failover]: The failover was automatic.
            """;

    private final MarkdownEngine engine = new MarkdownEngine();
    private final HtmlSanitizer sanitizer = new HtmlSanitizer();

    private Document parse(String markdown) {
        return engine.parse(markdown).orElseThrow();
    }

    @Test
    void notesAreNumberedByTheirFirstReferenceAndReferencesInTheOrderWritten() {
        var html = Jsoup.parseBodyFragment(engine.render(parse(BODY)));
        assertThat(html.select("sup > a.footnote-ref").eachText()).containsExactly("1", "2", "1", "1");
        assertThat(html.select("sup").eachAttr("id")).containsExactly("fnref-1", "fnref-2", "fnref-1-1", "fnref-1-2");
        assertThat(html.select("div.footnotes li").eachAttr("id")).containsExactly("fn-1", "fn-2");
        assertThat(html.select("#fn-1 p").text()).isEqualTo("The failover was automatic.");
        assertThat(html.select("#fn-1 a.footnote-backref").eachAttr("href"))
                .containsExactly("#fnref-1", "#fnref-1-1", "#fnref-1-2");
        assertThat(html.select("p").first().text()).as("an undefined reference reads as written")
                .endsWith("Undefined[^nope].");
    }

    @Test
    void aReferenceOutsideTheBodyHasTheMarkupOfTheSameReferenceInTheBody() {
        Document doc = parse(BODY);
        var item = doc.getChildOfType(BulletList.class).getFirstChild().getFirstChild();
        var rendered = Jsoup.parseBodyFragment(engine.render(doc));
        assertThat(InlineHtml.of(item)).isEqualTo("10:00 UTC failover started" + rendered.select("sup#fnref-1-2").outerHtml());
    }

    @Test
    void textCarriesNoMarkerAndEachNoteOnceAtTheEnd() {
        Document doc = parse(BODY);
        assertThat(NodeText.of(doc)).isEqualTo("Summary\nThe primary failed over and the replica lagged. Again. Undefined[^nope].\n"
                + "Timeline\n10:00 UTC failover started\nLessons learned\nWatch the lag.\nLag peaked at 30 s.\n"
                + "The failover was automatic.");
    }

    @Test
    void aNoteBelongsToNoSection() {
        List<Outline.Span> spans = Outline.of(parse(BODY));
        Outline.Span lessons = spans.stream().filter(s -> s.kind() == SectionKind.LESSONS).findFirst().orElseThrow();
        assertThat(lessons.blocks().stream().map(NodeText::of)).containsExactly("Watch the lag.");
    }

    @Test
    void theSanitizerKeepsFootnoteMarkupAndOnlyIt() {
        Document doc = parse("Raw <b>HTML</b> makes the body cleaned[^1].\n\n<div class=\"evil\" id=\"x\">y</div>\n\n"
                + "<sup id=\"main\">z</sup>\n\n[^1]: A note.\n");
        assertThat(HtmlSanitizer.needsCleaning(doc)).isTrue();
        var clean = Jsoup.parseBodyFragment(sanitizer.clean(engine.render(doc)));
        assertThat(clean.select("sup#fnref-1 > a.footnote-ref[href=#fn-1]")).hasSize(1);
        assertThat(clean.select("div.footnotes li#fn-1 a.footnote-backref[href=#fnref-1]")).hasSize(1);
        assertThat(clean.select("[id=main], [id=x], .evil")).as("other ids and classes are still dropped").isEmpty();
    }

    @Test
    void aReferenceToNoNoteReadsAsThePageShowsIt() {
        Document doc = parse("Text [1] and [^ not a note] here.\n");
        String body = engine.render(doc);
        assertThat(body).isEqualTo("<p>Text [1] and [^not a note] here.</p>\n");
        assertThat(NodeText.of(doc)).isEqualTo("Text [1] and [^not a note] here.");
        assertThat("<p>" + InlineHtml.of(doc.getFirstChild()) + "</p>\n").isEqualTo(body);
    }
}
