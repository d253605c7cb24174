package dev.hindsight.load;

import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.ListBlock;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.ext.tables.TableRow;
import com.vladsch.flexmark.util.ast.Node;

import dev.hindsight.model.Problem;
import org.jsoup.nodes.Entities;
import dev.hindsight.model.TimelineEvent;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads timeline events from the blocks of a timeline section: a table whose time column is the first one (or
 * the one headed Time/Date/When), or lists whose items start with a timestamp ("**09:02** -", "09:02 -",
 * "2024-03-11 09:02 UTC:", "[09:02]", "9:02 AM") or end with a date and time ("First detected 2023-09-18 13:42"),
 * or paragraphs that end with a line that says when they were posted, as a status page prints its updates
 * ("**Resolved** - Error rates are normal." then "Posted Mar 03, 2023 - 15:41 UTC").
 *
 * <p>Short paragraphs and headings between them set the date ("2019-01-22", "### October 21, 2025 - Redis")
 * and the zone ("All times in PST") for the entries that follow. Each entry keeps its time label as written;
 * {@link TimelineClock} decides whether it can be pinned to an instant. Entries of a timeline table or list
 * without a readable time are kept with an empty instant and reported as info.
 */
final class TimelineParser {
    private static final Pattern TIME_HEADER = Pattern.compile("(?i).*\\b(time|date|when|timestamp|hour)s?\\b.*");
    private static final int CONTEXT_PARAGRAPH_MAX = 120;

    private final String path;
    private final int lineOffset;
    private final List<Problem> problems;
    private final TimelineClock clock;
    private final List<TimelineEvent> events = new ArrayList<>();
    private DayOrder order = DayOrder.UNKNOWN;

    /**
     * Prepares to read one incident's timeline.
     *
     * @param lineOffset what to add to a body line (0-based) to get the 1-based file line
     */
    TimelineParser(String path, int lineOffset, Optional<LocalDate> incidentDate, ZoneId zone, List<Problem> problems) {
        this.path = path;
        this.lineOffset = lineOffset;
        this.problems = problems;
        this.clock = new TimelineClock(incidentDate, zone);
    }

    /** Sets the order numeric dates ({@code 04/05/2023}) are read in. */
    void order(DayOrder o) {
        order = o;
    }

    /** Sets the incident's start, which times written relative to it ({@code T+0:12}) are read from. */
    void start(java.time.Instant start) {
        clock.start(start);
    }

    /** Sets the zone that zone-less times are read in, until the timeline states another. */
    void zone(ZoneId zone) {
        clock.zone(zone);
    }

    /**
     * Reads events from the blocks of one timeline section, in order. Besides tables and lists, an entry may be a
     * heading or a paragraph that starts with a time ("### 13:35", "**14:05** Rolled back"), the blocks after such a
     * heading being its text, and each line of a paragraph that starts with a time is an entry of its own (lines
     * held together by a trailing backslash, or by soft breaks).
     */
    void read(List<Node> blocks) {
        int before = events.size();
        List<FencedCodeBlock> fenced = new ArrayList<>();
        Entry open = null;
        for (Node block : blocks) {
            if (block instanceof TableBlock table) {
                open = close(open);
                table(table);
            } else if (block instanceof ListBlock list) {
                if (open != null && !hasStampedItem(list)) {
                    open.text.add(NodeText.of(list).strip());
                } else {
                    open = close(open);
                    list(list);
                }
            } else if (block instanceof Heading heading) {
                open = close(open);
                String text = NodeText.inline(heading);
                context(text);
                Optional<TimeStamp> s = TimeStamp.leading(text, order).filter(TimeStamp::hasTime);
                if (s.isPresent()) {
                    open = new Entry(s.get(), heading.getLineNumber() + lineOffset);
                }
            } else if (block instanceof Paragraph paragraph) {
                open = paragraph(paragraph, open);
            } else if (block instanceof IndentedCodeBlock code) {
                open = lines(code.getContentChars().toString().split("\n"), code.getLineNumber() + lineOffset, open);
            } else if (block instanceof FencedCodeBlock code) {
                fenced.add(code);
            } else if (block instanceof HtmlBlock html) {
                open = lines(TimelineLines.htmlRows(html.getChars().toString()), html.getLineNumber() + lineOffset, open);
            }
        }
        close(open);
        // A timeline pasted into a fenced block (a log's lines) is read when the section has no other entries: beside
        // them, a fenced block is an excerpt, whose own timestamps are no events of the incident.
        if (events.size() == before) {
            for (FencedCodeBlock code : fenced) {
                close(lines(code.getContentChars().toString().split("\n"), code.getLineNumber() + 1 + lineOffset, null));
            }
        }
    }

    /** An entry being collected from a heading or a paragraph line and the blocks that follow it. */
    private static final class Entry {
        final TimeStamp stamp;
        final int line;
        final List<String> text = new ArrayList<>();

        Entry(TimeStamp stamp, int line) {
            this.stamp = stamp;
            this.line = line;
            if (!stamp.rest().isBlank()) {
                text.add(stamp.rest().strip());
            }
        }
    }

    private Entry paragraph(Paragraph paragraph, Entry open) {
        String[] lines = paragraph.getChars().toString().split("\\n");
        Optional<TimeStamp> first = entry(TimelineLines.plain(lines[0])).filter(TimeStamp::hasTime);
        Optional<TimeStamp> last = first.isPresent() ? Optional.empty() : TimelineLines.posted(paragraph, order);
        if (last.isPresent()) {
            // A status page's update: its text, then the line that says when it was posted.
            close(open);
            Entry update = new Entry(last.get(), paragraph.getLineNumber() + lineOffset + lines.length - 1);
            for (int i = 0; i < lines.length - 1; i++) {
                update.text.add(TimelineLines.plain(lines[i]));
            }
            return update;
        }
        if (first.isEmpty()) {
            if (open != null) {
                open.text.add(NodeText.inline(paragraph).strip());
            } else {
                context(NodeText.inline(paragraph));
            }
            return open;
        }
        Entry current = close(open);
        int line = paragraph.getLineNumber() + lineOffset;
        for (int i = 0; i < lines.length; i++) {
            String l = TimelineLines.plain(lines[i]);
            Optional<TimeStamp> s = entry(l).filter(TimeStamp::hasTime);
            if (s.isPresent()) {
                close(current);
                current = new Entry(s.get(), line + i);
            } else if (current != null && !l.isEmpty()) {
                current.text.add(l);
            }
        }
        return current;
    }

    /**
     * Reads a timeline kept as lines of text: a list that indentation turned into a code block, a timeline pasted
     * into a fenced block (a log), or the rows of an HTML table. Each line that starts with a time, after any list
     * marker, is an entry; other lines continue it.
     */
    private Entry lines(String[] lines, int line, Entry open) {
        Entry current = open;
        for (int i = 0; i < lines.length; i++) {
            String l = TimelineLines.plain(lines[i].replaceFirst("^\\s*(?:[-*+]|\\d+[.)])\\s+", ""));
            Optional<TimeStamp> s = TimeStamp.leading(l, order).filter(TimeStamp::hasTime);
            if (s.isPresent()) {
                close(current);
                current = new Entry(s.get(), line + i);
            } else if (current != null && !l.isEmpty()) {
                current.text.add(l);
            }
        }
        return current;
    }


    /** Adds a collected entry as an event; returns null, the next open entry. */
    private Entry close(Entry e) {
        if (e != null) {
            String text = String.join(" ", e.text).replaceAll("\\s+", " ").strip();
            add(e.stamp, text, Entities.escape(text), e.line);
        }
        return null;
    }

    private boolean hasStampedItem(ListBlock list) {
        for (Node n = list.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof ListItem item && stamp(item).isPresent()) {
                return true;
            }
        }
        return false;
    }

    /** Returns the events read so far, oldest first ({@link TimelineLines#oldestFirst}). */
    List<TimelineEvent> events() {
        return TimelineLines.oldestFirst(events);
    }

    private void context(String text) {
        ZoneNames.fromContext(text).ifPresent(clock::zone);
        if (text.length() <= CONTEXT_PARAGRAPH_MAX) {
            DateFinder.first(text).ifPresent(f -> clock.date(f.date()));
        }
    }

    private void list(ListBlock list) {
        List<ListItem> items = new ArrayList<>();
        for (Node n = list.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof ListItem item) {
                items.add(item);
            }
        }
        List<Optional<TimeStamp>> stamps = new ArrayList<>();
        int stamped = 0;
        for (ListItem item : items) {
            Optional<TimeStamp> s = stamp(item);
            stamps.add(s);
            stamped += s.isPresent() ? 1 : 0;
        }
        if (stamped == 0) {
            if (!items.isEmpty()) {
                problems.add(Problem.info(path, list.getLineNumber() + lineOffset, "timeline-time", "timeline list of "
                        + items.size() + " entries without a date or time: shown as written, and no times are"
                        + " derived from it"));
            }
            return;
        }
        for (int i = 0; i < items.size(); i++) {
            ListItem item = items.get(i);
            int line = item.getLineNumber() + lineOffset;
            Optional<TimeStamp> s = stamps.get(i);
            if (s.isEmpty()) {
                String text = NodeText.inline(item);
                if (!text.isBlank()) {
                    problems.add(Problem.info(path, line, "timeline-time", "timeline entry without a time: '"
                            + shorten(text) + "'"));
                    events.add(new TimelineEvent("", Optional.empty(), text, InlineHtml.of(item), line));
                }
                continue;
            }
            Node first = item.getFirstChild();
            String before = NodeText.inline(first);
            boolean leading = first instanceof Paragraph && entry(before).isPresent();
            if (leading) {
                Fragments.dropLeading(first, before.length() - s.get().rest().length());
            }
            String text = leading ? NodeText.inline(item) : s.get().rest();
            String html = leading ? InlineHtml.of(item) : Entities.escape(s.get().rest());
            add(s.get(), text, html, line);
        }
    }

    private Optional<TimeStamp> stamp(ListItem item) {
        Node first = item.getFirstChild();
        if (!(first instanceof Paragraph)) {
            return Optional.empty();
        }
        String text = NodeText.inline(first);
        return entry(text).or(() -> TimeStamp.trailing(firstLine(first)));
    }

    /** Reads the stamp an entry starts with, maybe after a preposition ("At 14:02 UTC, ..."). */
    private Optional<TimeStamp> entry(String text) {
        return TimeStamp.leading(text, order).or(() -> TimeStamp.afterPreposition(text, order));
    }

    private static String firstLine(Node paragraph) {
        String text = NodeText.of(paragraph);
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }

    private void table(TableBlock table) {
        List<TableRow> header = new ArrayList<>();
        List<TableRow> rows = new ArrayList<>();
        for (Node section = table.getFirstChild(); section != null; section = section.getNext()) {
            if (section instanceof com.vladsch.flexmark.ext.tables.TableSeparator) {
                continue;
            }
            boolean head = section instanceof com.vladsch.flexmark.ext.tables.TableHead;
            for (Node r = section.getFirstChild(); r != null; r = r.getNext()) {
                if (r instanceof TableRow row) {
                    (head ? header : rows).add(row);
                }
            }
        }
        int column = 0;
        int second = -1;
        if (!header.isEmpty()) {
            List<TableCell> cells = cells(header.get(0));
            for (int i = 0; i < cells.size(); i++) {
                String h = NodeText.inline(cells.get(i));
                if (TIME_HEADER.matcher(h).matches()) {
                    column = i;
                    ZoneNames.fromContext("time " + h).ifPresent(clock::zone);
                    // A Date column beside a Time column ("| Date | Time (UTC) | Event |"): the two make the stamp.
                    if (i + 1 < cells.size() && TIME_HEADER.matcher(NodeText.inline(cells.get(i + 1))).matches()) {
                        second = i + 1;
                        ZoneNames.fromContext("time " + NodeText.inline(cells.get(i + 1))).ifPresent(clock::zone);
                    }
                    break;
                }
            }
        }
        for (TableRow row : rows) {
            row(row, column, second);
        }
    }

    /** Reads a row whose stamp is in one column, or split over two (the day, then the time); -1 for no second. */
    private void row(TableRow row, int column, int second) {
        List<TableCell> cells = cells(row);
        if (cells.isEmpty()) {
            return;
        }
        int line = row.getLineNumber() + lineOffset;
        TableCell timeCell = cells.get(Math.min(column, cells.size() - 1));
        TableCell secondCell = second >= 0 && second < cells.size() ? cells.get(second) : null;
        String when = (NodeText.inline(timeCell) + (secondCell == null ? "" : " " + NodeText.inline(secondCell))).strip();
        List<String> texts = new ArrayList<>();
        List<String> htmls = new ArrayList<>();
        for (TableCell c : cells) {
            if (c == timeCell || c == secondCell) {
                continue;
            }
            String t = NodeText.inline(c);
            if (!t.isBlank()) {
                texts.add(t);
                htmls.add(InlineHtml.of(c));
            }
        }
        String text = String.join(" \u2014 ", texts);
        String html = String.join(" \u2014 ", htmls);
        if (when.isBlank() && text.isBlank()) {
            return;
        }
        Optional<TimeStamp> s = TimeStamp.leading(when, order);
        if (s.isEmpty()) {
            problems.add(Problem.info(path, line, "timeline-time", "timeline time '" + shorten(when)
                    + "' is not a date or time Hindsight can read; the entry is kept without a time"));
            events.add(new TimelineEvent(when, Optional.empty(), text, html, line));
            return;
        }
        String rest = s.get().rest();
        add(s.get(), rest.isEmpty() ? text : (rest + (text.isEmpty() ? "" : " \u2014 " + text)),
                rest.isEmpty() ? html : Entities.escape(rest) + (html.isEmpty() ? "" : " \u2014 " + html), line);
    }

    private void add(TimeStamp s, String text, String html, int line) {
        TimelineClock.Reading r = clock.read(s, !text.isBlank());
        if (!r.reason().isEmpty()) {
            problems.add(Problem.info(path, line, "timeline-time", (r.at().isPresent() ? "timeline time read as: "
                    : "timeline time not resolved: ") + r.reason()));
        }
        events.add(new TimelineEvent(s.label(), r.at(), text, html, line));
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

    private static String shorten(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
