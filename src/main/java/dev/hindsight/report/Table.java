package dev.hindsight.report;

import dev.hindsight.model.Validate;

import java.util.List;

/**
 * One table of the report; each is also written as {@link #csvFile()} and {@link #jsonFile()} next to the page.
 *
 * @param id          a file-name-safe id, unique in the report ("recurring-causes")
 * @param title       the heading
 * @param description one sentence saying what a row is, or ""
 * @param columns     the columns
 * @param rows        the rows, each with one cell per column
 * @param empty       what to say when there are no rows
 * @param folded      true when a page shows it folded away, as the data behind a chart
 * @param preview     how many rows a page shows before folding the rest away (the first {@value Summary#SHOWN} of a
 *                    long list; paper shows those and points at the CSV), or 0 to show every row
 */
public record Table(String id, String title, String description, List<Column> columns, List<List<Cell>> rows,
                    String empty, boolean folded, int preview) {
    /**
     * How many rows a page or Markdown document shows; the CSV and JSON always hold every row. Tables are sorted
     * most important first, so the cut keeps what a meeting needs; on a 10k-incident site an uncut year page was 24 MB.
     */
    public static final int SHOWN_ROWS = 100;

    public Table {
        Validate.isTrue(id.matches("[a-z0-9]+(-[a-z0-9]+)*"), "table id must be lower-case words joined by '-': " + id);
        Validate.notBlank(title, "title");
        Validate.notNull(description, "description");
        columns = List.copyOf(columns);
        rows = rows.stream().map(List::copyOf).toList();
        for (List<Cell> r : rows) {
            Validate.isTrue(r.size() == columns.size(), "row of table " + id + " has " + r.size() + " cells for "
                    + columns.size() + " columns");
        }
        Validate.notBlank(empty, "empty");
        Validate.isTrue(preview >= 0, "preview is not negative");
    }

    /** Creates a table shown unfolded. */
    public Table(String id, String title, String description, List<Column> columns, List<List<Cell>> rows, String empty) {
        this(id, title, description, columns, rows, empty, false, 0);
    }

    /** Returns a copy that pages show folded away. */
    public Table fold() {
        return new Table(id, title, description, columns, rows, empty, true, preview);
    }

    /** Returns a copy that pages show with its first {@value Summary#SHOWN} rows open and the rest folded away. */
    public Table foldAfterTop() {
        return new Table(id, title, description, columns, rows, empty, folded, Summary.SHOWN);
    }

    /** Returns the rows a page shows: the first {@value #SHOWN_ROWS}. */
    public List<List<Cell>> shownRows() {
        return rows.size() <= SHOWN_ROWS ? rows : rows.subList(0, SHOWN_ROWS);
    }

    /** Returns the rows a page shows open: the preview's, or all it shows when the table is short or has no preview. */
    public List<List<Cell>> topRows() {
        List<List<Cell>> shown = shownRows();
        return preview == 0 || shown.size() <= preview ? shown : shown.subList(0, preview);
    }

    /** Returns the rows a page shows folded away below the top ones (none for a short table). */
    public List<List<Cell>> restRows() {
        List<List<Cell>> shown = shownRows();
        return shown.subList(topRows().size(), shown.size());
    }

    /** Returns how many rows a page leaves out (they are in the downloads). */
    public int hiddenRows() {
        return Math.max(0, rows.size() - SHOWN_ROWS);
    }

    /** Returns the index of a column by key. */
    public int column(String key) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).key().equals(key)) {
                return i;
            }
        }
        throw new IllegalArgumentException("table " + id + " has no column " + key);
    }

    /** Returns the file name of the table's CSV download, for people and their spreadsheets: {@code <id>.csv}. */
    public String csvFile() {
        return id + ".csv";
    }

    /**
     * Returns the file name of the table's JSON download, for tools: {@code <id>.json.gz}, gzip-compressed. Typed
     * JSON repeats every column's key on every row, and compressed it is a ninth of its size (at 10k incidents the
     * reports' JSON went from 23.2 MB to 2.6 MB); a tool inflates it in one call, whatever the site's size.
     */
    public String jsonFile() {
        return id + ".json.gz";
    }

    /** Returns the cells of one column, top to bottom. */
    public List<Cell> cells(String key) {
        int i = column(key);
        return rows.stream().map(r -> r.get(i)).toList();
    }
}
