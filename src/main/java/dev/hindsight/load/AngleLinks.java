package dev.hindsight.load;

import com.vladsch.flexmark.parser.InlineParserExtensionFactory;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.core.ReferencePreProcessorFactory;
import com.vladsch.flexmark.parser.delimiter.DelimiterProcessor;
import com.vladsch.flexmark.parser.internal.InlineParserImpl;
import com.vladsch.flexmark.parser.internal.LinkRefProcessorData;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;

import java.util.BitSet;
import java.util.List;
import java.util.Map;

/**
 * Link destinations in angle brackets as CommonMark (0.29 and later) reads them: {@code [notes](<2023 outage.md>)}
 * and {@code [r]: <a b.md>} are links whose destination has a space. Flexmark reads the older rule, which allows no
 * space between the brackets, so the link stayed text, and {@code <2023 outage.md>} even became an HTML tag.
 *
 * <p>Only the bracketed form changes: between {@code <} and the first unescaped {@code >}, any characters but a line
 * break or an unescaped {@code <}. A destination without brackets still ends at a space ({@code [x](a b)} is text,
 * {@code [x](a "t")} has a title), as CommonMark says; flexmark's own option for spaces in links would change those.
 */
final class AngleLinks implements Parser.ParserExtension {

    private AngleLinks() {
    }

    /** Creates the extension. */
    static AngleLinks create() {
        return new AngleLinks();
    }

    @Override
    public void parserOptions(MutableDataHolder options) {
        // no options of its own
    }

    @Override
    public void extend(Parser.Builder builder) {
        builder.customInlineParserFactory(Inline::new);
        // Flexmark adds its reference definitions reader only with its own inline parser; it reads them with ours.
        builder.paragraphPreProcessorFactory(new ReferencePreProcessorFactory());
    }

    /** Flexmark's inline parser with the CommonMark reading of a bracketed destination. */
    private static final class Inline extends InlineParserImpl {
        Inline(DataHolder options, BitSet special, BitSet delimiters, Map<Character, DelimiterProcessor> processors,
               LinkRefProcessorData linkRefs, List<InlineParserExtensionFactory> extensions) {
            super(options, special, delimiters, processors, linkRefs, extensions);
        }

        @Override
        public BasedSequence parseLinkDestination() {
            int end = bracketedEnd(input, index);
            if (end < 0) {
                return super.parseLinkDestination();
            }
            BasedSequence destination = input.subSequence(index, end);
            index = end;
            return destination;
        }
    }

    /**
     * Returns the index just after a destination in angle brackets that starts at an index, or -1 when there is none
     * there: {@code <}, then no line break and no unescaped {@code <} before the first unescaped {@code >}.
     */
    static int bracketedEnd(CharSequence text, int start) {
        if (start >= text.length() || text.charAt(start) != '<') {
            return -1;
        }
        for (int i = start + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length() && isAsciiPunctuation(text.charAt(i + 1))) {
                i++;
            } else if (c == '>') {
                return i + 1;
            } else if (c == '<' || c == '\n' || c == '\r') {
                return -1;
            }
        }
        return -1;
    }

    private static boolean isAsciiPunctuation(char c) {
        return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~';
    }
}
