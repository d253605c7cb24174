package dev.hindsight.index;

import dev.hindsight.model.Postmortem;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FrequencyTableTest {
    @Test
    void answersEveryWordWithLuceneOwnDocumentFrequencyInsideTheBoundsAndZeroOutside() throws IOException {
        List<Postmortem> incidents = Incidents.site().postmortems();
        try (IndexStore store = IndexStore.inMemory(incidents);
             IndexReader table = FrequencyTable.of(store.reader(), "body", 2, 4)) {
            int inside = 0;
            int outside = 0;
            // Every word of every incident's gist, plus words no incident uses.
            StringBuilder words = new StringBuilder("zyzzyva quokkaservice ");
            incidents.forEach(p -> words.append(SimilarFinder.gist(p)).append(' '));
            for (String w : words.toString().toLowerCase(java.util.Locale.ROOT).split("[^a-z0-9]+")) {
                Term t = new Term("body", w);
                int real = store.reader().docFreq(t);
                boolean kept = real >= 2 && real <= 4;
                assertThat(table.docFreq(t)).as(w).isEqualTo(kept ? real : 0);
                if (kept) {
                    inside++;
                } else {
                    outside++;
                }
            }
            assertThat(inside).isGreaterThan(20);
            assertThat(outside).isGreaterThan(20);
            assertThat(table.numDocs()).isEqualTo(store.reader().numDocs());
            assertThat(table.getDocCount("body")).isEqualTo(store.reader().getDocCount("body"));
        }
    }

    @Test
    void givesMoreLikeThisTheSameQueryAsTheIndexItself() throws IOException {
        List<Postmortem> incidents = Incidents.site().postmortems();
        try (IndexStore store = IndexStore.inMemory(incidents);
             IndexReader table = FrequencyTable.of(store.reader(), "body", 2, 6)) {
            for (Postmortem p : store.docs()) {
                String gist = SimilarFinder.gist(p);
                assertThat(like(table, gist)).as(p.slug()).isEqualTo(like(store.reader(), gist));
            }
        }
    }

    private static String like(IndexReader reader, String text) throws IOException {
        MoreLikeThis mlt = new MoreLikeThis(reader);
        mlt.setAnalyzer(IncidentAnalyzer.forIndexing());
        mlt.setFieldNames(IndexFields.SIMILAR_TEXT);
        mlt.setMinTermFreq(1);
        mlt.setMinDocFreq(2);
        mlt.setMaxDocFreq(6);
        mlt.setBoost(true);
        return mlt.like("body", new StringReader(text)).toString();
    }
}
