package dev.hindsight.render;

import java.util.List;

/**
 * Writes CSV per RFC 4180: CRLF line ends, and fields quoted when they hold a comma, quote, CR or LF (quotes
 * doubled). Text fields that a spreadsheet would run as a formula (starting with {@code = + - @}, tab or CR) get a
 * leading apostrophe; fields the caller marks as numbers are written as they are, so a negative number stays a
 * number. UTF-8, without a byte-order mark. The one CSV writer: the report's tables and the action-items download use it.
 */
public final class CsvText {
    private final StringBuilder sb = new StringBuilder();

    /** Appends a row of text fields, each guarded against formulas and quoted when needed. */
    public CsvText row(List<String> fields) {
        return raw(fields.stream().map(CsvText::guard).toList());
    }

    /** Appends a row of fields already guarded (numbers, or text passed through {@link #guard}), quoting them when needed. */
    public CsvText raw(List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(quote(fields.get(i)));
        }
        sb.append("\r\n");
        return this;
    }

    /** Returns the CSV text written so far. */
    public String text() {
        return sb.toString();
    }

    /** Neutralizes a text that a spreadsheet would take for a formula. */
    public static String guard(String s) {
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
}
