package dev.hindsight.index;

import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;

/**
 * A Lucene tokenizer that emits the words of {@link WordSplitter}: compounds whole, then their parts.
 * Incident write-ups are small, so the whole field is read before splitting. An analyzer keeps one tokenizer per
 * thread and resets it for every field, so the read buffer and the word list are kept and reused.
 */
final class IncidentTokenizer extends Tokenizer {
    private final boolean withParts;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
    private final ArrayList<WordSplitter.Word> words = new ArrayList<>();
    private char[] buffer = new char[4096];
    private int next;
    private int lastPosition = -1;
    private int finalOffset;

    /** Creates a tokenizer; without parts it emits compounds only, as a query word is looked up. */
    IncidentTokenizer(boolean withParts) {
        this.withParts = withParts;
    }

    @Override
    public boolean incrementToken() {
        clearAttributes();
        while (next < words.size()) {
            WordSplitter.Word w = words.get(next++);
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
        int length = 0;
        for (int n = input.read(buffer, length, buffer.length - length); n >= 0;
                n = input.read(buffer, length, buffer.length - length)) {
            length += n;
            if (length == buffer.length) {
                buffer = Arrays.copyOf(buffer, buffer.length * 2);
            }
        }
        words.clear();
        WordSplitter.split(new String(buffer, 0, length), words);
        next = 0;
        lastPosition = -1;
        finalOffset = correctOffset(length);
    }

    @Override
    public void close() throws IOException {
        super.close();
        words.clear();
    }

    @Override
    public void end() throws IOException {
        super.end();
        offset.setOffset(finalOffset, finalOffset);
    }
}
