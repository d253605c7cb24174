package dev.hindsight.index;

import dev.hindsight.model.Validate;
import dev.hindsight.model.Postmortem;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The vocabulary of an index: the surface words of its documents' text fields (as {@link WordSplitter} splits
 * them, unstemmed) with the number of documents using each and their index terms, sorted as Java strings sort
 * (UTF-16 order, as JavaScript compares strings).
 */
public final class IndexVocabulary implements Vocabulary {
    private final String[] surfaces;
    private final String[] terms;
    private final int[] df;
    private final int docCount;
    private final Map<String, Integer> termDf;
    /** The analyzer for stems, one per thread (a pasted text asks for hundreds of stems). */
    private final ThreadLocal<SurfaceTerms> stems = ThreadLocal.withInitial(SurfaceTerms::new);

    private IndexVocabulary(String[] surfaces, String[] terms, int[] df, int docCount, Map<String, Integer> termDf) {
        this.surfaces = surfaces;
        this.terms = terms;
        this.df = df;
        this.docCount = docCount;
        this.termDf = termDf;
    }

    /** Reads the vocabulary of an index from its documents' text fields; stop words are left out. */
    public static IndexVocabulary of(IndexStore store) {
        Validate.notNull(store, "store");
        return of(store.docs());
    }

    /**
     * Builds the vocabulary of documents (in document order): every surface word with the documents using it. Each
     * document's words are split on all cores; the counting, in document order, is the same as a sequential pass.
     */
    static IndexVocabulary of(List<Postmortem> docs) {
        return of(docs, d -> distinctWords(docs.get(d)));
    }

    /**
     * Builds the vocabulary of documents from each one's distinct surface words (as {@link #distinctWords} gives
     * them, by document number: a build cache hands over those of unchanged documents).
     */
    static IndexVocabulary of(List<Postmortem> docs, java.util.function.IntFunction<List<String>> words) {
        List<List<String>> perDoc = java.util.stream.IntStream.range(0, docs.size()).parallel().mapToObj(words).toList();
        Map<String, Integer> seen = new HashMap<>();
        Map<String, int[]> byTerm = new HashMap<>();
        Map<String, java.util.Optional<String>> termOf = new HashMap<>();
        SurfaceTerms mapper = new SurfaceTerms();
        for (int d = 0; d < perDoc.size(); d++) {
            for (String surface : perDoc.get(d)) {
                seen.merge(surface, 1, Integer::sum);
                java.util.Optional<String> term = termOf.computeIfAbsent(surface, mapper::term);
                if (term.isPresent()) {
                    int[] c = byTerm.computeIfAbsent(term.get(), k -> new int[] {-1, 0});
                    if (c[0] != d) {
                        c[0] = d;
                        c[1]++;
                    }
                }
            }
        }
        Map<String, Integer> termDf = new HashMap<>();
        byTerm.forEach((t, c) -> termDf.put(t, c[1]));
        List<String> sorted = new ArrayList<>(seen.keySet());
        sorted.sort(Comparator.naturalOrder());
        List<String> s = new ArrayList<>();
        List<String> t = new ArrayList<>();
        List<Integer> f = new ArrayList<>();
        for (String w : sorted) {
            termOf.get(w).ifPresent(term -> {
                s.add(w);
                t.add(term);
                f.add(seen.get(w));
            });
        }
        return new IndexVocabulary(s.toArray(String[]::new), t.toArray(String[]::new),
                f.stream().mapToInt(Integer::intValue).toArray(), docs.size(), Map.copyOf(termDf));
    }

    /** Returns the surface words of a document's text fields, each once, in the order they first appear. */
    /** Returns an incident's distinct surface words, in the order they come (title, keywords, summary, body). */
    static List<String> distinctWords(Postmortem p) {
        java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
        List<WordSplitter.Word> words = new ArrayList<>();
        for (String f : IndexFields.TEXT) {
            words.clear();
            WordSplitter.split(IndexFields.text(p, f), words);
            for (WordSplitter.Word w : words) {
                out.add(w.surface());
            }
        }
        return List.copyOf(out);
    }

    /** Returns the number of surface words. */
    public int size() {
        return surfaces.length;
    }

    /** Returns the surface word at an index of the sorted vocabulary. */
    public String surface(int i) {
        return surfaces[i];
    }

    /** Returns the term of the surface word at an index. */
    public String termAt(int i) {
        return terms[i];
    }

    /** Returns the document frequency of the surface word at an index. */
    public int df(int i) {
        return df[i];
    }

    /** Returns the number of documents. */
    public int docCount() {
        return docCount;
    }

    /** Returns, per term, the surface word most documents use for it (ties: shorter, then alphabetical). */
    public java.util.Map<String, String> displayWords() {
        java.util.Map<String, Integer> best = new java.util.HashMap<>();
        for (int i = 0; i < surfaces.length; i++) {
            Integer b = best.get(terms[i]);
            if (b == null || df[i] > df[b] || df[i] == df[b] && surfaces[i].length() < surfaces[b].length()) {
                best.put(terms[i], i);
            }
        }
        java.util.Map<String, String> out = new java.util.HashMap<>();
        best.forEach((t, i) -> out.put(t, surfaces[i]));
        return out;
    }

    /** Returns every index term with the number of documents using it, sorted as Lucene sorts terms. */
    public java.util.SortedMap<String, Integer> termDocFreqs() {
        java.util.TreeMap<String, Integer> out = new java.util.TreeMap<>(IndexVocabulary::compareTerms);
        out.putAll(termDf);
        return out;
    }

    /** Compares two terms as Lucene orders them (UTF-8 bytes). */
    static int compareTerms(String a, String b) {
        return new org.apache.lucene.util.BytesRef(a).compareTo(new org.apache.lucene.util.BytesRef(b));
    }

    @Override
    public int surfaceDf(String surface) {
        int i = Arrays.binarySearch(surfaces, surface);
        return i >= 0 ? df[i] : 0;
    }

    @Override
    public int termDf(String term) {
        return termDf.getOrDefault(term, 0);
    }

    @Override
    public int stemDf(String term) {
        int i = Arrays.binarySearch(surfaces, term);
        return i >= 0 && terms[i].equals(term) ? df[i] : termDf(term);
    }

    @Override
    public Optional<String> stemmed(String surface) {
        return stems.get().term(surface).filter(termDf::containsKey);
    }

    @Override
    public Optional<String> term(String surface) {
        int i = Arrays.binarySearch(surfaces, surface);
        return i >= 0 ? Optional.of(terms[i]) : Optional.empty();
    }

    @Override
    public List<String> completions(String prefix, int max) {
        int from = Arrays.binarySearch(surfaces, prefix);
        from = from >= 0 ? from + 1 : -from - 1;
        List<Integer> hits = new ArrayList<>();
        for (int i = from; i < surfaces.length && surfaces[i].startsWith(prefix); i++) {
            hits.add(i);
        }
        hits.sort(Comparator.<Integer>comparingInt(i -> -df[i]).thenComparing(i -> surfaces[i]));
        Optional<String> own = term(prefix);
        Set<String> out = new LinkedHashSet<>();
        for (int i : hits) {
            if (out.size() >= max) {
                break;
            }
            if (own.isEmpty() || !own.get().equals(terms[i])) {
                out.add(terms[i]);
            }
        }
        return List.copyOf(out);
    }

    @Override
    public Optional<String> correction(String surface) {
        int max = TypoDistance.allowed(surface.length());
        String best = null;
        int bestDist = max + 1;
        int bestDf = -1;
        for (int i = 0; i < surfaces.length; i++) {
            String s = surfaces[i];
            if (Math.abs(s.length() - surface.length()) > max || !TypoDistance.eligible(s, df[i], docCount)) {
                continue;
            }
            int d = TypoDistance.distance(surface, s, max);
            if (d <= max && (d < bestDist || d == bestDist && df[i] > bestDf)) {
                best = s;
                bestDist = d;
                bestDf = df[i];
            }
        }
        return Optional.ofNullable(best);
    }
}
