package dev.hindsight.load;

import com.vladsch.flexmark.util.ast.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NodeTextTest {
    private static final MarkdownEngine ENGINE = new MarkdownEngine();

    private static Document parse(String markdown) {
        return ENGINE.parse(markdown).orElseThrow();
    }

    @Test
    void plainTextEscapesAndEntitiesReadAsAReaderSeesThem() {
        Document d = parse("Pager \\*fired\\* at 03:10 &amp; again &lt;twice&gt;,\nthen *quiet* for `kubectl get pods`.\n\n"
                + "Second   paragraph\u00a0here [09:02] and [the runbook](https://example.test/rb).\n");
        assertThat(NodeText.of(d)).isEqualTo("Pager *fired* at 03:10 & again <twice>, then quiet for kubectl get pods.\n"
                + "Second paragraph here [09:02] and the runbook.");
        assertThat(NodeText.inline(d)).isEqualTo("Pager *fired* at 03:10 & again <twice>, then quiet for kubectl get pods. "
                + "Second paragraph here [09:02] and the runbook.");
    }

    @Test
    void tablesListsAndCodeBlocksKeepOneLinePerBlockAndRawHtmlSaysNothing() {
        Document d = parse("| When | What |\n|---|---|\n| 10:02 | DNS \\| resolver flapped |\n\n"
                + "- first &#x2014; item\n- <span>second</span> item\n\n```\nretry(3)\n```\n\n<div>hidden</div>\n");
        assertThat(NodeText.of(d)).isEqualTo("When What\n10:02 DNS | resolver flapped\nfirst \u2014 item\nsecond item\n"
                + "retry(3)");
    }

    @Test
    void aLineBreakTagInACellSeparatesWordsAndOtherTagsSayNothing() {
        Document d = parse("| When | What |\n|---|---|\n| 09:14 | Alarm on redis-sessions<br>maxmemory reached |\n"
                + "| 09:20 | Paged<BR/>on-call, then<br />escalated |\n\nIt was a <b>bad</b>night<span>time</span> page.\n");
        assertThat(NodeText.of(d)).isEqualTo("When What\n09:14 Alarm on redis-sessions maxmemory reached\n"
                + "09:20 Paged on-call, then escalated\nIt was a badnighttime page.");
    }
}
