package dev.hindsight.index;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermStatistics;

import java.io.IOException;

/**
 * A searcher whose BM25 statistics are rounded down to a few significant bits, for similar incidents: a document
 * count, a document frequency or an average length moves only when it crosses a step, so one edit changes the
 * statistics of few terms, and the similar lists that used none of them can be kept from the build before (see
 * {@link SimilarReuse}). Counts under {@value #EXACT} are exact; above it a step is under 1% of the value, and an
 * average length moves by under 0.4%: content/'s 29 incidents get the lists they had with exact statistics, and at
 * 10,000 incidents 92% of the lists are identical (the rest differ in near-ties; docs/search.md has the figures).
 */
final class QuantizedSearcher extends IndexSearcher {
    /** Counts below this are kept as they are. */
    static final int EXACT = 128;
    /** Significant bits kept of a count at or above {@link #EXACT}. */
    private static final int COUNT_BITS = 7;
    /** Significant bits kept of an average field length (steps of 1/256). */
    private static final int LENGTH_BITS = 8;

    QuantizedSearcher(IndexReader reader) {
        super(reader);
        setQueryCache(null);
    }

    /** Rounds a count down to its {@value #COUNT_BITS} most significant bits; counts under {@value #EXACT} stay. */
    static long count(long x) {
        if (x < EXACT) {
            return x;
        }
        int shift = 64 - Long.numberOfLeadingZeros(x) - COUNT_BITS;
        return (x >> shift) << shift;
    }

    /** Rounds a positive length down to its {@value #LENGTH_BITS} most significant bits. */
    static double length(double x) {
        long mask = ~((1L << (52 - LENGTH_BITS)) - 1);
        return Double.longBitsToDouble(Double.doubleToRawLongBits(x) & mask);
    }

    /**
     * Returns a field's statistics with the document count and average length rounded; the total length is
     * worked out from the two, so it depends on nothing else.
     */
    @Override
    public CollectionStatistics collectionStatistics(String field) throws IOException {
        CollectionStatistics real = super.collectionStatistics(field);
        if (real == null) {
            return null;
        }
        long docs = count(real.docCount());
        long total = Math.max(docs, Math.round(length((double) real.sumTotalTermFreq() / real.docCount()) * docs));
        return new CollectionStatistics(field, docs, docs, total, docs);
    }

    /** Returns a term's statistics with its document frequency rounded. */
    @Override
    public TermStatistics termStatistics(Term term, int docFreq, long totalTermFreq) throws IOException {
        long df = count(docFreq);
        return super.termStatistics(term, (int) df, df);
    }
}
