package dev.hindsight.index;

import dev.hindsight.model.Validate;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafSimScorer;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.Similarity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Scores the similar-incident queries (an OR of boosted term queries) from each term's document scores, computed
 * once per build with the searcher's own BM25 and shared by every query that uses the term. Ten thousand queries of
 * twenty terms each spent most of their time in Lucene's per-query setup (a scorer, a postings reader and block
 * decoding per clause); summing arrays is a tenth of that. Each clause contributes its boost times the term's
 * score, summed in double and ranked as a float, best first and then by doc id, as {@link IndexSearcher} ranks; a
 * score can differ from Lucene's in the last bit (the boost is applied after the term's score, not inside it).
 * Thread-safe.
 */
final class TermImpacts {
    /** A term's documents, ascending, and the unboosted score of each. */
    private record Postings(int[] docs, float[] scores) {
        static final Postings NONE = new Postings(new int[0], new float[0]);
    }

    private final IndexSearcher searcher;
    private final Optional<LeafReader> leaf;
    private final Map<Term, Postings> postings = new ConcurrentHashMap<>();

    /** Creates the impacts of a single-segment index. */
    TermImpacts(IndexSearcher searcher) {
        this.searcher = Validate.notNull(searcher, "searcher");
        List<org.apache.lucene.index.LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        Validate.isTrue(leaves.size() <= 1, "the index must have one segment");
        this.leaf = leaves.isEmpty() ? Optional.empty() : Optional.of(leaves.get(0).reader());
    }

    /** Sums per document what one query's clauses score; one per thread, reused from query to query. */
    final class Accumulator {
        private final double[] sums;
        private final boolean[] seen;
        private final int[] touched;
        private int count;

        Accumulator() {
            int n = leaf.map(LeafReader::maxDoc).orElse(0);
            sums = new double[n];
            seen = new boolean[n];
            touched = new int[n];
        }

        /**
         * Returns the best n documents of a query, best first; empty when the query is not an OR of (boosted) term
         * queries, which the caller then runs through the searcher.
         */
        Optional<ScoreDoc[]> top(Query query, int n) {
            Optional<List<Clause>> clauses = clauses(query);
            if (clauses.isEmpty()) {
                return Optional.empty();
            }
            for (Clause clause : clauses.get()) {
                Postings p = postings.computeIfAbsent(clause.term(), TermImpacts.this::load);
                float boost = clause.boost();
                for (int k = 0; k < p.docs().length; k++) {
                    int d = p.docs()[k];
                    sums[d] += boost == 1f ? p.scores()[k] : boost * p.scores()[k];
                    if (!seen[d]) {
                        seen[d] = true;
                        touched[count++] = d;
                    }
                }
            }
            return Optional.of(best(n));
        }

        private ScoreDoc[] best(int n) {
            // The weakest kept candidate on top: lower score first, then the higher doc id.
            PriorityQueue<ScoreDoc> queue = new PriorityQueue<>(n + 1, (a, b) -> a.score != b.score
                    ? Float.compare(a.score, b.score) : Integer.compare(b.doc, a.doc));
            for (int k = 0; k < count; k++) {
                int d = touched[k];
                float score = (float) sums[d];
                sums[d] = 0;
                seen[d] = false;
                ScoreDoc weakest = queue.size() < n ? null : queue.peek();
                if (weakest == null || score > weakest.score || score == weakest.score && d < weakest.doc) {
                    queue.add(new ScoreDoc(d, score));
                    if (queue.size() > n) {
                        queue.poll();
                    }
                }
            }
            count = 0;
            ScoreDoc[] out = new ScoreDoc[queue.size()];
            for (int i = out.length - 1; i >= 0; i--) {
                out[i] = queue.poll();
            }
            return out;
        }
    }

    /**
     * Returns the scores of a few documents, for asking what each scores for many queries without reading the whole
     * postings of every term the queries hold: deciding which similar lists an edit reaches asks that of every stored
     * query, and loading each of their terms whole was most of that step at 10,000 incidents.
     */
    Few few(int[] docs) {
        return new Few(docs.clone());
    }

    /**
     * What a few documents score for ORs of clauses, bit for bit what {@link Accumulator#top} gives them: each term is
     * read once, with one seek and a skip to each of the documents (or from its postings, when already loaded whole).
     * Not thread-safe.
     */
    final class Few {
        private final int[] docs;
        private final Map<Term, float[]> scores = new java.util.HashMap<>();
        /** One terms enum per field, reused from seek to seek (a fresh one per term was most of the reading). */
        private final Map<String, Optional<TermsEnum>> enums = new java.util.HashMap<>();
        private PostingsEnum reuse;

        private Few(int[] docs) {
            java.util.Arrays.sort(docs);
            this.docs = docs;
        }

        /** Returns how many documents there are. */
        int size() {
            return docs.length;
        }

        /** Returns the k-th document, in ascending order. */
        int doc(int k) {
            return docs[k];
        }

        /**
         * Returns what the k-th document (in ascending order) scores for an OR of clauses, summed in clause order as
         * {@link Accumulator#top} sums it, so the two agree to the last bit; 0 when the document has none of the terms.
         */
        float score(List<Clause> clauses, int k) {
            double sum = 0;
            for (Clause clause : clauses) {
                float s = scores.computeIfAbsent(clause.term(), this::read)[k];
                if (!Float.isNaN(s)) {
                    float boost = clause.boost();
                    sum += boost == 1f ? s : boost * s;
                }
            }
            return (float) sum;
        }

        /** Reads one term's unboosted score of each document; NaN for a document without the term. */
        private float[] read(Term term) {
            float[] out = new float[docs.length];
            java.util.Arrays.fill(out, Float.NaN);
            Postings loaded = postings.get(term);
            if (loaded != null) {
                for (int k = 0; k < docs.length; k++) {
                    int at = java.util.Arrays.binarySearch(loaded.docs(), docs[k]);
                    out[k] = at >= 0 ? loaded.scores()[at] : Float.NaN;
                }
                return out;
            }
            try {
                Optional<TermsEnum> te = enums.computeIfAbsent(term.field(), this::iterator);
                if (te.isEmpty() || !te.get().seekExact(term.bytes())) {
                    return out;
                }
                LeafSimScorer scorer = scorer(term, te.get());
                PostingsEnum pe = te.get().postings(reuse, PostingsEnum.FREQS);
                reuse = pe;
                for (int k = 0; k < docs.length; k++) {
                    int d = pe.docID() < docs[k] ? pe.advance(docs[k]) : pe.docID();
                    if (d == PostingsEnum.NO_MORE_DOCS) {
                        break;
                    }
                    if (d == docs[k]) {
                        out[k] = scorer.score(d, pe.freq());
                    }
                }
                return out;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private Optional<TermsEnum> iterator(String field) {
            try {
                Terms terms = leaf.isEmpty() ? null : leaf.get().terms(field);
                return terms == null ? Optional.empty() : Optional.of(terms.iterator());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Returns how many terms' whole postings were read and scored so far. */
    int loadedTerms() {
        return postings.size();
    }

    /** One clause of an OR of term queries: its term and its boost (1 when it has none). */
    record Clause(Term term, float boost) {
    }

    /** Returns the clauses of an OR of (boosted) term queries, in order; empty for any other query. */
    static Optional<List<Clause>> clauses(Query query) {
        if (!(query instanceof BooleanQuery bq) || bq.getMinimumNumberShouldMatch() > 0) {
            return Optional.empty();
        }
        List<Clause> out = new ArrayList<>();
        for (BooleanClause c : bq.clauses()) {
            Query q = c.getQuery();
            float boost = 1f;
            if (q instanceof BoostQuery b) {
                boost = b.getBoost();
                q = b.getQuery();
            }
            if (c.getOccur() != BooleanClause.Occur.SHOULD || !(q instanceof TermQuery tq)) {
                return Optional.empty();
            }
            out.add(new Clause(tq.getTerm(), boost));
        }
        return Optional.of(out);
    }

    /** Reads a term's documents and scores them with the searcher's similarity, unboosted. */
    private Postings load(Term term) {
        try {
            Optional<TermsEnum> te = seek(term);
            if (te.isEmpty()) {
                return Postings.NONE;
            }
            LeafSimScorer scorer = scorer(term, te.get());
            int[] docs = new int[te.get().docFreq()];
            float[] scores = new float[te.get().docFreq()];
            PostingsEnum pe = te.get().postings(null, PostingsEnum.FREQS);
            int n = 0;
            for (int d = pe.nextDoc(); d != PostingsEnum.NO_MORE_DOCS; d = pe.nextDoc()) {
                docs[n] = d;
                scores[n++] = scorer.score(d, pe.freq());
            }
            return new Postings(java.util.Arrays.copyOf(docs, n), java.util.Arrays.copyOf(scores, n));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns a terms enum positioned on a term; empty when the index does not hold it. */
    private Optional<TermsEnum> seek(Term term) throws IOException {
        if (leaf.isEmpty()) {
            return Optional.empty();
        }
        Terms terms = leaf.get().terms(term.field());
        TermsEnum te = terms == null ? null : terms.iterator();
        return te == null || !te.seekExact(term.bytes()) ? Optional.empty() : Optional.of(te);
    }

    /** Returns the scorer of a term positioned on by a terms enum: the searcher's similarity, unboosted. */
    private LeafSimScorer scorer(Term term, TermsEnum te) throws IOException {
        Similarity.SimScorer sim = searcher.getSimilarity().scorer(1f, searcher.collectionStatistics(term.field()),
                searcher.termStatistics(term, te.docFreq(), te.totalTermFreq()));
        return new LeafSimScorer(sim, leaf.orElseThrow(), term.field(), true);
    }
}
