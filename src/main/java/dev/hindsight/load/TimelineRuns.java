package dev.hindsight.load;

import com.vladsch.flexmark.ast.ListBlock;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.ext.tables.TableRow;
import com.vladsch.flexmark.util.ast.Node;
import dev.hindsight.model.SectionKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds a timeline that no section names: a run of at least {@value #MIN_ENTRIES} entries that each start with a time
 * or date, outside the timeline and action-item sections. A run is the timed items of one list (most of its items
 * timed), the rows of one table whose first cells are timed, or consecutive paragraphs that start with a time or end
 * with the line that says when they were posted (a status page's updates). The
 * caller reads the runs like a timeline section and keeps them only when their times do not go back.
 */
final class TimelineRuns {
    /** The fewest timed entries that make a run. */
    static final int MIN_ENTRIES = 2;

    private TimelineRuns() {
    }

    /**
     * Returns the blocks of each run, in document order.
     *
     * @param leading the blocks before the first heading, which no span holds (a status page's updates often stand
     *                there, under no heading at all)
     */
    static List<List<Node>> find(List<Node> leading, List<Outline.Span> spans, DayOrder order) {
        List<List<Node>> runs = new ArrayList<>();
        runs(leading, order, runs);
        for (Outline.Span s : spans) {
            if (s.kind() != SectionKind.TIMELINE && s.kind() != SectionKind.ACTION_ITEMS) {
                runs(s.blocks(), order, runs);
            }
        }
        return runs;
    }

    private static void runs(List<Node> blocks, DayOrder order, List<List<Node>> runs) {
        List<Node> paragraphs = new ArrayList<>();
        for (Node b : blocks) {
            if (b instanceof Paragraph p && (stamped(NodeText.inline(p), order) || TimelineLines.posted(p, order).isPresent())) {
                paragraphs.add(p);
                continue;
            }
            flush(paragraphs, runs);
            if (b instanceof ListBlock list && mostlyStamped(list, order)
                    || b instanceof TableBlock table && stampedRows(table, order) >= MIN_ENTRIES) {
                runs.add(List.of(b));
            }
        }
        flush(paragraphs, runs);
    }

    private static void flush(List<Node> paragraphs, List<List<Node>> runs) {
        if (paragraphs.size() >= MIN_ENTRIES) {
            runs.add(List.copyOf(paragraphs));
        }
        paragraphs.clear();
    }

    private static boolean mostlyStamped(ListBlock list, DayOrder order) {
        int items = 0;
        int stamped = 0;
        for (Node n = list.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof ListItem item) {
                items++;
                Node first = item.getFirstChild();
                stamped += first != null && stamped(NodeText.inline(first), order) ? 1 : 0;
            }
        }
        return stamped >= MIN_ENTRIES && 3 * stamped >= 2 * items;
    }

    private static int stampedRows(TableBlock table, DayOrder order) {
        int n = 0;
        for (Node section = table.getFirstChild(); section != null; section = section.getNext()) {
            for (Node r = section.getFirstChild(); r != null; r = r.getNext()) {
                Node cell = r instanceof TableRow ? r.getFirstChild() : null;
                n += cell instanceof TableCell && stamped(NodeText.inline(cell), order) ? 1 : 0;
            }
        }
        return n;
    }

    private static boolean stamped(String text, DayOrder order) {
        Optional<TimeStamp> s = TimeStamp.leading(text.replace("*", ""), order);
        return s.isPresent() && (s.get().hasTime() || s.get().date().isPresent());
    }
}
