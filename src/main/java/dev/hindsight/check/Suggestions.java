package dev.hindsight.check;

import dev.hindsight.model.Term;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * "Did you mean …" for vocabulary ids: the closest ids by edit distance (with transpositions), comparing with
 * both the id and the label, ignoring case and punctuation; an id that starts with the value counts as close.
 */
public final class Suggestions {
    private static final int MAX = 3;

    private Suggestions() {
    }

    /** Returns up to three ids closest to a value (all at the smallest distance found), in id order. */
    static List<String> closest(String value, List<Term> vocabulary) {
        String v = fold(value);
        record Hit(String id, int distance) {
        }
        List<Hit> hits = new ArrayList<>();
        int limit = Math.max(1, Math.min(3, v.length() / 3));
        for (Term t : vocabulary) {
            int d = Math.min(distance(v, fold(t.id())), distance(v, fold(t.label())));
            if (d > limit && v.length() >= 3 && (fold(t.id()).startsWith(v) || v.startsWith(fold(t.id())))) {
                d = limit;
            }
            if (d <= limit) {
                hits.add(new Hit(t.id(), d));
            }
        }
        hits.sort(Comparator.comparingInt(Hit::distance).thenComparing(Hit::id));
        int best = hits.isEmpty() ? 0 : hits.get(0).distance();
        return hits.stream().filter(h -> h.distance() == best).limit(MAX).map(Hit::id).toList();
    }

    /** Returns the message tail for an unknown id: "; did you mean `x`?", or the vocabulary of the setting. */
    public static String hint(String value, List<Term> vocabulary, String setting) {
        List<String> close = closest(value, vocabulary);
        if (!close.isEmpty()) {
            return "; did you mean " + String.join(" or ", close.stream().map(s -> "`" + s + "`").toList()) + "?";
        }
        if (vocabulary.size() <= 12) {
            return " (site.yml " + setting + ": " + String.join(", ", vocabulary.stream().map(Term::id).toList()) + ")";
        }
        return " (see " + setting + " in site.yml)";
    }

    /** Lower-cases and drops everything but letters and digits. */
    static String fold(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toLowerCase(Locale.ROOT).toCharArray()) {
            if (Character.isLetterOrDigit(c)) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Returns the optimal-string-alignment distance: insertions, deletions, substitutions and adjacent swaps. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int best = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    best = Math.min(best, d[i - 2][j - 2] + 1);
                }
                d[i][j] = best;
            }
        }
        return d[a.length()][b.length()];
    }
}
