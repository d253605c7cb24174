package dev.hindsight.load;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class AngleLinksTest {
    private final MarkdownEngine engine = new MarkdownEngine();

    private String html(String markdown) {
        return engine.render(engine.parse(markdown).orElseThrow()).strip();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            [notes](<2023 outage.md>)                | <p><a href="2023 outage.md">notes</a></p>
            [notes](<2023 outage.md> "The outage")   | <p><a href="2023 outage.md" title="The outage">notes</a></p>
            [notes](<../c/db failover/>)             | <p><a href="../c/db failover/">notes</a></p>
            ![graph](<lag graph.png>)                | <p><img src="lag graph.png" alt="graph" /></p>
            [a](<b)c>)                               | <p><a href="b)c">a</a></p>
            [a](<b\\>c.md>)                          | <p><a href="b&gt;c.md">a</a></p>
            [a](<>)                                  | <p><a href="">a</a></p>
            [plain](x.md)                            | <p><a href="x.md">plain</a></p>
            """)
    void aDestinationInAngleBracketsMayHoldSpaces(String markdown, String expected) {
        assertThat(html(markdown)).isEqualTo(expected);
    }

    @Test
    void referenceDefinitionsAreStillRead() {
        assertThat(html("[Runbook][rb] and [rb].\n\n[rb]: https://runbooks.example.com/db \"DB\"\n"))
                .isEqualTo("<p><a href=\"https://runbooks.example.com/db\" title=\"DB\">Runbook</a> and "
                        + "<a href=\"https://runbooks.example.com/db\" title=\"DB\">rb</a>.</p>");
    }

    @Test
    void aReferenceDefinitionInAngleBracketsMayHoldSpaces() {
        assertThat(html("See [the notes][n].\n\n[n]: <2023 outage notes.md> \"Notes\"\n"))
                .isEqualTo("<p>See <a href=\"2023 outage notes.md\" title=\"Notes\">the notes</a>.</p>");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            [x](a b)                 | <p>[x](a b)</p>
            [x](a (b))               | <p><a href="a" title="b">x</a></p>
            [x](<a b> c)             | <p>[x](<a b> c)</p>
            Text <span>raw</span>.   | <p>Text <span>raw</span>.</p>
            """)
    void everyOtherDestinationReadsAsCommonMarkSays(String markdown, String expected) {
        assertThat(html(markdown)).isEqualTo(expected);
    }

    @Test
    void aLineBreakEndsNoBracketedDestination() {
        assertThat(html("[x](<a\nb.md>)")).doesNotContain("<a href");
    }

    @Test
    void theBracketedEndIsFoundOnlyAtAnOpeningBracket() {
        assertThat(AngleLinks.bracketedEnd("(<a b.md>)", 1)).isEqualTo(9);
        assertThat(AngleLinks.bracketedEnd("(<a b.md>)", 0)).isEqualTo(-1);
        assertThat(AngleLinks.bracketedEnd("<never closed", 0)).isEqualTo(-1);
        assertThat(AngleLinks.bracketedEnd("<a\\>b>", 0)).as("an escaped > does not end it").isEqualTo(6);
    }
}
