package dev.hindsight.report;

/**
 * The running header of a printed report, as a small stylesheet: CSS page margins cannot read text from the page, so
 * each report gets its own rule with its name and year (the page numbers and the margins are in report.css).
 */
final class PrintHeader {
    /** The file name of the stylesheet next to each report page. */
    static final String FILE = "print-header.css";

    private PrintHeader() {
    }

    /** Returns the stylesheet that puts the report's title and site in the top margin of every printed page. */
    static String css(Report r) {
        return "/* The running header of the printed report (the rest of the page margins are in report.css). */\n"
                + "@media print { @page { @top-left { content: " + string(r.title() + " \u00b7 " + r.siteTitle()) + "; } } }\n";
    }

    /** Returns text as a quoted CSS string, with quotes, backslashes, markup and any non-ASCII character escaped. */
    static String string(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 2).append('"');
        text.codePoints().forEach(c -> {
            if (c == '"' || c == '\\' || c == '<' || c == '>' || c < 0x20 || c > 0x7e) {
                sb.append('\\').append(Integer.toHexString(c)).append(' ');
            } else {
                sb.append((char) c);
            }
        });
        return sb.append('"').toString();
    }
}
