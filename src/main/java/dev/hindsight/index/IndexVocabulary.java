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
        // One look-up a word a document: each surface word's tally holds its term's counter, which the surface words
        // of one term share (three look-ups a word were a tenth of the stage at 10,000 incidents).
        Map<String, Tally> tallies = new HashMap<>();
        Map<String, int[]> byTerm = new HashMap<>();
        SurfaceTerms mapper = new SurfaceTerms();
        for (int d = 0; d < perDoc.size(); d++) {
            for (String surface : perDoc.get(d)) {
                Tally tally = tallies.get(surface);
                if (tally == null) {
                    Optional<String> term = mapper.term(surface);
                    tally = new Tally(term.orElse(null), term.map(k -> byTerm.computeIfAbsent(k, x -> new int[] {-1, 0}))
                            .orElse(null));
                    tallies.put(surface, tally);
                }
                tally.docs++;
                int[] c = tally.termDocs;
                if (c != null && c[0] != d) {
                    c[0] = d;
                    c[1]++;
                }
            }
        }
        Map<String, Integer> termDf = new HashMap<>();
        byTerm.forEach((t, c) -> termDf.put(t, c[1]));
        List<String> sorted = new ArrayList<>();
        tallies.forEach((w, tally) -> {
            if (tally.term != null) {
                sorted.add(w);
            }
        });
        sorted.sort(Comparator.naturalOrder());
        String[] s = sorted.toArray(String[]::new);
        String[] t = new String[s.length];
        int[] f = new int[s.length];
        for (int i = 0; i < s.length; i++) {
            Tally tally = tallies.get(s[i]);
            t[i] = tally.term;
            f[i] = tally.docs;
        }
        return new IndexVocabulary(s, t, f, docs.size(), Map.copyOf(termDf));
    }

    /**
     * What {@link #of} counts of a surface word: its term (null for a stop word), the number of documents using it,
     * and its term's counter: the last document counted and the number of documents using the term.
     */
    private static final class Tally {
        private final String term;
        private final int[] termDocs;
        private int docs;

        Tally(String term, int[] termDocs) {
            this.term = term;
            this.termDocs = termDocs;
        }
    }

    /**
     * Returns this vocabulary after some documents left it and others joined it, each given by its distinct surface
     * words (as {@link #distinctWords} gives them): what {@link #of} makes from the documents now there, without
     * counting the ones that stayed. A warm build that changed a few incidents uses it.
     */
    IndexVocabulary update(List<List<String>> left, List<List<String>> joined, int docCount) {
        Map<String, Integer> surfaceDf = new HashMap<>(surfaces.length * 2);
        Map<String, String> termOf = new HashMap<>(surfaces.length * 2);
        for (int i = 0; i < surfaces.length; i++) {
            surfaceDf.put(surfaces[i], df[i]);
            termOf.put(surfaces[i], terms[i]);
        }
        Map<String, Integer> tdf = new HashMap<>(termDf);
        Set<String> termless = new java.util.HashSet<>();
        SurfaceTerms mapper = new SurfaceTerms();
        for (List<String> words : left) {
            count(words, -1, surfaceDf, termOf, tdf, termless, mapper);
        }
        for (List<String> words : joined) {
            count(words, 1, surfaceDf, termOf, tdf, termless, mapper);
        }
        surfaceDf.values().removeIf(n -> n <= 0);
        tdf.values().removeIf(n -> n <= 0);
        String[] s = surfaceDf.keySet().toArray(String[]::new);
        Arrays.sort(s);
        String[] t = new String[s.length];
        int[] f = new int[s.length];
        for (int i = 0; i < s.length; i++) {
            t[i] = termOf.get(s[i]);
            f[i] = surfaceDf.get(s[i]);
        }
        return new IndexVocabulary(s, t, f, docCount, Map.copyOf(tdf));
    }

    /** Adds (or takes away) one document's distinct words to the counts; a word with no index term is not counted. */
    private static void count(List<String> words, int delta, Map<String, Integer> surfaceDf, Map<String, String> termOf,
                              Map<String, Integer> termDf, Set<String> termless, SurfaceTerms mapper) {
        Set<String> docTerms = new java.util.HashSet<>();
        for (String w : words) {
            String term = termOf.get(w);
            if (term == null && !termless.contains(w)) {
                term = mapper.term(w).orElse(null);
                if (term == null) {
                    termless.add(w);
                } else {
                    termOf.put(w, term);
                }
            }
            if (term != null) {
                surfaceDf.merge(w, delta, Integer::sum);
                docTerms.add(term);
            }
        }
        for (String term : docTerms) {
            termDf.merge(term, delta, Integer::sum);
        }
    }

    /**
     * What a vocabulary is, as the build cache keeps it: its surface words in order with their terms and document
     * counts, each term's document count, and the number of documents.
     */
    record State(List<String> surfaces, List<String> terms, List<Integer> df, Map<String, Integer> termDf, int docCount) {
    }

    /** Returns this vocabulary as the build cache keeps it. */
    State state() {
        return new State(List.of(surfaces), List.of(terms), Arrays.stream(df).boxed().toList(), termDf, docCount);
    }

    /** Returns the vocabulary a build cache kept. */
    static IndexVocabulary of(State s) {
        Validate.isTrue(s.surfaces().size() == s.terms().size() && s.terms().size() == s.df().size(),
                "a vocabulary's columns have one length");
        return new IndexVocabulary(s.surfaces().toArray(String[]::new), s.terms().toArray(String[]::new),
                s.df().stream().mapToInt(Integer::intValue).toArray(), s.docCount(), Map.copyOf(s.termDf()));
    }

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

    /**
     * Compares two terms as Lucene orders them (UTF-8 bytes). Below U+D800 the order of UTF-16 units is that of UTF-8
     * bytes, so the two strings are compared unit by unit without encoding them (the export sorts every term of the
     * index with this: encoding both on each comparison was 5% of a warm 10k build); at the first unit where they
     * differ and either is a surrogate or above, both are encoded as Lucene encodes them (a lone surrogate as U+FFFD).
     */
    static int compareTerms(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                if (x < Character.MIN_SURROGATE && y < Character.MIN_SURROGATE) {
                    return x - y;
                }
                return new org.apache.lucene.util.BytesRef(a).compareTo(new org.apache.lucene.util.BytesRef(b));
            }
        }
        return a.length() - b.length();
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
