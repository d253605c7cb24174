package dev.hindsight.index;

/**
 * Damerau-Levenshtein distance (optimal string alignment: insert, delete, substitute, swap two neighbours)
 * and the typo budget: 1 edit, or 2 for words of {@value #LONG_WORD} characters or more.
 */
public final class TypoDistance {
    /** Words this long or longer may have two typos. */
    public static final int LONG_WORD = 8;
    /** Shorter words are never corrected. */
    public static final int MIN_WORD = 3;

    private TypoDistance() {
    }

    /** Longest word in the typo lexicon. */
    public static final int MAX_WORD = 24;

    /**
     * Returns true when a corpus word belongs in the typo lexicon: letters only, 3 to 24 long, and in two or more
     * documents once the corpus has 1,000 (a word in one document of a big corpus is more often a typo itself).
     */
    public static boolean eligible(String surface, int df, int docCount) {
        if (surface.length() < MIN_WORD || surface.length() > MAX_WORD || df < (docCount >= 1000 ? 2 : 1)) {
            return false;
        }
        for (int i = 0; i < surface.length(); i++) {
            if (!Character.isLetter(surface.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Returns the edits allowed for a query word of this length (0 for words too short to correct). */
    public static int allowed(int length) {
        return length < MIN_WORD ? 0 : length >= LONG_WORD ? 2 : 1;
    }

    /** Returns the distance between two words, or {@code max + 1} as soon as it is known to exceed max. */
    public static int distance(String a, String b, int max) {
        int n = a.length();
        int m = b.length();
        if (Math.abs(n - m) > max) {
            return max + 1;
        }
        int[] prev2 = new int[m + 1];
        int[] prev = new int[m + 1];
        int[] cur = new int[m + 1];
        for (int j = 0; j <= m; j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= n; i++) {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= m; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, prev2[j - 2] + 1);
                }
                cur[j] = v;
                rowMin = Math.min(rowMin, v);
            }
            if (rowMin > max) {
                return max + 1;
            }
            int[] t = prev2;
            prev2 = prev;
            prev = cur;
            cur = t;
        }
        return Math.min(prev[m], max + 1);
    }
}
