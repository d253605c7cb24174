package dev.hindsight.index;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.TermStatistics;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

class QuantizedSearcherTest {
    @Test
    void aCountIsExactUnder128AndRoundedDownByUnderOnePercentAbove() {
        for (long x = 0; x < QuantizedSearcher.EXACT; x++) {
            assertThat(QuantizedSearcher.count(x)).isEqualTo(x);
        }
        long previous = 0;
        for (long x = QuantizedSearcher.EXACT; x < 2_000_000; x += 1 + x / 500) {
            long q = QuantizedSearcher.count(x);
            assertThat(q).as("%d", x).isLessThanOrEqualTo(x).isGreaterThan(x - x / 64 - 1).isGreaterThanOrEqualTo(previous);
            assertThat(QuantizedSearcher.count(q)).as("a rounded count stays").isEqualTo(q);
            previous = q;
        }
        // The bench corpus: one more incident leaves the count where it was; about 1% more moves it.
        assertThat(QuantizedSearcher.count(10_000)).isEqualTo(QuantizedSearcher.count(10_001)).isEqualTo(9_984);
        assertThat(QuantizedSearcher.count(10_112)).isGreaterThan(9_984);
    }

    @Test
    void anAverageLengthIsRoundedDownToSteps() {
        for (double x : new double[] {1, 1.5, 7.25, 431.7, 600.0, 12_345.6}) {
            double q = QuantizedSearcher.length(x);
            assertThat(q).isLessThanOrEqualTo(x).isGreaterThan(x * (1 - 1.0 / 256));
            assertThat(QuantizedSearcher.length(q)).isEqualTo(q);
        }
        assertThat(QuantizedSearcher.length(600.0)).isEqualTo(QuantizedSearcher.length(600.9));
    }

    @Test
    void statisticsStayValidAndMoveOnlyWithTheirSteps() throws IOException {
        try (IndexStore store = IndexStore.inMemory(Incidents.site().postmortems())) {
            QuantizedSearcher searcher = new QuantizedSearcher(store.reader());
            CollectionStatistics real = store.searcher().collectionStatistics("body");
            CollectionStatistics rounded = searcher.collectionStatistics("body");
            assertThat(rounded.docCount()).isEqualTo(real.docCount());
            double average = (double) rounded.sumTotalTermFreq() / rounded.docCount();
            double exact = (double) real.sumTotalTermFreq() / real.docCount();
            assertThat(average).isLessThanOrEqualTo(exact + 1.0 / rounded.docCount()).isGreaterThan(exact * (1 - 1.0 / 256) - 1);
            TermStatistics term = searcher.termStatistics(new Term("body", "pool"), 1_001, 5_000);
            assertThat(term.docFreq()).isEqualTo(QuantizedSearcher.count(1_001)).isEqualTo(1_000);
            assertThat(term.totalTermFreq()).isGreaterThanOrEqualTo(term.docFreq());
            assertThat(searcher.collectionStatistics("no-such-field")).isNull();
        }
    }
}
