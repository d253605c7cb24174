package dev.hindsight.check;

import dev.hindsight.model.Problem;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FootnoteRuleTest {
    private static final String NOTE = "<sup id=\"fnref:1\"><a class=\"footnote-ref\" href=\"#fn:1\">1</a></sup>";

    private static List<String> flagged(String bodyHtml) {
        return FootnoteRule.check("p.md", bodyHtml, SourceMap.none()).stream().map(Problem::message).toList();
    }

    @Test
    void aNumberedReferenceWithoutItsNoteIsReportedOnceAtItsFirstUse() {
        assertThat(flagged("<p>Failed[^2] and again[^2].</p>")).singleElement().asString()
                .startsWith("footnote `[^2]` has no note");
    }

    @Test
    void aWordLabelCountsOnlyInAFileWithNotesSoARegularExpressionInProseIsNot() {
        assertThat(flagged("<p>Names matching [^a-z] or [^lag] were dropped.</p>")).isEmpty();
        assertThat(flagged("<p>Failed" + NOTE + " and lagged[^lag]; names like [^a-z0-9.] stay.</p>")).singleElement()
                .asString().startsWith("footnote `[^lag]`");
    }

    @Test
    void aReferenceInCodeIsCode() {
        assertThat(flagged("<p>Run <code>grep '[^1]'</code>.</p><pre><code>x[^2]\n</code></pre>")).isEmpty();
    }
}
