package dev.hindsight.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The form of a table that a report's CSV and JSON downloads carry. In a year's report, a chain of incidents reaches
 * back to the first incident of its cause, so each year's files used to repeat every earlier year's part of each
 * chain (at 10k incidents, the seven year files held the all-years chains five times over). A year's download keeps
 * every row but lists, in a chain, only the incidents of its year (those its page shows in bold); "In chain" and
 * "First seen" still say how far back it goes, and the all-years download has every chain whole.
 */
final class DownloadTable {
    private DownloadTable() {
    }

    /** Returns the table as a report's downloads write it: unchanged but for the chains of a year's report. */
    static Table of(Report report, Table t) {
        if (report.scope().year().isEmpty()) {
            return t;
        }
        List<Integer> chains = new ArrayList<>();
        for (int i = 0; i < t.columns().size(); i++) {
            int col = i;
            if (!t.rows().isEmpty() && t.rows().stream().allMatch(r -> r.get(col).chain())) {
                chains.add(i);
            }
        }
        if (chains.isEmpty()) {
            return t;
        }
        List<Column> columns = new ArrayList<>(t.columns());
        for (int i : chains) {
            Column c = columns.get(i);
            columns.set(i, Column.text(c.key(), c.label() + ", " + report.scope().title() + " only"));
        }
        List<List<Cell>> rows = new ArrayList<>();
        for (List<Cell> r : t.rows()) {
            List<Cell> row = new ArrayList<>(r);
            for (int i : chains) {
                row.set(i, Cell.list(r.get(i).items().stream().filter(Cell::strong).toList()));
            }
            rows.add(row);
        }
        return new Table(t.id(), t.title(), t.description(), columns, rows, t.empty(), t.folded(), t.preview());
    }
}
