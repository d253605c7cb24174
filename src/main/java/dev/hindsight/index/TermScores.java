package dev.hindsight.index;

import dev.hindsight.model.Validate;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafSimScorer;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * Walks every index term once, in term order, with the score each document gets for it under both weightings of
 * {@link IndexFields}: the sum over the text fields of BM25 times the field weight, computed by Lucene's own
 * {@link Similarity} as a boosted {@code TermQuery} per field inside a {@code BooleanQuery} would (BM25 is linear in
 * the boost). That per-(term, document) score is the
 * impact the static export quantizes, and summing impacts reproduces the searcher's ranking of a query.
 */
final class TermScores {

    /** Positions of a field start at its index times this, so a phrase never spans two fields. */
    static final int FIELD_SPAN = 1 << 20;

    /**
     * One term with its documents and scores.
     *
     * @param term      the index term
     * @param docs      document numbers, ascending
     * @param scores    the score of each document with {@link IndexFields#KEYWORD_WEIGHTS}
     * @param described the score of each document with {@link IndexFields#DESCRIPTION_WEIGHTS}
     * @param positions per document its positions, ascending, each field starting at its index times
     *                  {@link #FIELD_SPAN}; null when positions were not asked for
     */
    record Entry(String term, int[] docs, float[] scores, float[] described, int[][] positions) {
    }

    /** Receives the terms in order. */
    interface Sink {
        /** Takes one term; the arrays are fresh for each call. */
        void accept(Entry entry) throws IOException;
    }

    private final IndexSearcher searcher;
    private final boolean withPositions;
    private final int threads;
    private final int rangeTerms;

    /** Creates a walker over a single-segment index, reading positions too when asked, scoring on every core. */
    TermScores(IndexSearcher searcher, boolean withPositions) {
        this(searcher, withPositions, Runtime.getRuntime().availableProcessors(), RANGE_TERMS);
    }

    /**
     * Creates a walker that scores terms on up to a number of threads (1 scores them in order on the caller's), in
     * ranges of a number of terms of the largest field.
     */
    TermScores(IndexSearcher searcher, boolean withPositions, int threads, int rangeTerms) {
        this.searcher = Validate.notNull(searcher, "searcher");
        this.withPositions = withPositions;
        Validate.isTrue(threads >= 1, "threads must be at least 1");
        Validate.isTrue(rangeTerms >= 1, "rangeTerms must be at least 1");
        this.threads = threads;
        this.rangeTerms = rangeTerms;
        Validate.isTrue(searcher.getIndexReader().leaves().size() <= 1, "the index must have one segment");
    }

    /**
     * Sends every term of the text fields, in term order, to the sink, on the calling thread. The terms are cut into
     * ranges of about {@value #RANGE_TERMS} terms (by default) of the largest field, scored on the other threads a range at a time,
     * and handed over range by range in order, so the sink sees what a walk in one pass gives.
     */
    void forEach(Sink sink) throws IOException {
        if (searcher.getIndexReader().leaves().isEmpty()) {
            return;
        }
        LeafReader leaf = searcher.getIndexReader().leaves().get(0).reader();
        List<BytesRef> cuts = threads > 1 ? cuts(leaf, rangeTerms) : List.of();
        if (cuts.isEmpty()) {
            range(leaf, null, null, sink);
            return;
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            // A window of ranges is scored ahead of the sink, so at most that many ranges' scores are held at once.
            int count = cuts.size() + 1;
            int window = 2 * threads;
            java.util.ArrayDeque<java.util.concurrent.Future<List<Entry>>> ahead = new java.util.ArrayDeque<>();
            int next = 0;
            for (int done = 0; done < count; done++) {
                while (next < count && ahead.size() < window) {
                    BytesRef from = next == 0 ? null : cuts.get(next - 1);
                    BytesRef to = next == cuts.size() ? null : cuts.get(next);
                    ahead.add(pool.submit(() -> {
                        List<Entry> out = new java.util.ArrayList<>();
                        range(leaf, from, to, out::add);
                        return out;
                    }));
                    next++;
                }
                for (Entry e : ahead.poll().get()) {
                    sink.accept(e);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("scoring the index terms was interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io
                    : e.getCause() instanceof java.io.UncheckedIOException u ? u.getCause() : new IOException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Terms of the largest field a range holds, about, by default. */
    static final int RANGE_TERMS = 4096;

    /** Returns the terms that start the second and later ranges: every so many terms of the largest field. */
    private static List<BytesRef> cuts(LeafReader leaf, int rangeTerms) throws IOException {
        Terms largest = null;
        for (String field : IndexFields.TEXT) {
            Terms t = leaf.terms(field);
            if (t != null && (largest == null || t.size() > largest.size())) {
                largest = t;
            }
        }
        List<BytesRef> out = new java.util.ArrayList<>();
        if (largest == null) {
            return out;
        }
        TermsEnum te = largest.iterator();
        long n = 0;
        for (BytesRef t = te.next(); t != null; t = te.next()) {
            if (++n % rangeTerms == 0) {
                out.add(BytesRef.deepCopyOf(t));
            }
        }
        return out;
    }

    /** Scores the terms from one (inclusive, or the first) to another (exclusive, or past the last), in order. */
    private void range(LeafReader leaf, BytesRef from, BytesRef to, Sink sink) throws IOException {
        List<String> fields = IndexFields.TEXT;
        TermsEnum[] enums = new TermsEnum[fields.size()];
        BytesRef[] current = new BytesRef[fields.size()];
        for (int i = 0; i < enums.length; i++) {
            Terms terms = leaf.terms(fields.get(i));
            enums[i] = terms == null ? null : terms.iterator();
            if (enums[i] == null) {
                current[i] = null;
            } else if (from == null) {
                current[i] = enums[i].next();
            } else {
                current[i] = enums[i].seekCeil(from) == TermsEnum.SeekStatus.END ? null : enums[i].term();
            }
        }
        double[] acc = new double[leaf.maxDoc()];
        double[] acc2 = new double[leaf.maxDoc()];
        boolean[] seen = new boolean[leaf.maxDoc()];
        int[] touched = new int[leaf.maxDoc()];
        int[][] pos = withPositions ? new int[leaf.maxDoc()][] : null;
        int[] posCount = withPositions ? new int[leaf.maxDoc()] : null;
        PostingsEnum postings = null;
        while (true) {
            BytesRef min = null;
            for (BytesRef b : current) {
                if (b != null && (min == null || b.compareTo(min) < 0)) {
                    min = b;
                }
            }
            if (min == null || to != null && min.compareTo(to) >= 0) {
                return;
            }
            BytesRef term = BytesRef.deepCopyOf(min);
            int n = 0;
            for (int i = 0; i < enums.length; i++) {
                if (current[i] == null || !current[i].equals(term)) {
                    continue;
                }
                String field = fields.get(i);
                float w1 = IndexFields.KEYWORD_WEIGHTS.get(field);
                float w2 = IndexFields.DESCRIPTION_WEIGHTS.get(field);
                Similarity.SimScorer sim = searcher.getSimilarity().scorer(1f,
                        searcher.collectionStatistics(field),
                        searcher.termStatistics(new Term(field, term), enums[i].docFreq(), enums[i].totalTermFreq()));
                LeafSimScorer scorer = new LeafSimScorer(sim, leaf, field, true);
                postings = enums[i].postings(postings, withPositions ? PostingsEnum.POSITIONS : PostingsEnum.FREQS);
                for (int d = postings.nextDoc(); d != PostingsEnum.NO_MORE_DOCS; d = postings.nextDoc()) {
                    int freq = postings.freq();
                    float base = scorer.score(d, freq);
                    acc[d] += w1 * base;
                    acc2[d] += w2 * base;
                    if (!seen[d]) {
                        seen[d] = true;
                        touched[n++] = d;
                    }
                    if (withPositions) {
                        addPositions(pos, posCount, d, postings, freq, i * FIELD_SPAN);
                    }
                }
                current[i] = enums[i].next();
            }
            int[] docs = Arrays.copyOf(touched, n);
            Arrays.sort(docs);
            float[] scores = new float[n];
            float[] described = new float[n];
            int[][] positions = withPositions ? new int[n][] : null;
            for (int k = 0; k < n; k++) {
                int d = docs[k];
                scores[k] = (float) acc[d];
                described[k] = (float) acc2[d];
                acc[d] = 0;
                acc2[d] = 0;
                seen[d] = false;
                if (withPositions) {
                    positions[k] = Arrays.copyOf(pos[d], posCount[d]);
                    posCount[d] = 0;
                }
            }
            sink.accept(new Entry(term.utf8ToString(), docs, scores, described, positions));
        }
    }

    private static void addPositions(int[][] pos, int[] count, int doc, PostingsEnum postings, int freq, int base)
            throws IOException {
        if (pos[doc] == null || pos[doc].length < count[doc] + freq) {
            pos[doc] = Arrays.copyOf(pos[doc] == null ? new int[0] : pos[doc], Math.max(8, (count[doc] + freq) * 2));
        }
        for (int k = 0; k < freq; k++) {
            pos[doc][count[doc]++] = base + postings.nextPosition();
        }
    }
}
