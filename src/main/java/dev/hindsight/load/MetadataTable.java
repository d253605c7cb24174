package dev.hindsight.load;

import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.ext.tables.TableHead;
import com.vladsch.flexmark.ext.tables.TableRow;
import com.vladsch.flexmark.ext.tables.TableSeparator;
import com.vladsch.flexmark.util.ast.Node;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a key/value table at the top of a body into the same facts as metadata lines. Two shapes are metadata:
 * <ul>
 *   <li>two columns whose rows mostly start with a known label ({@code | Date | 2023-04-21 |}); the header row
 *       counts as a row too when its first cell is a label, and is otherwise a caption ({@code | Field | Value |});</li>
 *   <li>a header row of labels (most of its cells known) over exactly one data row
 *       ({@code | Date | Duration | Impact |} then {@code | 2023-04-21 | 2h | ... |}).</li>
 * </ul>
 * Any other table is not: a timeline starts its rows with times, not labels, and a table whose header names an
 * action item column (Action, Task, Due...) never is. Empty values ("", "-", "N/A", "TBD") give no fact.
 */
final class MetadataTable {
    private static final Set<String> ACTION_HEADERS = Set.of("action", "actions", "action item", "action items", "task",
            "tasks", "follow-up", "follow up", "todo", "to do", "due", "due date", "deadline", "assignee", "ticket");
    private static final Set<String> EMPTY = Set.of("", "-", "\u2014", "n/a", "na", "none yet", "tbd", "tba", "?", "...");

    private MetadataTable() {
    }

    /** Adds the facts of a table when it is a metadata table; any other table adds none. */
    static void read(TableBlock table, List<MetadataLines.Fact> out) {
        List<TableRow> head = new ArrayList<>();
        List<TableRow> body = new ArrayList<>();
        for (Node section = table.getFirstChild(); section != null; section = section.getNext()) {
            for (Node r = section.getFirstChild(); r != null && !(section instanceof TableSeparator); r = r.getNext()) {
                if (r instanceof TableRow row) {
                    (section instanceof TableHead ? head : body).add(row);
                }
            }
        }
        List<String> header = head.isEmpty() ? List.of() : texts(head.get(0));
        if (header.stream().anyMatch(h -> ACTION_HEADERS.contains(h.toLowerCase(Locale.ROOT)))) {
            return;
        }
        List<String> first = body.isEmpty() ? List.of() : texts(body.get(0));
        boolean pairs = header.size() == 2 && first.size() == 2 && label(first.get(0)).isPresent();
        if (body.size() == 1 && !pairs && mostly(header)) {
            List<String> values = first;
            for (int i = 0; i < header.size() && i < values.size(); i++) {
                fact(header.get(i), values.get(i), body.get(0).getLineNumber(), out);
            }
            return;
        }
        List<TableRow> rows = body.stream().filter(r -> texts(r).size() == 2).toList();
        if (header.size() != 2 || rows.size() != body.size() || !mostly(rows.stream().map(r -> texts(r).get(0)).toList())) {
            return;
        }
        if (label(header.get(0)).isPresent()) {
            fact(header.get(0), header.get(1), head.get(0).getLineNumber(), out);
        }
        for (TableRow r : rows) {
            List<String> cells = texts(r);
            fact(cells.get(0), cells.get(1), r.getLineNumber(), out);
        }
    }

    /** True when more than half of some cells, and at least one, are known labels. */
    private static boolean mostly(List<String> cells) {
        long known = cells.stream().filter(c -> label(c).isPresent()).count();
        return known > 0 && known * 2 > cells.size();
    }

    private static void fact(String label, String value, int line, List<MetadataLines.Fact> out) {
        String v = value.strip();
        if (!EMPTY.contains(v.toLowerCase(Locale.ROOT))) {
            label(label).ifPresent(field -> out.add(new MetadataLines.Fact(field, clean(label), v, line)));
        }
    }

    private static Optional<String> label(String cell) {
        return MetadataLabels.field(clean(cell));
    }

    /** A header cell as a label: without emphasis and a trailing colon. */
    private static String clean(String cell) {
        return MetadataLines.plain(cell).strip().replaceAll("\\s*:$", "");
    }

    private static List<String> texts(TableRow row) {
        List<String> out = new ArrayList<>();
        for (Node c = row.getFirstChild(); c != null; c = c.getNext()) {
            if (c instanceof TableCell cell) {
                out.add(NodeText.inline(cell).strip());
            }
        }
        return out;
    }
}
