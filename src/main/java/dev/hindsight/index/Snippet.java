package dev.hindsight.index;

import dev.hindsight.model.Validate;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A short passage of a document around the words that matched, with the matched words marked.
 *
 * @param text    the passage
 * @param matches start and end offsets of matched words in the passage, in pairs
 */
public record Snippet(String text, List<int[]> matches) {
    /** Characters in a snippet, about. */
    public static final int LENGTH = 220;

    public Snippet {
        Validate.notNull(text, "text");
        matches = List.copyOf(matches);
    }

    /**
     * Cuts the passage of a text that holds the most distinct matched terms (earliest on ties), about
     * {@value #LENGTH} characters from a little before the first match; the text's start when nothing matches.
     */
    static Snippet of(String text, Set<String> terms, SurfaceTerms mapper) {
        String t = text.replaceAll("\\s+", " ").strip();
        List<WordSplitter.Word> hits = new ArrayList<>();
        List<String> hitTerms = new ArrayList<>();
        for (WordSplitter.Word w : WordSplitter.split(t)) {
            mapper.term(w.surface()).filter(terms::contains).ifPresent(term -> {
                if (hits.isEmpty() || hits.get(hits.size() - 1).start() != w.start() || !w.part()) {
                    hits.add(w);
                    hitTerms.add(term);
                }
            });
        }
        int bestStart = 0;
        int bestScore = 0;
        for (int i = 0; i < hits.size(); i++) {
            Set<String> seen = new java.util.HashSet<>();
            for (int j = i; j < hits.size() && hits.get(j).end() - hits.get(i).start() <= LENGTH - 40; j++) {
                seen.add(hitTerms.get(j));
            }
            if (seen.size() > bestScore) {
                bestScore = seen.size();
                bestStart = hits.get(i).start();
            }
        }
        int from = bestScore == 0 ? 0 : Math.max(0, t.lastIndexOf(' ', Math.max(0, bestStart - 40)) + 1);
        if (from > 0 && bestStart - from > 60) {
            from = bestStart;
        }
        int to = Math.min(t.length(), from + LENGTH);
        if (to < t.length()) {
            int space = t.lastIndexOf(' ', to);
            to = space > from + LENGTH / 2 ? space : to;
        }
        String prefix = from > 0 ? "… " : "";
        String suffix = to < t.length() ? " …" : "";
        List<int[]> marks = new ArrayList<>();
        for (WordSplitter.Word w : hits) {
            if (w.start() >= from && w.end() <= to) {
                marks.add(new int[] {w.start() - from + prefix.length(), w.end() - from + prefix.length()});
            }
        }
        return new Snippet(prefix + t.substring(from, to) + suffix, marks);
    }

    /** Returns the passage with each match wrapped in the given marks, e.g. {@code [} and {@code ]}. */
    public String marked(String open, String close) {
        StringBuilder sb = new StringBuilder();
        int at = 0;
        for (int[] m : matches) {
            if (m[0] < at) {
                continue;
            }
            sb.append(text, at, m[0]).append(open).append(text, m[0], m[1]).append(close);
            at = m[1];
        }
        return sb.append(text.substring(at)).toString();
    }
}
