package dev.hindsight.render;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Writes CSV per RFC 4180 with Apache Commons CSV: CRLF line ends, fields quoted when they hold a comma, quote, CR
 * or LF (quotes doubled; Commons CSV also quotes a field that starts with a space or one of {@code !"#} or ends
 * with a space, and writes an empty first field as {@code ""}, which RFC 4180 allows). Text fields that a spreadsheet would run as a formula (starting with
 * {@code = + - @}, tab or CR) get a leading apostrophe; fields the caller marks as numbers are written as they
 * are, so a negative number stays a number. UTF-8, without a byte-order mark. The one CSV writer: the report's
 * tables and the action-items download use it.
 */
public final class CsvText {
    /** RFC 4180: comma, double quote, CRLF after every record, quotes only where needed. */
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setRecordSeparator("\r\n").setQuoteMode(QuoteMode.MINIMAL).get();

    private final StringBuilder sb = new StringBuilder();
    private final CSVPrinter printer;

    /** Starts an empty CSV text. */
    public CsvText() {
        try {
            printer = new CSVPrinter(sb, FORMAT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Appends a row of text fields, each guarded against formulas and quoted when needed. */
    public CsvText row(List<String> fields) {
        return raw(fields.stream().map(CsvText::guard).toList());
    }

    /** Appends a row of fields already guarded (numbers, or text passed through {@link #guard}), quoting them when needed. */
    public CsvText raw(List<String> fields) {
        try {
            printer.printRecord(fields);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
}
