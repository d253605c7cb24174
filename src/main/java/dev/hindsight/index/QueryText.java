package dev.hindsight.index;

import dev.hindsight.model.Validate;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A query as typed, split into loose words and quoted phrases; {@code parseQuery} in
 * {@code assets/js/search-engine.js} follows the same rules.
 *
 * <p>Loose words are {@link WordSplitter#queryWords top-level words} (compounds whole, a CJK run whole), without
 * stop words and duplicates. A phrase is the text between double quotes (an unclosed quote runs to the end); inside
 * it compounds are replaced by their parts and a CJK run by its bigrams, and each word keeps its offset, stop words
 * leaving gaps, so {@code "root cause of the outage"} asks for {@code outage} three positions after {@code cause},
 * and {@code "データベース障害"} for its seven bigrams side by side.
 * The last loose word is a prefix when the query does not end in a space or a quote.
 *
 * @param words      loose words, in order
 * @param phrases    quoted phrases of two or more words
 * @param lastPrefix true when the last loose word may be completed
 */
public record QueryText(List<String> words, List<Phrase> phrases, boolean lastPrefix) {

    /**
     * A quoted phrase.
     *
     * @param words   its words (stop words removed)
     * @param offsets each word's offset from the first, counting removed stop words
     * @param typed   how many words it counts as in a query: one per word, one per CJK run (not per bigram)
     */
    public record Phrase(List<String> words, List<Integer> offsets, int typed) {
        public Phrase {
            words = List.copyOf(words);
            offsets = List.copyOf(offsets);
        }
    }

    public QueryText {
        words = List.copyOf(words);
        phrases = List.copyOf(phrases);
    }

    /** Parses query text. */
    public static QueryText parse(String text, Set<String> stopwords) {
        Validate.notNull(text, "text");
        Set<String> words = new LinkedHashSet<>();
        List<Phrase> phrases = new ArrayList<>();
        int i = 0;
        boolean endsInWord = false;
        while (i < text.length()) {
            int quote = text.indexOf('"', i);
            String loose = quote < 0 ? text.substring(i) : text.substring(i, quote);
            for (String w : WordSplitter.queryWords(loose)) {
                if (!stopwords.contains(w)) {
                    words.add(w);
                }
            }
            if (quote < 0) {
                endsInWord = !loose.isEmpty() && !Character.isWhitespace(loose.charAt(loose.length() - 1))
                        && !WordSplitter.queryWords(loose).isEmpty();
                break;
            }
            int close = text.indexOf('"', quote + 1);
            String inside = close < 0 ? text.substring(quote + 1) : text.substring(quote + 1, close);
            phrase(inside, stopwords, words, phrases);
            i = close < 0 ? text.length() : close + 1;
        }
        String last = words.isEmpty() ? "" : List.copyOf(words).get(words.size() - 1);
        boolean prefix = endsInWord && !last.isEmpty() && lastWordOf(text).equals(last);
        return new QueryText(List.copyOf(words), phrases, prefix);
    }

    /** Returns the text with its double quotes made spaces: the same words, and no phrases. */
    public static String unquoted(String text) {
        return text.replace('"', ' ');
    }

    /** Returns the same query with every word complete (no prefix), as a terminal query is. */
    public QueryText complete() {
        return new QueryText(words, phrases, false);
    }

    /**
     * Returns true when text is pasted rather than typed: more than {@value QueryMode#LONG_WORDS} words as the index
     * counts them (stop words included, each bigram of a CJK run a word), or more than one line.
     */
    public static boolean isLong(String text) {
        return text.strip().indexOf('\n') >= 0 || WordSplitter.words(text).size() > QueryMode.LONG_WORDS;
    }

    /** Returns true when nothing is asked for. */
    public boolean isEmpty() {
        return words.isEmpty() && phrases.isEmpty();
    }

    private static void phrase(String inside, Set<String> stopwords, Set<String> words, List<Phrase> phrases) {
        List<String> pw = new ArrayList<>();
        List<Integer> offsets = new ArrayList<>();
        int first = -1;
        int typed = 0;
        WordSplitter.Word previous = null;
        for (WordSplitter.Word w : WordSplitter.split(inside)) {
            if (WordSplitter.isCompound(w.surface()) && !w.part()) {
                continue;
            }
            if (stopwords.contains(w.surface())) {
                continue;
            }
            if (first < 0) {
                first = w.position();
            }
            pw.add(w.surface());
            offsets.add(w.position() - first);
            boolean sameRun = previous != null && CjkGrams.isRun(w.surface()) && CjkGrams.isRun(previous.surface())
                    && w.start() < previous.end();
            typed += sameRun ? 0 : 1;
            previous = w;
        }
        if (pw.size() == 1) {
            words.add(pw.get(0));
        } else if (pw.size() > 1) {
            phrases.add(new Phrase(pw, offsets, typed));
        }
    }

    private static String lastWordOf(String text) {
        List<String> all = WordSplitter.queryWords(text);
        return all.isEmpty() ? "" : all.get(all.size() - 1);
    }
}
