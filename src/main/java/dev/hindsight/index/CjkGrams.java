package dev.hindsight.index;

import java.util.ArrayList;
import java.util.List;

/**
 * Chinese, Japanese and Korean text as words: overlapping bigrams, as Lucene's {@code CJKBigramFilter} makes them.
 *
 * <p>These scripts are written without spaces between words, so a run of their letters is not one word:
 * {@code データベース障害} holds {@code データベース}. A run of CJK letters (Han, Hiragana, Katakana and Hangul, with the
 * prolonged sound mark {@code ー} and the halfwidth marks {@code ｰ ﾞ ﾟ}) is indexed as every pair of neighbouring
 * letters, one position each: {@code 障害発生} is {@code 障害}, {@code 害発}, {@code 発生}. A lone CJK letter (between
 * other text) is indexed as itself. Letters are counted in code points, so a supplementary ideograph is one letter.
 * A query word made of CJK letters asks for all of its bigrams ({@link QueryPlanner}).
 *
 * <p>{@code isCjk} and {@code grams} in {@code assets/js/search-engine.js} apply the same rules; the parity tests
 * hold them together.
 */
final class CjkGrams {
    private CjkGrams() {
    }

    /** Returns true for a letter of a CJK run. */
    static boolean isCjk(int cp) {
        if (cp == 0x30FC || cp == 0xFF70 || cp == 0xFF9E || cp == 0xFF9F) {
            return true;
        }
        if (cp < 0x1100 || !Character.isLetter(cp)) {
            return false;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
    }

    /** Returns true when a word is a CJK run: not empty, and CJK letters only. */
    static boolean isRun(String word) {
        return !word.isEmpty() && word.codePoints().allMatch(CjkGrams::isCjk);
    }

    /** Returns the end of the CJK run that starts at {@code from} in a text. */
    static int runEnd(String text, int from) {
        int i = from;
        while (i < text.length() && isCjk(text.codePointAt(i))) {
            i += Character.charCount(text.codePointAt(i));
        }
        return i;
    }

    /** Returns the words a CJK run is indexed as, in order: its bigrams, or the run itself when it is one letter. */
    static List<String> grams(String run) {
        List<String> out = new ArrayList<>();
        for (WordSplitter.Word w : words(run, 0, run.length(), 0)) {
            out.add(w.surface());
        }
        return out;
    }

    /** Returns the distinct grams of a run, in order of first appearance. */
    static List<String> distinctGrams(String run) {
        return grams(run).stream().distinct().toList();
    }

    /**
     * Returns the words of the CJK run {@code text[start, end)}: each bigram at the next position, with the offsets of
     * its two letters; a run of one letter is one word.
     */
    static List<WordSplitter.Word> words(String text, int start, int end, int position) {
        List<WordSplitter.Word> out = new ArrayList<>();
        int first = start;
        int second = first + Character.charCount(text.codePointAt(first));
        if (second >= end) {
            out.add(new WordSplitter.Word(text.substring(first, end), position, first, end, false));
            return out;
        }
        int pos = position;
        while (second < end) {
            int after = second + Character.charCount(text.codePointAt(second));
            out.add(new WordSplitter.Word(text.substring(first, after), pos++, first, after, false));
            first = second;
            second = after;
        }
        return out;
    }
}
