package dev.hindsight.index;

import dev.hindsight.model.KeyHash;
import dev.hindsight.model.Postmortem;
import dev.hindsight.model.SectionKind;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.IndexSearcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * What the similar-incident lists of one build read, besides the incidents they keep: each incident's digest and
 * gist terms, and the marks of the statistics ({@link SimilarState}) that {@link SimilarReuse} compares with the
 * build before.
 */
final class SimilarInputs {
    /** How many documents one task of {@link #parallel} takes. */
    private static final int BLOCK = 256;
    /** The fields the two queries score. */
    private static final List<String> SCORED_FIELDS = List.of(IndexFields.SIMILAR_TEXT[0], "causes", "services");
    /** The fields of the shared causes and services query. */
    private static final List<String> FACET_FIELDS = List.of("causes", "services");

    private final IndexStore store;
    private final IndexSearcher searcher;
    private final SharedWords reasons;
    private final Function<String, String> display;
    private final int maxDocFreq;

    /** Creates the inputs of one build's lists, scored by a rounding searcher, with a query term's ceiling. */
    SimilarInputs(IndexStore store, IndexSearcher searcher, SharedWords reasons, Function<String, String> display,
                  int maxDocFreq) {
        this.store = store;
        this.searcher = searcher;
        this.reasons = reasons;
        this.display = display;
        this.maxDocFreq = maxDocFreq;
    }

    /** Returns a function of every document number, worked out on the pool, in document order. */
    static <T> List<T> parallel(ExecutorService pool, int n, IntFunction<T> f)
            throws InterruptedException, ExecutionException {
        List<Future<List<T>>> parts = new ArrayList<>();
        for (int from = 0; from < n; from += BLOCK) {
            int start = from;
            int end = Math.min(n, from + BLOCK);
            parts.add(pool.submit(() -> {
                List<T> part = new ArrayList<>(end - start);
                for (int d = start; d < end; d++) {
                    part.add(f.apply(d));
                }
                return part;
            }));
        }
        List<T> out = new ArrayList<>(n);
        for (Future<List<T>> part : parts) {
            out.addAll(part.get());
        }
        return out;
    }

    /** Returns the digest of everything a list reads of its own incident. */
    String digest(int doc) {
        return digest(store.docs().get(doc), store.digest(doc));
    }

    /**
     * Returns the digest of everything a list reads of an incident, from the digest of what the index holds of it
     * ({@link IndexStore#digest}): a function of the incident alone, which the build cache keeps by its digest.
     */
    static String digest(Postmortem p, String indexed) {
        KeyHash md = KeyHash.start();
        String cause = p.section(SectionKind.ROOT_CAUSE).map(s -> s.text()).orElse("");
        for (String part : List.of(indexed, String.valueOf(p.nearMiss()), SimilarFinder.gist(p), cause)) {
            md.update(part.getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
        }
        return md.hex();
    }

    /** Returns the distinct body terms of an incident's gist, sorted: every term MoreLikeThis may pick from it. */
    List<String> gistTerms(Postmortem p) {
        return List.copyOf(new TreeSet<>(reasons.tokens(SimilarFinder.gist(p))));
    }

    /** Receives one term's document frequency and total frequency. */
    private interface TermFrequencies {
        void accept(String term, int docFreq, long totalTermFreq);
    }

    /**
     * Reads the frequencies of terms of a field, in term order, through one terms enum per segment (a seek each on the
     * same enum, where asking the reader made an enum per question: three per gist term, a second at 10,000 incidents).
     */
    private static void frequencies(IndexReader reader, String field, java.util.SortedSet<String> wanted,
                                    TermFrequencies sink) throws IOException {
        List<org.apache.lucene.index.TermsEnum> enums = new ArrayList<>();
        for (org.apache.lucene.index.LeafReaderContext leaf : reader.leaves()) {
            org.apache.lucene.index.Terms t = leaf.reader().terms(field);
            if (t != null) {
                enums.add(t.iterator());
            }
        }
        for (String term : wanted) {
            org.apache.lucene.util.BytesRef bytes = new org.apache.lucene.util.BytesRef(term);
            int docFreq = 0;
            long total = 0;
            for (org.apache.lucene.index.TermsEnum te : enums) {
                if (te.seekExact(bytes)) {
                    docFreq += te.docFreq();
                    total += te.totalTermFreq();
                }
            }
            sink.accept(term, docFreq, total);
        }
    }

    /**
     * Returns what this build's lists read besides their incidents (no documents): the global statistics, each gist
     * term's mark, and each cause's and service's rounded frequency.
     */
    SimilarState marks(List<List<String>> gists) throws IOException {
        IndexReader reader = store.reader();
        List<Long> globals = new ArrayList<>(List.of((long) maxDocFreq));
        for (String field : SCORED_FIELDS) {
            CollectionStatistics stats = searcher.collectionStatistics(field);
            globals.add(stats == null ? 0 : stats.docCount());
            globals.add(stats == null ? 0 : stats.sumTotalTermFreq());
        }
        TreeSet<String> distinct = new TreeSet<>();
        gists.forEach(distinct::addAll);
        Map<String, SimilarState.TermMark> terms = new HashMap<>();
        frequencies(reader, IndexFields.SIMILAR_TEXT[0], distinct, (t, docFreq, total) -> {
            reasons.knowRecurring(t, docFreq, total);
            int df = FrequencyTable.entry(docFreq, SimilarFinder.MIN_DOC_FREQ, maxDocFreq);
            terms.put(t, df == 0 ? SimilarState.TermMark.UNUSED
                    : new SimilarState.TermMark(df, reasons.recurring(t), display.apply(t)));
        });
        Map<String, Long> facets = new HashMap<>();
        for (Postmortem p : store.docs()) {
            for (String field : FACET_FIELDS) {
                for (String v : IndexFields.facet(p, field)) {
                    String key = field + ":" + v;
                    if (!facets.containsKey(key)) {
                        facets.put(key, QuantizedSearcher.count(reader.docFreq(new Term(field, v))));
                    }
                }
            }
        }
        return new SimilarState(List.copyOf(globals), terms, facets, Map.of());
    }
}
