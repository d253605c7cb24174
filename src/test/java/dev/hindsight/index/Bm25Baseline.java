package dev.hindsight.index;

import dev.hindsight.model.Postmortem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The baseline a real search must beat: plain BM25 with OR semantics over the raw Markdown of each incident file.
 * Lower-cased; a token is a run of Unicode letters and digits; the index's stop words are left out; no stemming.
 * k1 = 1.2, b = 0.75, idf = ln(1 + (N - df + 0.5) / (df + 0.5)); ranked by score, then by source.
 */
final class Bm25Baseline {
    static final double K1 = 1.2;
    static final double B = 0.75;
    private static final Set<String> STOP = Set.copyOf(IncidentAnalyzer.STOPWORDS);

    private final List<String> sources = new ArrayList<>();
    private final List<Map<String, Integer>> termFreqs = new ArrayList<>();
    private final List<Integer> lengths = new ArrayList<>();
    private final Map<String, Integer> docFreqs = new HashMap<>();
    private final double avgLength;

    /** Indexes the file of every incident, read from the content folder. */
    Bm25Baseline(Path folder, List<Postmortem> incidents) throws IOException {
        long total = 0;
        for (Postmortem p : incidents) {
            List<String> tokens = tokens(new String(Files.readAllBytes(folder.resolve(p.source())), StandardCharsets.UTF_8));
            Map<String, Integer> tf = new HashMap<>();
            tokens.forEach(t -> tf.merge(t, 1, Integer::sum));
            tf.keySet().forEach(t -> docFreqs.merge(t, 1, Integer::sum));
            sources.add(p.source());
            termFreqs.add(tf);
            lengths.add(tokens.size());
            total += tokens.size();
        }
        avgLength = sources.isEmpty() ? 0 : (double) total / sources.size();
    }

    /** Returns the sources of the best documents holding at least one query token. */
    List<String> search(String query, int limit) {
        Set<String> terms = new LinkedHashSet<>(tokens(query));
        int n = sources.size();
        Map<String, Double> scores = new HashMap<>();
        for (String t : terms) {
            int df = docFreqs.getOrDefault(t, 0);
            double idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
            for (int d = 0; d < n; d++) {
                Integer tf = termFreqs.get(d).get(t);
                if (tf != null) {
                    double norm = K1 * (1 - B + B * lengths.get(d) / avgLength);
                    scores.merge(sources.get(d), idf * tf * (K1 + 1) / (tf + norm), Double::sum);
                }
            }
        }
        Comparator<String> byScore = Comparator.comparing(scores::get);
        return scores.keySet().stream().sorted(byScore.reversed().thenComparing(Comparator.naturalOrder()))
                .limit(limit).toList();
    }

    /** Lower-cased runs of letters and digits, stop words left out. */
    static List<String> tokens(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < lower.length()) {
            int start = i;
            while (i < lower.length() && isWordChar(lower.codePointAt(i))) {
                i += Character.charCount(lower.codePointAt(i));
            }
            if (i > start) {
                String t = lower.substring(start, i);
                if (!STOP.contains(t)) {
                    out.add(t);
                }
            } else {
                i += Character.charCount(lower.codePointAt(i));
            }
        }
        return out;
    }

    private static boolean isWordChar(int cp) {
        return Character.isLetter(cp) || Character.isDigit(cp);
    }
}
