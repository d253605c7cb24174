package dev.hindsight.load;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.ListBlock;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListItem;
import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.util.ast.Node;

import dev.hindsight.model.ActionItem;
import dev.hindsight.model.ActionOutcome;
import dev.hindsight.model.ActionStatus;
import dev.hindsight.model.ActionType;
import dev.hindsight.model.Problem;
import dev.hindsight.model.SectionKind;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads action items from the body's action-item sections: a table (columns found by their header), a task list
 * ({@code - [x] Title (owner: sre, due: 2024-05-01)}; checked means done, unchecked open), or a plain list. An
 * item whose status nobody wrote (no checkbox, no check mark, no status field or column, no heading saying
 * "completed", "in progress" or "open") is {@link ActionStatus#UNKNOWN}: historical follow-up lists are not
 * open forever. A subsection's heading hints at the type ("Immediate actions" are mitigate, "Long-term
 * improvements" prevent). Values that cannot be read are reported with their line and left empty; a status that
 * cannot be read is open, as in front matter.
 */
final class ActionItemParser {
    static final Pattern DONE_MARK = Pattern.compile("^[\u2705\u2714\u2611\u2713]\uFE0F?\\s*");
    /** The verdicts an outcome starts with, for messages. */
    static final String OUTCOMES = "helped, did-not-help or unknown";
    private static final Pattern META = Pattern.compile("\\s*\\(((?:owner|assignee|due|status|type|link|ticket|outcome)\\s*:[^()]*)\\)\\s*\\.?$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern OWNER = Pattern.compile("(?i)(?:^|[\\s.;,(])owner\\s*:\\s*(@?[\\w.-]+(?:\\s+[A-Z][\\w.-]*)?)\\.?");
    private static final Pattern OUTCOME_FIELD = Pattern.compile("(?i)(?:^|,)\\s*outcome\\s*:");
    static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    /** A remark's field written without its colon, where its value shows what it is: "due 2024-05-01", "owner @sre". */
    static final Pattern BARE_FIELD = Pattern.compile("(?i)(due)(?:\\s+by)?\\s+(\\d{4}-\\d{2}-\\d{2})|(owner)\\s+(@[\\w.-]+)");
    static final Map<String, String> FIELD_KEYS = Map.ofEntries(Map.entry("owner", "owner"),
            Map.entry("owners", "owner"), Map.entry("assignee", "owner"), Map.entry("responsible", "owner"),
            Map.entry("deadline", "due"), Map.entry("due", "due"), Map.entry("due date", "due"),
            Map.entry("target date", "due"), Map.entry("status", "status"), Map.entry("state", "status"),
            Map.entry("type", "type"), Map.entry("ticket", "ticket"), Map.entry("link", "link"),
            Map.entry("outcome", "outcome"));
    static final Pattern FIELD = Pattern.compile("(?i)(owners?|assignee|responsible|deadline|due(?: date)?|"
            + "target date|status|state|type|ticket|link|outcome)\\s*:\\s*(.+)");

    private final String path;
    private final int lineOffset;
    private final List<Problem> problems;
    private final ActionTable tables;
    private final DateBounds bounds;

    ActionItemParser(String path, int lineOffset, List<Problem> problems, DateBounds bounds) {
        this.path = path;
        this.lineOffset = lineOffset;
        this.problems = problems;
        this.bounds = bounds;
        this.tables = new ActionTable(this);
    }

    /** Returns what to add to a 0-based body line to get the file line. */
    int lineOffset() {
        return lineOffset;
    }

    /**
     * Returns the sections to read items from: the action-item sections; without one, the sections that hold a task
     * list ("- [ ] Enable heap dumps"), whatever their heading says ("Remediation", "Next"): a task list is a list of
     * things to do. Timeline and lessons sections are never read for items.
     */
    static List<Outline.Span> spans(List<Outline.Span> all) {
        List<Outline.Span> named = all.stream().filter(s -> s.kind() == SectionKind.ACTION_ITEMS).toList();
        if (!named.isEmpty()) {
            return named;
        }
        List<Outline.Span> out = new ArrayList<>();
        for (Outline.Span s : all) {
            List<Node> tasks = s.blocks().stream().filter(b -> b instanceof ListBlock list && taskList(list)).toList();
            if (!tasks.isEmpty() && s.kind() != SectionKind.TIMELINE && s.kind() != SectionKind.LESSONS) {
                // Only the task lists: the section's other blocks say what happened.
                out.add(new Outline.Span(s.kind(), s.title(), s.anchor(), s.level(), s.line(), tasks, s.heading()));
            }
        }
        return out;
    }

    /** Returns true for a list whose items are mostly tasks ("- [ ]", "- [x]"). */
    private static boolean taskList(ListBlock list) {
        int items = 0;
        int tasks = 0;
        for (Node n = list.getFirstChild(); n != null; n = n.getNext()) {
            items += n instanceof ListItem ? 1 : 0;
            tasks += n instanceof TaskListItem ? 1 : 0;
        }
        return tasks > 0 && 2 * tasks >= items;
    }

    /** Reads the items of the action-item sections, deepest sections first so each list is read once. */
    List<ActionItem> read(List<Outline.Span> spans) {
        Map<Node, Boolean> seen = new IdentityHashMap<>();
        List<ActionItem> items = new ArrayList<>();
        List<Outline.Span> ordered = new ArrayList<>(spans);
        ordered.sort(Comparator.comparingInt(Outline.Span::level).reversed());
        for (Outline.Span span : ordered) {
            Hint hint = Hint.of(span.title());
            for (Node block : span.blocks()) {
                if (seen.put(block, Boolean.TRUE) != null) {
                    continue;
                }
                Optional<String> fields = block instanceof Heading && block.getNext() instanceof ListBlock list
                        ? ItemRemarks.fieldList(list) : Optional.empty();
                if (fields.isPresent()) {
                    // An item per subsection: its heading is the title, the list below holds only its fields.
                    seen.put(block.getNext(), Boolean.TRUE);
                    build(NodeText.inline(block) + " (" + fields.get() + ")", hint.status, hint, Optional.empty(),
                            block.getLineNumber() + lineOffset).ifPresent(items::add);
                } else if (block instanceof TableBlock table) {
                    items.addAll(tables.read(table, hint));
                } else if (block instanceof ListBlock list) {
                    for (Node n = list.getFirstChild(); n != null; n = n.getNext()) {
                        if (n instanceof ListItem item) {
                            listItem(item, hint).ifPresent(items::add);
                        }
                    }
                } else if (block instanceof Paragraph p && Outline.label(p).map(l -> l.toLowerCase(Locale.ROOT)
                        .startsWith("action item")).orElse(false)) {
                    paragraphItem(p, hint).ifPresent(items::add);
                }
            }
        }
        items.sort(Comparator.comparingInt(ActionItem::line));
        return items;
    }

    private Optional<ActionItem> listItem(ListItem item, Hint hint) {
        Node first = item.getFirstChild();
        if (!(first instanceof Paragraph)) {
            return Optional.empty();
        }
        int line = item.getLineNumber() + lineOffset;
        String text = NodeText.inline(first);
        ActionStatus status = hint.status;
        if (item instanceof TaskListItem task) {
            status = task.isItemDoneMarker() ? ActionStatus.DONE : status == ActionStatus.UNKNOWN ? ActionStatus.OPEN : status;
        }
        Matcher done = DONE_MARK.matcher(text);
        if (done.find()) {
            status = ActionStatus.DONE;
            text = text.substring(done.end());
        }
        String fields = fieldLines(item);
        return build(fields.isEmpty() ? text : text + " (" + fields + ")", status, hint, firstLink(first), line);
    }

    /**
     * Reads the "Owner: x", "Deadline: y", "Status: z" sub-bullets of an item (bold labels or not), as the postmortem
     * guides teach them, into the "(owner: x, due: y, status: z)" form {@link #build} reads; sub-bullets of other kinds
     * stay part of the item's text on the page and are not items of their own.
     */
    private static String fieldLines(ListItem item) {
        List<String> out = new ArrayList<>();
        String outcome = "";
        for (Node sub = item.getFirstChild(); sub != null; sub = sub.getNext()) {
            if (!(sub instanceof ListBlock list)) {
                continue;
            }
            for (Node n = list.getFirstChild(); n != null; n = n.getNext()) {
                Optional<String[]> field = ItemRemarks.fieldLine(n);
                if (field.isPresent() && field.get()[0].equals("outcome")) {
                    outcome = "outcome: " + field.get()[1];
                } else {
                    field.ifPresent(f -> out.add(f[0] + ": " + f[1].replace(",", " ")));
                }
            }
        }
        // The outcome goes last: its note may hold commas, and build() reads it to the end.
        if (!outcome.isEmpty()) {
            out.add(outcome);
        }
        return String.join(", ", out);
    }

    private Optional<ActionItem> paragraphItem(Paragraph p, Hint hint) {
        String text = NodeText.inline(p).replaceFirst("(?i)^action items?\\s*:?\\s*", "");
        return build(text, hint.status, hint, firstLink(p), p.getLineNumber() + lineOffset);
    }

    /** Builds an item from its text, reading "(owner: x, due: y)" and "Owner: @x" out of the title. */
    Optional<ActionItem> build(String text, ActionStatus status, Hint hint, Optional<String> link, int line) {
        String title = text.strip();
        Optional<String> owner = Optional.empty();
        Optional<LocalDate> due = Optional.empty();
        Optional<ActionOutcome> outcome = Optional.empty();
        ActionType type = hint.type;
        if (!META.matcher(title).find()) {
            title = ItemRemarks.remarked(title);
        }
        Matcher statusRemark = ItemRemarks.STATUS_REMARK.matcher(title);
        if (statusRemark.find()) {
            status = ActionStatus.parse(statusRemark.group(1)).orElse(status);
            title = title.substring(0, statusRemark.start()).strip();
        }
        Matcher meta = META.matcher(title);
        if (meta.find()) {
            title = title.substring(0, meta.start()).strip();
            String fields = meta.group(1);
            // An outcome's note may hold commas: it runs to the end of the remark.
            Matcher said = OUTCOME_FIELD.matcher(fields);
            if (said.find()) {
                outcome = outcome(fields.substring(said.end()), line);
                fields = fields.substring(0, said.start());
            }
            for (String part : fields.split(",")) {
                if (part.isBlank()) {
                    continue;
                }
                int colon = part.indexOf(':');
                Matcher bare = BARE_FIELD.matcher(part.strip());
                boolean isBare = colon < 0 && bare.matches();
                int at = isBare && bare.group(1) == null ? 3 : 1;
                String key = isBare ? bare.group(at).toLowerCase(Locale.ROOT)
                        : part.substring(0, Math.max(colon, 0)).strip().toLowerCase(Locale.ROOT);
                String value = isBare ? bare.group(at + 1) : part.substring(colon + 1).strip();
                switch (key) {
                    case "owner", "assignee" -> owner = Optional.of(value).filter(v -> !v.isEmpty());
                    case "due" -> due = due(value, line);
                    case "status" -> status = status(value, line).orElse(status);
                    case "type" -> type = type(value, line).orElse(type);
                    case "link", "ticket" -> link = safeLink(value);
                    default -> { }
                }
            }
        }
        Matcher o = OWNER.matcher(title);
        if (owner.isEmpty() && o.find()) {
            owner = Optional.of(o.group(1).strip());
            title = (title.substring(0, o.start()) + title.substring(o.end())).strip();
        }
        title = title.replaceAll("[\\s:;,-]+$", "").strip();
        if (title.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ActionItem(title, type, owner, due, status, Optional.empty(), link, outcome, line));
    }

    /** Reads an outcome value, reporting it when it names no verdict; empty when there is none. */
    Optional<ActionOutcome> outcome(String value, int line) {
        String v = value.strip();
        if (v.isEmpty() || v.equals("-")) {
            return Optional.empty();
        }
        Optional<ActionOutcome> o = ActionOutcome.parse(v);
        if (o.isEmpty()) {
            problems.add(Problem.warning(path, line, "action-item", "action item outcome '" + v + "' does not start with "
                    + OUTCOMES + "; it is left out"));
        }
        return o;
    }

    /** Reads an item's due day, reporting it when it is not a date or not a day an item can be due. */
    Optional<LocalDate> due(String value, int line) {
        return written(value, line, "due").flatMap(d -> bounds.due(d, line, "action item due", "it is left empty"));
    }

    private Optional<LocalDate> written(String value, int line, String what) {
        String v = value.strip();
        if (v.isEmpty() || v.equals("-") || v.equalsIgnoreCase("n/a") || v.equalsIgnoreCase("tbd")) {
            return Optional.empty();
        }
        Matcher m = DATE.matcher(v);
        if (m.find()) {
            Optional<LocalDate> d = DateFinder.first(v).map(DateFinder.Found::date);
            if (d.isPresent()) {
                return d;
            }
        }
        Optional<LocalDate> named = DateFinder.first(v).map(DateFinder.Found::date);
        if (named.isPresent()) {
            return named;
        }
        problems.add(Problem.warning(path, line, "action-item", "action item " + what + " '" + v
                + "' is not a date like 2024-05-01; it is left empty"));
        return Optional.empty();
    }

    /** Reads a status value: empty when there is none, open (and reported) when it cannot be read. */
    Optional<ActionStatus> status(String value, int line) {
        String v = value.strip();
        if (v.isEmpty()) {
            return Optional.empty();
        }
        if (DONE_MARK.matcher(v).find() || v.equalsIgnoreCase("x") || v.equalsIgnoreCase("yes")) {
            return Optional.of(ActionStatus.DONE);
        }
        Optional<ActionStatus> s = ActionStatus.parse(v);
        if (s.isEmpty()) {
            problems.add(Problem.warning(path, line, "action-item", "action item status '" + v
                    + "' is not open, in-progress, done or wont-do; open is used"));
            return Optional.of(ActionStatus.OPEN);
        }
        return s;
    }

    /** Reads a type value, reporting it when it is unknown. */
    Optional<ActionType> type(String value, int line) {
        String v = value.strip();
        if (v.isEmpty()) {
            return Optional.empty();
        }
        Optional<ActionType> t = ActionType.parse(v);
        if (t.isEmpty()) {
            problems.add(Problem.warning(path, line, "action-item", "action item type '" + v
                    + "' is not mitigate, prevent, detect or process; other is used"));
        }
        return t;
    }

    /** Returns the first http(s) link in a node, if any. */
    static Optional<String> firstLink(Node node) {
        Node n = node.getFirstChild();
        while (n != null) {
            String url = n instanceof Link l ? l.getUrl().toString() : n instanceof AutoLink a ? a.getText().toString() : null;
            if (url != null) {
                Optional<String> safe = safeLink(url);
                if (safe.isPresent()) {
                    return safe;
                }
            }
            if (n.getFirstChild() != null) {
                n = n.getFirstChild();
                continue;
            }
            while (n != null && n != node && n.getNext() == null) {
                n = n.getParent();
            }
            n = n == null || n == node ? null : n.getNext();
        }
        return Optional.empty();
    }

    /** Returns the URL when it is an absolute http(s) link. */
    static Optional<String> safeLink(String url) {
        String u = url.strip();
        String lower = u.toLowerCase(Locale.ROOT);
        return (lower.startsWith("https://") || lower.startsWith("http://")) && HtmlSanitizer.isSafeUrl(u, false)
                ? Optional.of(u) : Optional.empty();
    }

    /** What a section heading says about the items under it; a heading that says nothing leaves the status unknown. */
    record Hint(ActionType type, ActionStatus status) {
        static Hint of(String heading) {
            String h = heading.toLowerCase(Locale.ROOT);
            ActionStatus status = h.matches(".*\\b(completed|done|closed|finished)\\b.*") ? ActionStatus.DONE
                    : h.matches(".*\\bin[- ]progress\\b.*") ? ActionStatus.IN_PROGRESS
                    : h.matches(".*\\b(open|outstanding|pending|to[- ]?do)\\b.*") ? ActionStatus.OPEN : ActionStatus.UNKNOWN;
            ActionType type = h.contains("immediate") || h.contains("mitigat") ? ActionType.MITIGATE
                    : h.contains("prevent") || h.contains("long-term") || h.contains("short-term")
                    || h.contains("medium-term") ? ActionType.PREVENT
                    : h.contains("detect") || h.contains("monitor") || h.contains("alert") ? ActionType.DETECT
                    : h.contains("process") ? ActionType.PROCESS : ActionType.OTHER;
            return new Hint(type, status);
        }
    }
}
