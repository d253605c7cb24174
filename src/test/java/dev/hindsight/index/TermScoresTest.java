package dev.hindsight.index;

import dev.hindsight.model.Site;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The walk over every index term: scored in ranges on several threads, it hands the sink what one pass gives.
 */
class TermScoresTest {
    @Test
    void rangesOnSeveralThreadsGiveWhatOnePassGives() throws IOException {
        Site site = Incidents.site();
        try (IndexStore store = IndexStore.inMemory(site.postmortems())) {
            List<TermScores.Entry> one = walk(new TermScores(store.searcher(), true, 1, TermScores.RANGE_TERMS));
            assertThat(one).hasSizeGreaterThan(200);
            // Ranges of 1, 7 and 50 terms: cuts on every term, inside runs of terms only some fields have, and few.
            for (int rangeTerms : new int[]{1, 7, 50}) {
                List<TermScores.Entry> ranged = walk(new TermScores(store.searcher(), true, 3, rangeTerms));
                assertThat(ranged).as("ranges of %d", rangeTerms).hasSameSizeAs(one);
                for (int i = 0; i < one.size(); i++) {
                    TermScores.Entry a = one.get(i);
                    TermScores.Entry b = ranged.get(i);
                    assertThat(b.term()).isEqualTo(a.term());
                    assertThat(b.docs()).isEqualTo(a.docs());
                    assertThat(b.scores()).isEqualTo(a.scores());
                    assertThat(b.described()).isEqualTo(a.described());
                    assertThat(b.positions()).isDeepEqualTo(a.positions());
                }
            }
        }
    }

    @Test
    void termsComeInStrictOrder() throws IOException {
        Site site = Incidents.site();
        try (IndexStore store = IndexStore.inMemory(site.postmortems())) {
            List<String> terms = walk(new TermScores(store.searcher(), false, 2, 3)).stream().map(TermScores.Entry::term).toList();
            for (int i = 1; i < terms.size(); i++) {
                assertThat(new org.apache.lucene.util.BytesRef(terms.get(i - 1)))
                        .isLessThan(new org.apache.lucene.util.BytesRef(terms.get(i)));
            }
        }
    }

    private static List<TermScores.Entry> walk(TermScores scores) throws IOException {
        List<TermScores.Entry> out = new ArrayList<>();
        scores.forEach(out::add);
        return out;
    }
}
