package dev.hindsight.render;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class XmlTextTest {

    @Test
    void escapesMarkupAndDropsCharactersXmlCannotCarry() {
        assertThat(XmlText.escape("<a href=\"x\">&'</a>")).isEqualTo("&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;");
        assertThat(XmlText.escape("a\u0000b\u0008c\td\uFFFEe")).isEqualTo("abc\tde");
        assertThat(XmlText.escape("\uD83D\uDE00")).isEqualTo("\uD83D\uDE00");
        assertThat(XmlText.escape("x\uDC00y")).isEqualTo("xy");
    }
}
