package dev.hindsight.load;

import com.vladsch.flexmark.ast.Emphasis;
import com.vladsch.flexmark.ast.StrongEmphasis;
import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.ext.tables.TableHead;
import com.vladsch.flexmark.ext.tables.TableRow;
import com.vladsch.flexmark.util.ast.Node;

import dev.hindsight.model.ActionItem;
import dev.hindsight.model.ActionStatus;
import dev.hindsight.model.ActionType;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads an action-item table. Columns are recognized by header: action/title/item/description/task (the title),
 * type/kind, owner/assignee/who, due/date/deadline, status/state, link/ticket/issue/url, outcome/result. A table without a
 * recognizable title column uses its first unrecognized column as the title. A row with no status (no column, or
 * an empty cell) takes its section heading's, else {@link ActionStatus#UNKNOWN}.
 */
final class ActionTable {
    private static final Map<String, String> COLUMNS = Map.ofEntries(
            Map.entry("action", "title"), Map.entry("actions", "title"), Map.entry("action item", "title"),
            Map.entry("title", "title"), Map.entry("item", "title"), Map.entry("description", "title"),
            Map.entry("task", "title"), Map.entry("what", "title"), Map.entry("follow-up", "title"),
            Map.entry("type", "type"), Map.entry("kind", "type"), Map.entry("category", "type"),
            Map.entry("owner", "owner"), Map.entry("assignee", "owner"), Map.entry("who", "owner"),
            Map.entry("responsible", "owner"), Map.entry("team", "owner"),
            Map.entry("due", "due"), Map.entry("due date", "due"), Map.entry("date", "due"),
            Map.entry("deadline", "due"), Map.entry("target", "due"), Map.entry("when", "due"),
            Map.entry("status", "status"), Map.entry("state", "status"), Map.entry("done", "status"),
            Map.entry("link", "link"), Map.entry("ticket", "link"), Map.entry("issue", "link"),
            Map.entry("url", "link"), Map.entry("tracker", "link"), Map.entry("jira", "link"), Map.entry("pr", "link"),
            Map.entry("outcome", "outcome"), Map.entry("result", "outcome"), Map.entry("did it help", "outcome"));

    private final ActionItemParser items;

    ActionTable(ActionItemParser items) {
        this.items = items;
    }

    /** Reads the rows of a table into action items. */
    List<ActionItem> read(TableBlock table, ActionItemParser.Hint hint) {
        List<TableRow> head = new ArrayList<>();
        List<TableRow> rows = new ArrayList<>();
        for (Node section = table.getFirstChild(); section != null; section = section.getNext()) {
            if (section instanceof com.vladsch.flexmark.ext.tables.TableSeparator) {
                continue;
            }
            for (Node r = section.getFirstChild(); r != null; r = r.getNext()) {
                if (r instanceof TableRow row) {
                    (section instanceof TableHead ? head : rows).add(row);
                }
            }
        }
        Map<String, Integer> columns = columns(head.isEmpty() ? List.of() : cells(head.get(0)));
        List<ActionItem> out = new ArrayList<>();
        for (TableRow row : rows) {
            row(row, columns, hint).ifPresent(out::add);
        }
        return out;
    }

    private Optional<ActionItem> row(TableRow row, Map<String, Integer> columns, ActionItemParser.Hint hint) {
        List<TableCell> cells = cells(row);
        int line = row.getLineNumber() + items.lineOffset();
        String title = text(cells, columns.get("title"));
        if (title.isBlank()) {
            return Optional.empty();
        }
        ActionType type = Optional.of(text(cells, columns.get("type"))).filter(s -> !s.isBlank())
                .flatMap(s -> items.type(s, line)).orElse(hint.type());
        ActionStatus status = Optional.of(text(cells, columns.get("status"))).filter(s -> !s.isBlank())
                .flatMap(s -> items.status(s, line))
                .or(() -> columns.containsKey("status") ? Optional.empty() : marked(cells, columns.get("title")))
                .orElse(hint.status());
        Optional<String> owner = Optional.of(text(cells, columns.get("owner"))).filter(s -> !s.isBlank()
                && !s.equals("-"));
        Optional<LocalDate> due = items.due(text(cells, columns.get("due")), line);
        Integer linkColumn = columns.get("link");
        Optional<String> link = linkColumn != null && linkColumn < cells.size()
                ? ActionItemParser.firstLink(cells.get(linkColumn)).or(() -> ActionItemParser.safeLink(text(cells, linkColumn)))
                : ActionItemParser.firstLink(cells.get(Math.min(columns.get("title"), cells.size() - 1)));
        return Optional.of(new ActionItem(title, type, owner, due, status, Optional.empty(), link,
                items.outcome(text(cells, columns.get("outcome")), line), line));
    }

    /**
     * Returns the status a row marks in one of its cells when the table has no status column: a cell that ends with
     * a status in bold or, outside the title's cell, in capitals ("Bug 5554823 **TODO**", "n/a DONE"), as some
     * templates write it beside the ticket.
     */
    private static Optional<ActionStatus> marked(List<TableCell> cells, int title) {
        for (int i = 0; i < cells.size(); i++) {
            TableCell cell = cells.get(i);
            Node last = cell.getLastChild();
            while (last != null && last.getChars().isBlank()) {
                last = last.getPrevious();
            }
            String word = last instanceof StrongEmphasis || last instanceof Emphasis ? NodeText.inline(last).strip()
                    : lastWord(NodeText.inline(cell));
            Optional<ActionStatus> s = ActionStatus.parse(word);
            if (s.isPresent() && (last instanceof StrongEmphasis || last instanceof Emphasis
                    || i != title && word.equals(word.toUpperCase(Locale.ROOT)) && word.length() > 1)) {
                return s;
            }
        }
        return Optional.empty();
    }

    private static String lastWord(String text) {
        String t = text.strip();
        return t.substring(t.lastIndexOf(' ') + 1);
    }

    private static Map<String, Integer> columns(List<TableCell> header) {
        Map<String, Integer> out = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String h = SectionNames.normalize(NodeText.inline(header.get(i)));
            String field = COLUMNS.get(h);
            if (field == null && h.contains(" ")) {
                field = COLUMNS.get(h.substring(0, h.indexOf(' ')));
            }
            if (field != null && !out.containsKey(field)) {
                out.put(field, i);
            }
        }
        if (!out.containsKey("title")) {
            for (int i = 0; i < Math.max(1, header.size()); i++) {
                if (!out.containsValue(i)) {
                    out.put("title", i);
                    break;
                }
            }
            out.putIfAbsent("title", 0);
        }
        return out;
    }

    private static String text(List<TableCell> cells, Integer column) {
        if (column == null || column >= cells.size()) {
            return "";
        }
        return NodeText.inline(cells.get(column));
    }

    private static List<TableCell> cells(TableRow row) {
        List<TableCell> out = new ArrayList<>();
        for (Node c = row.getFirstChild(); c != null; c = c.getNext()) {
            if (c instanceof TableCell cell) {
                out.add(cell);
            }
        }
        return out;
    }

    /** Returns the header names that map to a column, in lower case. */
    static java.util.Set<String> headers() {
        return COLUMNS.keySet().stream().map(s -> s.toLowerCase(Locale.ROOT)).collect(java.util.stream.Collectors.toSet());
    }
}
