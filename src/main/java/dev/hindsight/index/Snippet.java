package dev.hindsight.index;

import dev.hindsight.model.Validate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
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
     * {@value #LENGTH} characters from a little before the first match; the text's start when nothing matches. A word
     * is marked when its term is one of {@code terms}; CJK text where it spells one of {@code runs} (the query's CJK
     * words), wherever that stands, so {@code データベース} is marked inside {@code データベース障害}. Overlapping marks
     * merge into one.
     */
    static Snippet of(String text, Set<String> terms, Set<String> runs, SurfaceTerms mapper) {
        String t = text.replaceAll("\\s+", " ").strip();
        List<Hit> hits = hits(t, terms, runs, mapper);
        int bestStart = 0;
        int bestScore = 0;
        for (int i = 0; i < hits.size(); i++) {
            Set<String> seen = new java.util.HashSet<>();
            for (int j = i; j < hits.size() && hits.get(j).end() - hits.get(i).start() <= LENGTH - 40; j++) {
                seen.add(hits.get(j).key());
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
        for (Hit h : hits) {
            if (h.start() >= from && h.end() <= to) {
                int[] last = marks.isEmpty() ? null : marks.get(marks.size() - 1);
                int start = h.start() - from + prefix.length();
                int end = h.end() - from + prefix.length();
                if (last != null && start < last[1]) {
                    last[1] = Math.max(last[1], end);
                } else {
                    marks.add(new int[] {start, end});
                }
            }
        }
        return new Snippet(prefix + t.substring(from, to) + suffix, marks);
    }

    /** A matched stretch of text, and the term or CJK word it matched. */
    private record Hit(int start, int end, String key) {
    }

    /** Returns the matches in a text, by start: words with a wanted term (a compound's first part left out), CJK words. */
    private static List<Hit> hits(String t, Set<String> terms, Set<String> runs, SurfaceTerms mapper) {
        List<Hit> hits = new ArrayList<>();
        WordSplitter.Word previous = null;
        for (WordSplitter.Word w : WordSplitter.split(t)) {
            if (CjkGrams.isRun(w.surface())) {
                continue;
            }
            Optional<String> term = mapper.term(w.surface()).filter(terms::contains);
            if (term.isPresent() && (previous == null || previous.start() != w.start() || !w.part())) {
                hits.add(new Hit(w.start(), w.end(), term.get()));
                previous = w;
            }
        }
        for (String run : runs) {
            for (int at = t.indexOf(run); at >= 0; at = t.indexOf(run, at + 1)) {
                hits.add(new Hit(at, at + run.length(), run));
            }
        }
        hits.sort(Comparator.comparingInt(Hit::start).thenComparing(Comparator.comparingInt(Hit::end).reversed()));
        return hits;
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
