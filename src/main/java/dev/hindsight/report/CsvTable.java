package dev.hindsight.report;

import dev.hindsight.render.CsvText;

import java.util.List;

/**
 * Writes a table as CSV ({@link CsvText}: RFC 4180, CRLF, formula guard): a header row of column labels, then the
 * rows; numeric fields are written as plain numbers, so a negative change stays a number.
 */
final class CsvTable {
    private CsvTable() {
    }

    /** Returns the CSV text of a table. */
    static String of(Table t) {
        CsvText csv = new CsvText().row(t.columns().stream().map(Column::label).toList());
        for (List<Cell> r : t.rows()) {
            csv.raw(r.stream().map(CsvTable::field).toList());
        }
        return csv.text();
    }

    private static String field(Cell c) {
        return c.type() == Cell.Type.INTEGER || c.type() == Cell.Type.DECIMAL ? c.export() : CsvText.guard(c.export());
    }
}
