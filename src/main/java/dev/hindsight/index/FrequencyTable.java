package dev.hindsight.index;

import org.apache.lucene.index.BaseTermsEnum;
import org.apache.lucene.index.FilterLeafReader;
import org.apache.lucene.index.ImpactsEnum;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A view of an index whose document frequencies for one field come from a table read in one pass over the field's
 * terms, for {@link org.apache.lucene.queries.mlt.MoreLikeThis}: it asks for the frequency of every word of every
 * incident's gist, and each answer was a seek in the term dictionary (about a third of the similar-incident time at
 * 10,000 incidents). The numbers are Lucene's own, rounded as {@link QuantizedSearcher} rounds them (the field's
 * document count too, which MoreLikeThis reads for its idf), so a term's weight in a query moves only when its frequency crosses a step.
 */
final class FrequencyTable {
    private FrequencyTable() {
    }

    /**
     * Returns a reader answering {@code docFreq} for a field from a table; close it after use (the index stays open).
     * Terms whose rounded frequency is outside {@code [min, max]} are left out of the table and answer 0, which
     * MoreLikeThis skips just as it skips them when they are too rare or too common. The index has one segment.
     */
    static IndexReader of(IndexReader reader, String field, int min, int max) throws IOException {
        List<LeafReaderContext> leaves = reader.leaves();
        dev.hindsight.model.Validate.isTrue(leaves.size() <= 1, "the index must have one segment");
        IndexReader[] wrapped = new IndexReader[leaves.size()];
        for (int i = 0; i < wrapped.length; i++) {
            wrapped[i] = new Leaf(leaves.get(i).reader(), field, min, max);
        }
        return new MultiReader(wrapped, false);
    }

    /** Returns the frequency the table gives a term Lucene finds in {@code df} documents: 0 outside the bounds. */
    static int entry(int df, int min, int max) {
        int rounded = (int) QuantizedSearcher.count(df);
        return rounded >= min && rounded <= max ? rounded : 0;
    }

    /** A segment whose one field's terms only answer their document frequency. */
    private static final class Leaf extends FilterLeafReader {
        private final String field;
        private final Map<BytesRef, Integer> table = new HashMap<>();

        Leaf(LeafReader in, String field, int min, int max) throws IOException {
            super(in);
            this.field = field;
            Terms terms = in.terms(field);
            TermsEnum te = terms == null ? TermsEnum.EMPTY : terms.iterator();
            for (BytesRef t = te.next(); t != null; t = te.next()) {
                int df = entry(te.docFreq(), min, max);
                if (df > 0) {
                    table.put(BytesRef.deepCopyOf(t), df);
                }
            }
        }

        @Override
        public Terms terms(String f) throws IOException {
            Terms terms = in.terms(f);
            if (terms == null || !f.equals(field)) {
                return terms;
            }
            return new FilterTerms(terms) {
                @Override
                public TermsEnum iterator() {
                    return new Lookup(table);
                }

                /** Returns the field's document count rounded, as the similar-incident searcher rounds it. */
                @Override
                public int getDocCount() throws IOException {
                    return (int) QuantizedSearcher.count(in.getDocCount());
                }
            };
        }

        @Override
        protected void doClose() {
            // The segment belongs to the index, which its owner closes.
        }

        @Override
        public CacheHelper getCoreCacheHelper() {
            return null;
        }

        @Override
        public CacheHelper getReaderCacheHelper() {
            return null;
        }
    }

    /** A terms enum that can only seek a term exactly and tell its document frequency. */
    private static final class Lookup extends BaseTermsEnum {
        private final Map<BytesRef, Integer> table;
        private int docFreq;

        Lookup(Map<BytesRef, Integer> table) {
            this.table = table;
        }

        @Override
        public boolean seekExact(BytesRef text) {
            Integer df = table.get(text);
            docFreq = df == null ? 0 : df;
            return df != null;
        }

        @Override
        public int docFreq() {
            return docFreq;
        }

        @Override
        public SeekStatus seekCeil(BytesRef text) {
            throw unsupported();
        }

        @Override
        public void seekExact(long ord) {
            throw unsupported();
        }

        @Override
        public BytesRef term() {
            throw unsupported();
        }

        @Override
        public long ord() {
            throw unsupported();
        }

        @Override
        public long totalTermFreq() {
            throw unsupported();
        }

        @Override
        public PostingsEnum postings(PostingsEnum reuse, int flags) {
            throw unsupported();
        }

        @Override
        public ImpactsEnum impacts(int flags) {
            throw unsupported();
        }

        @Override
        public BytesRef next() {
            throw unsupported();
        }

        private static UnsupportedOperationException unsupported() {
            return new UnsupportedOperationException("a frequency table only answers docFreq");
        }
    }
}
