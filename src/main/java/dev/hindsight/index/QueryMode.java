package dev.hindsight.index;

/**
 * How a query is read; docs/search.md states the rules, and {@code search-engine.js} applies the same ones.
 * <ul>
 *   <li>{@link #SHORT}: up to {@value #SHORT_WORDS} words, each used by some incident (or corrected to one). Every-word
 *       matches with an exact count and facet counts, as before; when fewer than {@value #PAGE} incidents match every
 *       word, the best partial matches follow under a divider.</li>
 *   <li>{@link #RELAXED}: a longer description, or a word no incident uses (it is dropped and shown as missing).
 *       Every-word matches first, then incidents matching at least {@link #minMatch} of the words, by BM25 over
 *       the words they match; the best {@value #BEST} are shown, not a total.</li>
 *   <li>{@link #LONG}: pasted text (more than {@value #LONG_WORDS} words, or more than one line): "more like this".
 *       The rarest words the corpus uses are picked ({@link PasteTerms}), others ignored; no typo correction, no
 *       prefix completion; incidents matching at least two of them, by BM25.</li>
 * </ul>
 */
public enum QueryMode {
    SHORT, RELAXED, LONG;

    /** Words a short query may have. */
    public static final int SHORT_WORDS = 4;
    /** A query with more words than this is pasted text. */
    public static final int LONG_WORDS = 16;
    /** Words of input read, at most; the rest is ignored. */
    public static final int MAX_WORDS = 2000;
    /** Results on a page; relaxed matches are added only when fewer incidents match every word. */
    public static final int PAGE = 10;
    /** Results shown at most in relaxed and long modes. */
    public static final int BEST = 50;
    /**
     * Share of the words a relaxed match needs, at least, besides the floor of two. Zero: measured on the symptom
     * queries, requiring 40% of the words cut MRR@10 from 0.47 to 0.39 on jenkins-status-incidents and from 0.72 to
     * 0.64 on dfds-postmortems, against 0.48 and 0.72 for plain BM25 (docs/search.md).
     */
    public static final double MIN_SHARE = 0;

    /** Returns the mode's name as the manifest, the JSON output and the page write it. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Returns how many of n query words a relaxed match needs: {@value #MIN_SHARE} of them rounded up, and at least
     * two once the query has three words (one for one or two words): two words in common is the least that says
     * "this incident is about the same thing", one common word is noise.
     */
    public static int minMatch(int n) {
        if (n < 3) {
            return Math.min(1, n);
        }
        return Math.max(2, (int) Math.ceil(MIN_SHARE * n - 1e-9));
    }
}
