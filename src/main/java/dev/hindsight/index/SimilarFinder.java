package dev.hindsight.index;

import dev.hindsight.model.Postmortem;
import dev.hindsight.model.SectionKind;
import dev.hindsight.model.Validate;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Finds up to {@value #MAX} similar incidents for every incident, with reasons.
 *
 * <p>Candidates are the top {@value #CANDIDATES} of Lucene's {@link MoreLikeThis} against the body field, with
 * the query terms taken from the incident's gist (title, summary and the start of its root cause: what it is
 * about, without the noise of timelines; and ten times cheaper than the whole body at 10,000 incidents), at most
 * {@value #QUERY_TERMS} terms, each in at least {@value #MIN_DOC_FREQ} documents and at most {@value #MAX_DOC_FREQ_PCT}% of them
 * (or {@value #MIN_MAX_DOC_FREQ}, in small sites);
 * plus the top {@value #FACET_CANDIDATES} incidents sharing the most specific causes and services.
 * Each candidate scores {@code text + 0.35 * (shared causes / causes) + 0.25 * (shared services / services)},
 * where {@code text} is its MoreLikeThis score divided by the incident's score against its own query (0 to
 * about 1). The cost is two bounded queries per incident (MoreLikeThis and shared facets), scored from
 * {@link TermImpacts} rather than through the searcher; incidents are spread over all cores. The shared words shown are chosen by {@link SharedWords}. {@link CalendarWords}
 * (years, day numbers, months, weekdays, times, zones) are never query terms, so a link is never made, scored or
 * explained by two incidents happening on similar dates. A candidate under {@value #RELATIVE_CUTOFF} of the best
 * score is left out, so a list can be shorter than five; and of a near miss and a real incident sharing the same
 * causes and services, the real incident comes first.
 *
 * <p>Both queries are scored with rounded statistics ({@link QuantizedSearcher}), and each build keeps what each list
 * was made from ({@link SimilarState}), so the next build makes again only the lists its changes can reach
 * ({@link SimilarReuse}); the rest are kept, and are the lists a build without that state makes.
 */
final class SimilarFinder {
    static final int MAX = 5;
    /** A candidate scoring under this share of the best one is weak and left out. */
    static final double RELATIVE_CUTOFF = 0.5;
    static final int CANDIDATES = 20;
    static final int FACET_CANDIDATES = 10;
    static final int QUERY_TERMS = 20;
    static final int MAX_DOC_FREQ_PCT = 15;
    /** A query term is in at least this many documents (the incident itself and one more). */
    static final int MIN_DOC_FREQ = 2;
    /** Small sites: a term may be in this many documents even when that is more than the percentage. */
    static final int MIN_MAX_DOC_FREQ = 5;
    /** How much of the root-cause section an incident's gist takes. */
    static final int GIST_SECTION = 600;
    private static final int BLOCK = 64;

    private final IndexStore store;
    private final Function<String, String> display;
    private final SharedWords reasons;
    /** Scores with rounded statistics, so one edit moves few of them. */
    private final IndexSearcher searcher;
    /** Each query term's document scores, computed once for all the queries that use it. */
    private final TermImpacts impacts;

    /** Creates a finder; display turns an index term into the word shown as a reason. */
    SimilarFinder(IndexStore store, Function<String, String> display) {
        this.store = Validate.notNull(store, "store");
        this.display = Validate.notNull(display, "display");
        this.reasons = new SharedWords(store, display);
        this.searcher = new QuantizedSearcher(store.reader());
        this.impacts = new TermImpacts(searcher);
    }

    /** Returns the similar incidents of every incident, by slug, in slug order. */
    Map<String, List<Similar>> findAll(int threads) throws IOException {
        return findAll(threads, SimilarState.NONE).lists();
    }

    /**
     * The lists of every incident with a list, by slug in slug order; what they were made from, for the next build;
     * and how many were made rather than kept from the build before.
     */
    record Found(Map<String, List<Similar>> lists, SimilarState state, int made) {
    }

    /**
     * Returns the similar incidents of every incident, keeping from the state of the build before every list whose
     * inputs are the same ({@link SimilarReuse}); the lists are those a build without that state makes.
     */
    Found findAll(int threads, SimilarState before) throws IOException {
        return findAll(threads, before, List.of());
    }

    /**
     * Returns the lists as {@link #findAll(int, SimilarState)} does, with each document's {@link SimilarInputs#digest}
     * made before (in document order), or none to make them here.
     */
    Found findAll(int threads, SimilarState before, List<String> known) throws IOException {
        List<Postmortem> docs = store.docs();
        Validate.isTrue(known.isEmpty() || known.size() == docs.size(), "one digest per document");
        int n = docs.size();
        Set<String> calendar = calendarTerms();
        SimilarState.DocState[] states = new SimilarState.DocState[n];
        java.util.concurrent.atomic.AtomicBoolean storable = new java.util.concurrent.atomic.AtomicBoolean(true);
        IndexReader frequencies = FrequencyTable.of(store.reader(), IndexFields.SIMILAR_TEXT[0], MIN_DOC_FREQ, maxDocFreq());
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            SimilarInputs inputs = new SimilarInputs(store, searcher, reasons, display, maxDocFreq());
            List<String> digests = known.isEmpty() ? SimilarInputs.parallel(pool, n, inputs::digest) : known;
            List<List<String>> gists = SimilarInputs.parallel(pool, n, d -> {
                SimilarState.DocState was = before.docs().get(docs.get(d).slug());
                return was != null && was.digest().equals(digests.get(d)) ? was.gist() : inputs.gistTerms(docs.get(d));
            });
            SimilarState marks = inputs.marks(gists);
            BitSet affected = SimilarReuse.affected(before, marks, docs, digests, impacts);
            int[] made = affected.stream().toArray();
            List<Future<?>> jobs = new ArrayList<>();
            for (int from = 0; from < made.length; from += BLOCK) {
                int start = from;
                int end = Math.min(made.length, from + BLOCK);
                jobs.add(pool.submit(() -> {
                    MoreLikeThis mlt = moreLikeThis(calendar, frequencies);
                    TermImpacts.Accumulator sums = impacts.new Accumulator();
                    for (int i = start; i < end; i++) {
                        int d = made[i];
                        states[d] = find(mlt, sums, d, digests.get(d), gists.get(d), storable);
                    }
                    return null;
                }));
            }
            for (Future<?> f : jobs) {
                f.get();
            }
            Map<String, SimilarState.DocState> kept = new TreeMap<>();
            Map<String, List<Similar>> out = new TreeMap<>();
            for (int d = 0; d < n; d++) {
                String slug = docs.get(d).slug();
                SimilarState.DocState state = states[d] != null ? states[d] : before.docs().get(slug);
                kept.put(slug, state);
                if (!state.similar().isEmpty()) {
                    out.put(slug, state.similar());
                }
            }
            SimilarState next = storable.get() && kept.size() == n
                    ? new SimilarState(marks.globals(), marks.terms(), marks.facets(), kept) : SimilarState.NONE;
            return new Found(out, next, made.length);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("similar incidents interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof UncheckedIOException u ? u.getCause() : new IOException(e.getCause());
        } finally {
            pool.shutdownNow();
            frequencies.close();
        }
    }

    /** Returns the index terms of the text fields that are calendar words, for MoreLikeThis to pass over. */
    private Set<String> calendarTerms() throws IOException {
        Set<String> out = new HashSet<>();
        for (LeafReaderContext leaf : store.reader().leaves()) {
            for (String field : IndexFields.SIMILAR_TEXT) {
                Terms terms = leaf.reader().terms(field);
                TermsEnum te = terms == null ? TermsEnum.EMPTY : terms.iterator();
                for (BytesRef t = te.next(); t != null; t = te.next()) {
                    String term = t.utf8ToString();
                    if (CalendarWords.is(term)) {
                        out.add(term);
                    }
                }
            }
        }
        return Set.copyOf(out);
    }

    /** Returns the most documents a query term may be in, of the rounded count, so it moves when that does. */
    private int maxDocFreq() {
        return (int) Math.max(MIN_MAX_DOC_FREQ, QuantizedSearcher.count(store.docs().size()) * MAX_DOC_FREQ_PCT / 100);
    }

    /** Returns a MoreLikeThis that reads term statistics from a reader over the store's index. */
    private MoreLikeThis moreLikeThis(Set<String> calendar, IndexReader frequencies) {
        try {
            MoreLikeThis mlt = new MoreLikeThis(frequencies);
            mlt.setAnalyzer(IncidentAnalyzer.forIndexing());
            mlt.setFieldNames(IndexFields.SIMILAR_TEXT);
            mlt.setMinTermFreq(1);
            mlt.setMinDocFreq(MIN_DOC_FREQ);
            mlt.setMaxDocFreq(maxDocFreq());
            mlt.setMinWordLen(2);
            mlt.setMaxQueryTerms(QUERY_TERMS);
            mlt.setBoost(true);
            mlt.setStopWords(calendar);
            return mlt;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Finds the similar incidents of one document, with how they were found; clears storable if not by impacts. */
    private SimilarState.DocState find(MoreLikeThis mlt, TermImpacts.Accumulator sums, int doc, String digest,
                                       List<String> gist, java.util.concurrent.atomic.AtomicBoolean storable) {
        try {
            return rank(mlt, sums, doc, digest, gist, storable);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private SimilarState.DocState rank(MoreLikeThis mlt, TermImpacts.Accumulator sums, int doc, String digest,
                                       List<String> gist, java.util.concurrent.atomic.AtomicBoolean storable)
            throws IOException {
        Postmortem self = store.docs().get(doc);
        Query like = mlt.like("body", new StringReader(gist(self)));
        Map<String, Float> queryTerms = queryTerms(like);
        Map<Integer, Double> text = new HashMap<>();
        double selfScore = 0;
        Kept textKept = Kept.NONE;
        if (!queryTerms.isEmpty()) {
            textKept = top(sums, like, CANDIDATES + 1, storable);
            for (ScoreDoc sd : textKept.docs()) {
                if (sd.doc == doc) {
                    selfScore = sd.score;
                } else {
                    text.put(sd.doc, (double) sd.score);
                }
            }
        }
        double norm = selfScore > 0 ? selfScore : text.values().stream().mapToDouble(Double::doubleValue).max().orElse(1);
        Map<Integer, Double> candidates = new TreeMap<>();
        text.forEach((d, s) -> candidates.put(d, Math.min(1.0, s / norm)));
        Query shared = facetQuery(self);
        Kept facetKept = Kept.NONE;
        if (shared != null) {
            facetKept = top(sums, shared, FACET_CANDIDATES + 1, storable);
            for (ScoreDoc sd : facetKept.docs()) {
                if (sd.doc != doc) {
                    candidates.putIfAbsent(sd.doc, 0.0);
                }
            }
        }
        List<String> keptSlugs = candidates.keySet().stream().map(d -> store.docs().get(d).slug()).sorted().toList();
        return new SimilarState.DocState(digest, gist, textKept.clauses(), textKept.bar(), facetKept.clauses(),
                facetKept.bar(), keptSlugs, listOf(doc, self, queryTerms, candidates));
    }

    /** Returns the list of one incident from its candidates and their text scores (0 to 1). */
    private List<Similar> listOf(int doc, Postmortem self, Map<String, Float> queryTerms, Map<Integer, Double> candidates)
            throws IOException {
        // Every candidate is scored by how many causes and services it shares; the shared lists themselves are made
        // for the few that are kept (a cold 10k build scored about a hundred candidates for each incident).
        record Candidate(int doc, String slug, double score) {
        }
        List<Candidate> list = new ArrayList<>();
        for (var e : candidates.entrySet()) {
            Postmortem other = store.docs().get(e.getKey());
            int causes = sharedCount(self.causes(), other.causes());
            int services = sharedCount(self.services(), other.services());
            double score = e.getValue() + 0.35 * causes / Math.max(1, self.causes().size())
                    + 0.25 * services / Math.max(1, self.services().size());
            if (e.getValue() < 0.05 && causes == 0 && services == 0) {
                continue;
            }
            list.add(new Candidate(e.getKey(), other.slug(), Math.round(score * 1000) / 1000.0));
        }
        list.sort(Comparator.comparingDouble(Candidate::score).reversed().thenComparing(Candidate::slug));
        // The rest are weak when they score under a share of the best: fewer than five is an honest list.
        double floor = list.isEmpty() ? 0 : list.get(0).score() * RELATIVE_CUTOFF;
        record Chosen(int doc, Similar similar) {
        }
        List<Chosen> best = new ArrayList<>();
        for (Candidate c : list.stream().filter(c -> c.score() >= floor).limit(MAX).toList()) {
            Postmortem other = store.docs().get(c.doc());
            best.add(new Chosen(c.doc(), new Similar(c.slug(), c.score(), shared(self.causes(), other.causes()),
                    shared(self.services(), other.services()), List.of())));
        }
        // A near miss and a real incident with the same shared causes and services: the real incident first.
        for (int i = 0; i + 1 < best.size(); i++) {
            Postmortem a = store.docs().get(best.get(i).doc());
            Postmortem b = store.docs().get(best.get(i + 1).doc());
            if (a.nearMiss() && !b.nearMiss() && best.get(i).similar().sharedCauses().equals(best.get(i + 1).similar().sharedCauses())
                    && best.get(i).similar().sharedServices().equals(best.get(i + 1).similar().sharedServices())) {
                java.util.Collections.swap(best, i, i + 1);
            }
        }
        Map<Integer, List<String>> words = reasons.of(doc, queryTerms, best.stream().map(Chosen::doc).sorted().toList());
        List<Similar> top = new ArrayList<>();
        for (Chosen c : best) {
            Similar s = c.similar();
            top.add(new Similar(s.slug(), s.score(), s.sharedCauses(), s.sharedServices(), words.getOrDefault(c.doc(), List.of())));
        }
        return top;
    }

    /** A query's best documents, best first; its clauses and weakest kept document, as the next build reads them. */
    private record Kept(ScoreDoc[] docs, List<SimilarState.Clause> clauses, SimilarState.Bar bar) {
        static final Kept NONE = new Kept(new ScoreDoc[0], List.of(), SimilarState.Bar.OPEN);
    }

    /**
     * Returns a query's best n documents, from the term impacts when it is an OR of term queries; otherwise from the
     * searcher, and the lists cannot be stored for the next build (storable is cleared).
     */
    private Kept top(TermImpacts.Accumulator sums, Query q, int n, java.util.concurrent.atomic.AtomicBoolean storable)
            throws IOException {
        java.util.Optional<ScoreDoc[]> fast = sums.top(q, n);
        if (fast.isEmpty()) {
            storable.set(false);
            return new Kept(searcher.search(q, n).scoreDocs, List.of(), SimilarState.Bar.OPEN);
        }
        ScoreDoc[] docs = fast.get();
        List<SimilarState.Clause> clauses = TermImpacts.clauses(q).orElseThrow().stream()
                .map(c -> new SimilarState.Clause(c.term().field(), c.term().text(), c.boost())).toList();
        SimilarState.Bar bar = docs.length < n ? SimilarState.Bar.OPEN
                : new SimilarState.Bar(false, docs[n - 1].score, store.docs().get(docs[n - 1].doc).slug());
        return new Kept(docs, clauses, bar);
    }

    /** Returns what an incident is about: title, summary and the start of its root-cause section. */
    static String gist(Postmortem p) {
        StringBuilder sb = new StringBuilder(p.title()).append('\n');
        p.summary().ifPresent(s -> sb.append(s).append('\n'));
        p.section(SectionKind.ROOT_CAUSE).ifPresent(s -> sb.append(FragmentExport.cut(s.text(), GIST_SECTION)));
        if (p.summary().isEmpty() && p.section(SectionKind.ROOT_CAUSE).isEmpty()) {
            sb.append(FragmentExport.cut(p.bodyText(), GIST_SECTION * 2));
        }
        return sb.toString();
    }

    /** Returns the values of a that b holds too, each once, sorted (most pairs share none: no list is made then). */
    /** Returns how many distinct values of one list the other has: the size of {@link #shared}, made without it. */
    private static int sharedCount(List<String> a, List<String> b) {
        int n = 0;
        for (int i = 0; i < a.size(); i++) {
            String x = a.get(i);
            if (b.contains(x) && a.indexOf(x) == i) {
                n++;
            }
        }
        return n;
    }

    private static List<String> shared(List<String> a, List<String> b) {
        List<String> out = null;
        for (String x : a) {
            if (b.contains(x)) {
                out = out == null ? new ArrayList<>() : out;
                if (!out.contains(x)) {
                    out.add(x);
                }
            }
        }
        if (out == null) {
            return List.of();
        }
        out.sort(Comparator.naturalOrder());
        return List.copyOf(out);
    }

    private static Query facetQuery(Postmortem p) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        int n = 0;
        for (String c : IndexFields.facet(p, "causes")) {
            b.add(new TermQuery(new Term("causes", c)), BooleanClause.Occur.SHOULD);
            n++;
        }
        for (String s : IndexFields.facet(p, "services")) {
            b.add(new TermQuery(new Term("services", s)), BooleanClause.Occur.SHOULD);
            n++;
        }
        return n == 0 ? null : b.build();
    }

    /** Returns the terms of a MoreLikeThis query with their boosts, strongest first. */
    private static Map<String, Float> queryTerms(Query q) {
        Map<String, Float> terms = new HashMap<>();
        for (TermImpacts.Clause c : TermImpacts.clauses(q).orElse(List.of())) {
            terms.merge(c.term().text(), c.boost(), Math::max);
        }
        Map<String, Float> sorted = new LinkedHashMap<>();
        terms.entrySet().stream()
                .sorted(Map.Entry.<String, Float>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }
}
