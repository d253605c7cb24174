package dev.hindsight.report;

import dev.hindsight.model.Validate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * One table cell: what people see, the value exported to CSV and JSON, and where it links.
 *
 * @param type   what kind of value it holds
 * @param text   the text shown in HTML and Markdown
 * @param value  the exported value of a text cell (a slug or id where the text is a title or label)
 * @param href   a site path ("incidents/x/index.html") or absolute URL to link the text to, or ""
 * @param detail a short muted note shown after the text (a date), or ""
 * @param strong true to emphasise it (an incident inside the report's year, in a chain that reaches back further)
 * @param number the number of an integer or decimal cell (a share is a fraction from 0 to 1, a duration is in minutes)
 * @param items  the entries of a list cell (a chain of incidents)
 */
public record Cell(Type type, String text, String value, String href, String detail, boolean strong, double number,
                   List<Cell> items) {
    /** A list longer than this shows its first and last entries only on pages; the downloads have all of them. */
    public static final int SHOWN_ITEMS = 10;
    private static final int SHOWN_HEAD = 3;


    /** The kinds of cell value. */
    public enum Type { TEXT, INTEGER, DECIMAL, LIST, EMPTY }

    public Cell {
        Validate.notNull(type, "type");
        Validate.notNull(text, "text");
        Validate.notNull(value, "value");
        Validate.notNull(href, "href");
        Validate.notNull(detail, "detail");
        items = List.copyOf(items);
    }

    /** Returns a plain text cell. */
    public static Cell of(String text) {
        return new Cell(Type.TEXT, text, text, "", "", false, 0, List.of());
    }

    /**
     * Returns the text that names a severity or another term by its id and label: "SEV1 · Critical", or the label
     * alone when there is no id or the label says the same ("P1", not "P1 · P1").
     */
    static String named(String id, String label) {
        return id.isEmpty() || id.strip().equalsIgnoreCase(label.strip()) ? label : id + " \u00b7 " + label;
    }

    /** Returns a text cell that shows one text, exports another value and links somewhere. */
    public static Cell link(String text, String value, String href) {
        return new Cell(Type.TEXT, text, value, href, "", false, 0, List.of());
    }

    /** Returns a whole-number cell. */
    public static Cell integer(long n) {
        return new Cell(Type.INTEGER, Long.toString(n), "", "", "", false, n, List.of());
    }

    /** Returns a whole-number change, shown with its sign ("+3", "−2", "0"). */
    public static Cell change(long n) {
        String shown = n > 0 ? "+" + n : n < 0 ? "\u2212" + (-n) : "0";
        return new Cell(Type.INTEGER, shown, "", "", "", false, n, List.of());
    }

    /** Returns a share as a percentage, or an empty cell when the denominator is zero. */
    public static Cell share(long part, long whole) {
        if (whole == 0) {
            return empty("n/a");
        }
        double f = (double) part / whole;
        return new Cell(Type.DECIMAL, ReportFormat.percent(part, whole), "", "", "", false, f, List.of());
    }

    /** Returns a duration cell in minutes, shown compactly. */
    public static Cell minutes(java.time.Duration d) {
        return new Cell(Type.DECIMAL, ReportFormat.duration(d), "", "", "", false, d.getSeconds() / 60.0, List.of());
    }

    /** Returns a list cell. */
    public static Cell list(List<Cell> items) {
        return new Cell(Type.LIST, "", "", "", "", false, 0, items);
    }

    /** Returns an empty cell showing a placeholder. */
    public static Cell empty(String shown) {
        return new Cell(Type.EMPTY, shown, "", "", "", false, 0, List.of());
    }

    /** Returns a copy with a detail note. */
    public Cell withDetail(String d) {
        return new Cell(type, text, value, href, d, strong, number, items);
    }

    /** Returns a copy marked strong or not. */
    public Cell withStrong(boolean s) {
        return new Cell(type, text, value, href, detail, s, number, items);
    }

    /** Returns the type in lower case ("text", "list"...), for templates. */
    public String kind() {
        return type.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Returns true when this is a list of incidents (a chain), which pages show as an ordered list. */
    public boolean chain() {
        return type == Type.LIST && !items.isEmpty() && items.stream().allMatch(i -> i.href().startsWith("incidents/"));
    }

    /** Returns the first entries a page shows of a long list (all of a short one). */
    public List<Cell> head() {
        return items.size() <= SHOWN_ITEMS ? items : items.subList(0, SHOWN_HEAD);
    }

    /** Returns the last entries a page shows of a long list (none of a short one). */
    public List<Cell> tail() {
        return items.size() <= SHOWN_ITEMS ? List.of() : items.subList(items.size() - (SHOWN_ITEMS - SHOWN_HEAD), items.size());
    }

    /** Returns how many entries of a long list a page leaves out between head and tail. */
    public int omitted() {
        return items.size() - head().size() - tail().size();
    }

    /** Returns the newest entries of a chain, which a page shows open: the last {@value Summary#SHOWN} (all of a short one). */
    public List<Cell> latest() {
        return items.subList(Math.max(0, items.size() - Summary.SHOWN), items.size());
    }

    /** Returns the earlier entries a page folds away above the latest, at most {@value #SHOWN_ITEMS}, the newest of them. */
    public List<Cell> earlier() {
        int end = items.size() - latest().size();
        return items.subList(Math.max(0, end - SHOWN_ITEMS), end);
    }

    /** Returns how many earlier entries a page leaves out altogether (they are in the downloads). */
    public int earlierOmitted() {
        return items.size() - latest().size() - earlier().size();
    }

    /** Returns true when the cell links somewhere. */
    public boolean linked() {
        return !href.isEmpty();
    }

    /** Returns the value as exported to CSV: text value, plain number, or list values joined by "; ". */
    public String export() {
        return switch (type) {
            case TEXT -> value;
            case INTEGER -> Long.toString((long) number);
            case DECIMAL -> decimal(number);
            case LIST -> String.join("; ", items.stream().map(Cell::export).toList());
            case EMPTY -> "";
        };
    }

    /** Formats a decimal for export: at most four decimals, no trailing zeros, no exponent. */
    static String decimal(double d) {
        return BigDecimal.valueOf(d).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
