package dev.hindsight.report;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A year's downloads keep every row, and list in each chain only the incidents of that year. */
class DownloadTableTest {
    private final ReportFactory factory = ReportFixture.factory(ReportFixture.withDrafts(), ReportFixture.noSimilarity());

    @Test
    void aYearsChainsListOnlyItsOwnIncidentsAndEveryRowStays() {
        Report year = factory.report(ReportScope.of(2025));
        Table shown = table(year, "recurring-causes");
        int chain = column(shown, "chain");
        assertThat(shown.rows()).as("a chain reaching back before 2025 (else this test proves nothing)")
                .anyMatch(r -> r.get(chain).items().stream().anyMatch(i -> !i.strong()));

        Table down = DownloadTable.of(year, shown);

        assertThat(down.rows()).hasSameSizeAs(shown.rows());
        assertThat(down.columns().get(chain).label()).isEqualTo("Chain (oldest first), 2025 only");
        for (int i = 0; i < shown.rows().size(); i++) {
            List<Cell> before = shown.rows().get(i);
            List<Cell> after = down.rows().get(i);
            assertThat(after.get(chain).items()).isEqualTo(before.get(chain).items().stream().filter(Cell::strong).toList());
            assertThat(after.get(chain).items()).allMatch(c -> c.value().startsWith("2025-"));
            assertThat(after.subList(0, chain)).isEqualTo(before.subList(0, chain));
        }
        List<String> earlier = shown.rows().stream().flatMap(r -> r.get(chain).items().stream())
                .filter(c -> !c.strong()).map(Cell::value).toList();
        assertThat(CsvTable.of(down)).doesNotContain(earlier).contains("2025-01-15-api-pool-again");
        assertThat(CsvTable.of(shown)).contains(earlier);
    }

    @Test
    void theAllYearsDownloadKeepsEveryChainWhole() {
        Report all = factory.report(ReportScope.all());
        Table shown = table(all, "recurring-causes");
        assertThat(DownloadTable.of(all, shown)).isSameAs(shown);
    }

    @Test
    void aYearsTableWithoutChainsIsUnchanged() {
        Report year = factory.report(ReportScope.of(2025));
        Table durations = year.tables().stream().filter(t -> t.rows().stream().noneMatch(r -> r.stream().anyMatch(Cell::chain)))
                .findFirst().orElseThrow();
        assertThat(DownloadTable.of(year, durations)).isSameAs(durations);
    }

    private static Table table(Report r, String id) {
        return r.tables().stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
    }

    private static int column(Table t, String key) {
        for (int i = 0; i < t.columns().size(); i++) {
            if (t.columns().get(i).key().equals(key)) {
                return i;
            }
        }
        throw new AssertionError("no column " + key);
    }
}
