package dev.hindsight.index;

import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

import java.io.IOException;
import java.util.Iterator;
import java.util.List;

/**
 * A Lucene tokenizer that emits the words of {@link WordSplitter}: compounds whole, then their parts.
 * Incident write-ups are small, so the whole field is read before splitting.
 */
final class IncidentTokenizer extends Tokenizer {
    private final boolean withParts;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
    private Iterator<WordSplitter.Word> words = List.<WordSplitter.Word>of().iterator();
    private int lastPosition = -1;
    private int finalOffset;

    /** Creates a tokenizer; without parts it emits compounds only, as a query word is looked up. */
    IncidentTokenizer(boolean withParts) {
        this.withParts = withParts;
    }

    @Override
    public boolean incrementToken() {
        clearAttributes();
        while (words.hasNext()) {
            WordSplitter.Word w = words.next();
            if (w.part() && !withParts) {
                continue;
            }
            term.setEmpty().append(w.surface());
            offset.setOffset(correctOffset(w.start()), correctOffset(w.end()));
            increment.setPositionIncrement(Math.max(lastPosition < 0 ? 1 : 0, w.position() - lastPosition));
            lastPosition = Math.max(lastPosition, w.position());
            return true;
        }
        return false;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        StringBuilder sb = new StringBuilder();
        char[] buf = new char[4096];
        for (int n = input.read(buf); n >= 0; n = input.read(buf)) {
            sb.append(buf, 0, n);
        }
        words = WordSplitter.split(sb.toString()).iterator();
        lastPosition = -1;
        finalOffset = correctOffset(sb.length());
    }

    @Override
    public void end() throws IOException {
        super.end();
        offset.setOffset(finalOffset, finalOffset);
    }
}
