package dev.hindsight.report;

import java.util.List;

/**
 * Writes a table as CSV per RFC 4180: a header row of column labels, CRLF line ends, and fields quoted when they
 * hold a comma, quote, CR or LF (quotes doubled). Text fields that a spreadsheet would run as a formula (starting
 * with {@code = + - @}, tab or CR) get a leading apostrophe; numeric fields are written as plain numbers, so a
 * negative change stays a number. UTF-8, without a byte-order mark.
 */
final class CsvTable {
    private CsvTable() {
    }

    /** Returns the CSV text of a table. */
    static String of(Table t) {
        StringBuilder sb = new StringBuilder();
        row(sb, t.columns().stream().map(c -> guard(c.label())).toList());
        for (List<Cell> r : t.rows()) {
            row(sb, r.stream().map(CsvTable::field).toList());
        }
        return sb.toString();
    }

    private static String field(Cell c) {
        return c.type() == Cell.Type.INTEGER || c.type() == Cell.Type.DECIMAL ? c.export() : guard(c.export());
    }

    /** Neutralizes a text that a spreadsheet would take for a formula. */
    static String guard(String s) {
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            return "'" + s;
        }
        return s;
    }

    /** Quotes a field when RFC 4180 requires it. */
    static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }

    private static void row(StringBuilder sb, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(quote(fields.get(i)));
        }
        sb.append("\r\n");
    }
}
