package dev.hindsight.index;

import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class IncidentTokenizerTest {

    /** Runs one text through a tokenizer as an analyzer does (set the reader, reset, read, end, close). */
    private static List<String> tokens(IncidentTokenizer t, String text) throws IOException {
        List<String> out = new ArrayList<>();
        CharTermAttribute term = t.getAttribute(CharTermAttribute.class);
        OffsetAttribute offset = t.getAttribute(OffsetAttribute.class);
        t.setReader(new StringReader(text));
        t.reset();
        while (t.incrementToken()) {
            out.add(term + "@" + offset.startOffset() + "-" + offset.endOffset());
        }
        t.end();
        out.add("end@" + offset.endOffset());
        t.close();
        return out;
    }

    private static List<String> expected(String text) {
        List<String> out = new ArrayList<>();
        for (WordSplitter.Word w : WordSplitter.split(text)) {
            out.add(w.surface() + "@" + w.start() + "-" + w.end());
        }
        out.add("end@" + text.length());
        return out;
    }

    @Test
    void oneTokenizerReusedForLongAndShortTextsGivesEachTextsOwnWords() throws IOException {
        IncidentTokenizer t = new IncidentTokenizer(true);
        StringBuilder lng = new StringBuilder();
        for (int i = 0; lng.length() < 20_000; i++) {
            lng.append("Shard rebalancer-").append(i).append(" stalled on node_").append(i % 7).append(". ");
        }
        String tail = "Quorum lost at the very end: etcd-03";
        lng.append(tail);
        List<String> first = tokens(t, lng.toString());
        assertThat(first).isEqualTo(expected(lng.toString()));
        assertThat(first.get(first.size() - 2)).startsWith("03@");
        // A short text after a long one: nothing of the long one is left over.
        assertThat(tokens(t, "Fan tray B swapped")).isEqualTo(expected("Fan tray B swapped"));
        assertThat(tokens(t, "")).containsExactly("end@0");
    }

    @Test
    void withoutPartsACompoundStaysWhole() throws IOException {
        assertThat(tokens(new IncidentTokenizer(false), "Drained cache-eu-2 early"))
                .containsExactly("drained@0-7", "cache-eu-2@8-18", "early@19-24", "end@24");
    }
}
