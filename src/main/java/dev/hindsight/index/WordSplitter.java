package dev.hindsight.index;

import dev.hindsight.model.Validate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits text into surface words the way incident writers use them, keeping identifiers whole.
 *
 * <p>A word is a run of letters and digits; the joiners {@code . - _ '} stay inside a word when a letter or
 * digit follows them, so {@code db-primary-02.internal}, {@code PM2021-008}, {@code max_connections},
 * {@code x509} and {@code k8s} are single words. Words are lower-cased ({@link Locale#ROOT}), a typographic
 * apostrophe becomes {@code '}, and a trailing possessive {@code 's} is dropped. A word holding {@code . - _}
 * is a compound: its parts (split at those joiners) follow it, the first part at the compound's position and
 * each next part one position further, so {@code "primary 02"} is a phrase inside {@code db-primary-02}.
 * Words longer than {@value #MAX_WORD} characters are left out; the parts of a longer compound stay, as words.
 *
 * <p>Chinese, Japanese and Korean letters never join a word of other letters: a run of them becomes its bigrams
 * ({@link CjkGrams}), so {@code DB障害} is {@code db} then {@code 障害}. Fullwidth forms of ASCII ({@code ＤＢ},
 * {@code ５０３}, {@code －}) are read as ASCII first; that keeps every offset, one UTF-16 unit for one.
 *
 * <p>{@code assets/js/search-engine.js} implements exactly these rules ({@code splitWords}); the parity test
 * holds them together.
 */
public final class WordSplitter {
    /** Longest word kept, in UTF-16 units; longer ones are hashes, base64 or noise. */
    public static final int MAX_WORD = 48;
    /** From a fullwidth form of ASCII to ASCII ({@code Ａ} U+FF21 to {@code A} U+0041). */
    private static final int FULLWIDTH_OFFSET = 0xFEE0;
    /** The first unit past ASCII. */
    private static final int ASCII = 0x80;

    /**
     * One word of a text.
     *
     * @param surface  the lower-cased word
     * @param position its position (0-based; a compound and its first part share one)
     * @param start    start offset in the text
     * @param end      end offset in the text
     * @param part     true for a part of a compound that is itself kept
     */
    public record Word(String surface, int position, int start, int end, boolean part) {
    }

    private WordSplitter() {
    }

    /** Returns the words of a text with their positions, compounds followed by their parts. */
    public static List<Word> split(String text) {
        List<Word> out = new ArrayList<>();
        split(text, out);
        return out;
    }

    /** Adds the words of a text to a list, as {@link #split(String)} returns them. */
    static void split(String text, List<Word> out) {
        scan(text, false, out);
    }

    /**
     * Returns the words of a text as typed in a query: compounds whole, no parts, and a CJK run whole (the planner
     * asks for its bigrams).
     */
    public static List<String> queryWords(String text) {
        List<Word> words = new ArrayList<>();
        scan(text, true, words);
        return topLevel(words);
    }

    /** Returns the top-level words of a text as it is indexed: compounds whole, no parts, CJK runs as bigrams. */
    public static List<String> words(String text) {
        return topLevel(split(text));
    }

    private static List<String> topLevel(List<Word> words) {
        List<String> out = new ArrayList<>();
        for (Word w : words) {
            if (!w.part()) {
                out.add(w.surface());
            }
        }
        return out;
    }

    /** Adds the words of a text to a list; a CJK run as its bigrams, or whole when {@code wholeRuns}. */
    private static void scan(String raw, boolean wholeRuns, List<Word> out) {
        Validate.notNull(raw, "text");
        String text = foldWidth(raw);
        int pos = 0;
        int i = 0;
        int n = text.length();
        while (i < n) {
            // Most of a postmortem is ASCII, read without asking the Unicode tables (isWordChar answers it itself).
            char c = text.charAt(i);
            int cp = c < ASCII ? c : text.codePointAt(i);
            if (CjkGrams.isCjk(cp)) {
                int end = CjkGrams.runEnd(text, i);
                List<Word> grams = wholeRuns ? List.of(new Word(text.substring(i, end), pos, i, end, false))
                        : CjkGrams.words(text, i, end, pos);
                out.addAll(grams);
                pos = grams.get(grams.size() - 1).position() + 1;
                i = end;
            } else if (isWordChar(cp)) {
                int end = scanWord(text, i);
                pos = emit(text.substring(i, end), i, pos, out);
                i = end;
            } else {
                i += Character.charCount(cp);
            }
        }
    }

    /** Returns a text with the fullwidth forms of ASCII ({@code U+FF01} to {@code U+FF5E}) read as ASCII. */
    static String foldWidth(String text) {
        char[] chars = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '\uFF01' && c <= '\uFF5E') {
                chars = chars == null ? text.toCharArray() : chars;
                chars[i] = (char) (c - FULLWIDTH_OFFSET);
            }
        }
        return chars == null ? text : new String(chars);
    }

    /** Returns the parts of a compound word, or an empty list when the word has no {@code . - _}. */
    public static List<String> parts(String surface) {
        if (!isCompound(surface)) {
            return List.of();
        }
        List<String> parts = new ArrayList<>();
        int from = 0;
        for (int i = 0; i <= surface.length(); i++) {
            if (i == surface.length() || isCompoundJoiner(surface.charAt(i))) {
                if (i > from && i - from <= MAX_WORD) {
                    parts.add(surface.substring(from, i));
                }
                from = i + 1;
            }
        }
        return parts;
    }

    /** Returns true when a surface word holds a compound joiner ({@code . - _}). */
    public static boolean isCompound(String surface) {
        for (int i = 0; i < surface.length(); i++) {
            if (isCompoundJoiner(surface.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isCompoundJoiner(char c) {
        return c == '.' || c == '-' || c == '_';
    }

    /** Returns true for the letters and decimal digits that make up words, CJK letters aside. */
    static boolean isWordChar(int cp) {
        if (cp < ASCII) {
            return isAsciiWordChar(cp);
        }
        return (Character.isLetter(cp) || Character.isDigit(cp)) && !CjkGrams.isCjk(cp);
    }

    /** Returns true for an ASCII letter or digit: what {@link Character#isLetterOrDigit} says of ASCII. */
    private static boolean isAsciiWordChar(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }

    private static boolean isJoiner(char c) {
        return c == '.' || c == '-' || c == '_' || c == '\'' || c == '\u2019';
    }

    private static int scanWord(String text, int from) {
        int i = from;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            int cp = c < ASCII ? c : text.codePointAt(i);
            if (isWordChar(cp)) {
                i += Character.charCount(cp);
            } else if (isJoiner(text.charAt(i)) && i + 1 < n && isWordChar(text.codePointAt(i + 1))) {
                i++;
            } else {
                break;
            }
        }
        return i;
    }

    /** Adds a raw word (and its parts) at the next position and returns the position after it. */
    private static int emit(String raw, int start, int pos, List<Word> out) {
        String w = normalize(raw);
        int end = start + raw.length();
        List<String> parts = parts(w);
        if (parts.isEmpty()) {
            if (w.length() <= MAX_WORD) {
                out.add(new Word(w, pos, start, end, false));
            }
            return pos + 1;
        }
        boolean kept = w.length() <= MAX_WORD;
        if (kept) {
            out.add(new Word(w, pos, start, end, false));
        }
        int p = pos;
        int from = 0;
        String lower = raw.toLowerCase(Locale.ROOT);
        for (String part : parts) {
            int at = lower.indexOf(part, from);
            int s = at < 0 ? start : start + at;
            out.add(new Word(part, p, s, at < 0 ? end : s + part.length(), kept));
            from = at < 0 ? from : at + part.length();
            p++;
        }
        return p;
    }

    /** Lower-cases a word, unifies apostrophes and drops a trailing possessive. */
    static String normalize(String raw) {
        String w = raw.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        if (w.endsWith("'s") && w.length() > 2) {
            w = w.substring(0, w.length() - 2);
        }
        return w;
    }
}
