package dev.hindsight.index;

import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TermImpactsTest {
    @Test
    void ranksBoostedOrQueriesAsTheSearcherDoes() throws IOException {
        try (IndexStore store = IndexStore.inMemory(Incidents.site().postmortems())) {
            List<Term> vocabulary = terms(store, "body");
            vocabulary.addAll(terms(store, "causes"));
            TermImpacts impacts = new TermImpacts(store.searcher());
            TermImpacts.Accumulator sums = impacts.new Accumulator();
            Random random = new Random(7);
            for (int round = 0; round < 300; round++) {
                BooleanQuery.Builder b = new BooleanQuery.Builder();
                int clauses = 1 + random.nextInt(12);
                for (int i = 0; i < clauses; i++) {
                    TermQuery tq = new TermQuery(vocabulary.get(random.nextInt(vocabulary.size())));
                    b.add(random.nextBoolean() ? tq : new BoostQuery(tq, 0.05f + random.nextFloat()), BooleanClause.Occur.SHOULD);
                }
                BooleanQuery q = b.build();
                int n = 1 + random.nextInt(6);
                ScoreDoc[] lucene = store.searcher().search(q, n).scoreDocs;
                ScoreDoc[] ours = sums.top(q, n).orElseThrow();
                assertThat(ours).as("%s", q).hasSameSizeAs(lucene);
                for (int i = 0; i < ours.length; i++) {
                    assertThat(ours[i].score).as("%s #%d", q, i).isCloseTo(lucene[i].score, within(1e-4f * lucene[i].score));
                    if (i + 1 < lucene.length && lucene[i].score - lucene[i + 1].score > 1e-3f * lucene[i].score) {
                        // Where Lucene's order is not a near tie, the order is the same.
                        assertThat(ours[i].doc).as("%s #%d", q, i).isEqualTo(lucene[i].doc);
                    }
                }
            }
        }
    }

    @Test
    void aFewDocumentsScoresAreTheBitsTheTopQueryGivesThem() throws IOException {
        try (IndexStore store = IndexStore.inMemory(Incidents.site().postmortems())) {
            List<Term> vocabulary = terms(store, "body");
            vocabulary.addAll(terms(store, "causes"));
            Random random = new Random(11);
            for (int round = 0; round < 200; round++) {
                List<TermImpacts.Clause> clauses = new ArrayList<>();
                BooleanQuery.Builder b = new BooleanQuery.Builder();
                for (int i = 0, n = 1 + random.nextInt(12); i < n; i++) {
                    Term t = vocabulary.get(random.nextInt(vocabulary.size()));
                    float boost = random.nextBoolean() ? 1f : 0.05f + random.nextFloat();
                    clauses.add(new TermImpacts.Clause(t, boost));
                    TermQuery tq = new TermQuery(t);
                    b.add(boost == 1f ? tq : new BoostQuery(tq, boost), BooleanClause.Occur.SHOULD);
                }
                // One instance asked for a few documents first, one after the accumulator loaded the terms.
                TermImpacts fresh = new TermImpacts(store.searcher());
                TermImpacts loaded = new TermImpacts(store.searcher());
                ScoreDoc[] all = loaded.new Accumulator().top(b.build(), store.docs().size()).orElseThrow();
                java.util.Map<Integer, Float> top = new java.util.HashMap<>();
                for (ScoreDoc sd : all) {
                    top.put(sd.doc, sd.score);
                }
                int[] docs = random.ints(1 + random.nextInt(8), 0, store.docs().size()).distinct().toArray();
                TermImpacts.Few unread = fresh.few(docs);
                TermImpacts.Few read = loaded.few(docs);
                java.util.Arrays.sort(docs);
                for (int k = 0; k < docs.length; k++) {
                    float expected = top.getOrDefault(docs[k], 0f);
                    assertThat(unread.doc(k)).isEqualTo(docs[k]);
                    assertThat(unread.score(clauses, k)).as("round %d doc %d", round, docs[k]).isEqualTo(expected);
                    assertThat(read.score(clauses, k)).as("round %d doc %d, loaded", round, docs[k]).isEqualTo(expected);
                }
                assertThat(fresh.loadedTerms()).as("a few documents' scores read without any term's whole postings").isZero();
            }
        }
    }

    @Test
    void leavesOtherQueriesToTheSearcher() throws IOException {
        try (IndexStore store = IndexStore.inMemory(Incidents.site().postmortems())) {
            TermImpacts.Accumulator sums = new TermImpacts(store.searcher()).new Accumulator();
            BooleanQuery must = new BooleanQuery.Builder()
                    .add(new TermQuery(new Term("body", "pool")), BooleanClause.Occur.MUST).build();
            assertThat(sums.top(must, 3)).isEmpty();
            assertThat(sums.top(new TermQuery(new Term("body", "pool")), 3)).isEmpty();
        }
    }

    private static List<Term> terms(IndexStore store, String field) throws IOException {
        List<Term> out = new ArrayList<>();
        LeafReader leaf = store.reader().leaves().get(0).reader();
        TermsEnum te = leaf.terms(field).iterator();
        for (BytesRef t = te.next(); t != null; t = te.next()) {
            out.add(new Term(field, BytesRef.deepCopyOf(t)));
        }
        return out;
    }
}
