package dev.hindsight.check;

import dev.hindsight.model.Postmortem;
import dev.hindsight.model.Section;
import dev.hindsight.model.SectionKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lines of a postmortem that language checks read: the body outside code, with inline code, URLs and
 * comments blanked out (so columns stay right), plus the title and summary in the front matter.
 * Without the source text, the loader's section texts stand in, positioned at their headings.
 */
final class Prose {
    private final List<Line> lines;
    private final String text;
    private final int[] starts;

    /**
     * Inline code, link targets, URLs, comments and a link reference definition's target ({@code [id]: url}); not a
     * footnote's note ({@code [^1]: text}), which is prose. The look-behind stands after the {@code ]:} it guards, so it
     * is tried only where one is, not at every character of every line (it was a tenth of a cold build's CPU).
     */
    private static final Pattern BLANKED = Pattern.compile(
            "`[^`]*`|\\]\\([^)]*\\)|<https?://[^>]*>|https?://\\S+|<!--.*?-->|\\]:(?<!\\[\\^[^\\]]{0,99}\\]:)\\s*\\S+");
    private static final Pattern NESTED_TITLE = Pattern.compile("^\\s*(?:-\\s+)?title\\s*[:=]");
    private static final Set<String> PROSE_KEYS = Set.of("title", "summary");

    private Prose(List<Line> lines) {
        this.lines = List.copyOf(lines);
        this.starts = new int[lines.size()];
        int length = 0;
        for (Line l : lines) {
            length += l.text().length() + 1;
        }
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < lines.size(); i++) {
            starts[i] = sb.length();
            sb.append(lines.get(i).text()).append('\n');
        }
        this.text = sb.toString();
    }

    /** Returns all lines joined by newlines, so that a pattern is run once per document. */
    String text() {
        return text;
    }

    /** Returns the lines. */
    List<Line> lines() {
        return lines;
    }

    /** Returns the line that holds an offset of {@link #text()}. */
    Line lineAt(int offset) {
        int i = java.util.Arrays.binarySearch(starts, offset);
        return lines.get(i >= 0 ? i : -i - 2);
    }

    /** Returns the source position of an offset of {@link #text()}. */
    Position at(int offset) {
        int i = java.util.Arrays.binarySearch(starts, offset);
        int line = i >= 0 ? i : -i - 2;
        return lines.get(line).at(offset - starts[line]);
    }

    /**
     * One line to check.
     *
     * @param line     1-based source line, or 0 when unknown
     * @param column   1-based column of the text's first character, or 0 when unknown
     * @param text     the text, with code and URLs blanked
     * @param record   true where a write-up records who did what, so people may be named: the Timeline and Action Items
     *                 sections (an item's owner), and
     *                 the {@code Label: value} lines above the body's first section ({@code **Authors:** ...},
     *                 {@code Incident commander: ...})
     */
    record Line(int line, int column, String text, boolean record) {
        /** Returns the position of a character of the text. */
        Position at(int index) {
            return new Position(line, line > 0 && column > 0 ? column + index : 0);
        }
    }

    /** A {@code Label: value} line of a header: a short label, bold or not, in a list item or not. */
    private static final java.util.regex.Pattern LABELLED = java.util.regex.Pattern.compile(
            "[\\s>*_-]*\\p{L}[\\p{L}\\p{N} /&'’()-]{0,40}?[*_]*\\s*:[*_]*\\s+\\S");

    /** Returns the prose lines: the body plus title and summary, or with {@code everything} every front matter line, comments included. */
    static Prose of(Document doc, boolean everything) {
        return new Prose(doc.source().known() ? fromSource(doc, everything) : fromRecord(doc.postmortem()));
    }

    private static List<Line> fromSource(Document doc, boolean everything) {
        SourceMap src = doc.source();
        List<int[]> timelines = new ArrayList<>();
        for (Section s : doc.postmortem().sections()) {
            if (records(s.kind()) && s.line() > 0) {
                timelines.add(new int[] {s.line(), src.sectionEnd(s.line())});
            }
        }
        int firstSection = doc.postmortem().sections().stream().mapToInt(Section::line).filter(l -> l > 0).min()
                .orElse(Integer.MAX_VALUE);
        List<Line> out = new ArrayList<>();
        for (int n = 1; n <= src.lineCount(); n++) {
            String text = src.line(n);
            if (src.inFrontMatter(n)) {
                frontMatterLine(src, n, text, everything).ifPresent(out::add);
            } else if (n >= src.bodyStart() && !src.inCode(n) && !text.isBlank()) {
                boolean inTimeline = false;
                for (int[] r : timelines) {
                    inTimeline |= n >= r[0] && n <= r[1];
                }
                boolean header = n < firstSection && LABELLED.matcher(text).lookingAt();
                out.add(new Line(n, 1, blank(text), inTimeline || header));
            }
        }
        return out;
    }

    private static java.util.Optional<Line> frontMatterLine(SourceMap src, int n, String text, boolean everything) {
        if (text.isBlank() || !everything && text.stripLeading().startsWith("#")) {
            return java.util.Optional.empty();
        }
        if (everything) {
            return java.util.Optional.of(new Line(n, 1, text, false));
        }
        boolean top = !Character.isWhitespace(text.charAt(0)) && text.charAt(0) != '-';
        // The pattern only for lines under action_items: a matcher costs more than the line.
        if (top && PROSE_KEYS.contains(src.topKeyOf(n))
                || src.topKeyOf(n).equals("action_items") && NESTED_TITLE.matcher(text).find()) {
            int cut = SourceMap.firstOf(text) + 1;
            return java.util.Optional.of(new Line(n, cut + 1, text.substring(cut), false));
        }
        if (!top && src.topKeyOf(n).equals("summary")) {
            return java.util.Optional.of(new Line(n, 1, text, false));
        }
        return java.util.Optional.empty();
    }

    private static List<Line> fromRecord(Postmortem p) {
        List<Line> out = new ArrayList<>();
        out.add(new Line(0, 0, p.title(), false));
        p.summary().ifPresent(s -> out.add(new Line(0, 0, s, false)));
        if (p.sections().isEmpty()) {
            for (String t : p.bodyText().split("\n")) {
                out.add(new Line(0, 0, t, false));
            }
        }
        for (Section s : p.sections()) {
            for (String t : s.text().split("\n")) {
                out.add(new Line(s.line(), 0, t, records(s.kind())));
            }
        }
        return out;
    }

    /** Returns true for the sections that record who did what: the timeline, and the action items with their owners. */
    private static boolean records(SectionKind kind) {
        return kind == SectionKind.TIMELINE || kind == SectionKind.ACTION_ITEMS;
    }

    /** Replaces inline code, link targets, URLs and comments by spaces of the same length. */
    static String blank(String text) {
        if (text.indexOf('`') < 0 && text.indexOf(']') < 0 && text.indexOf('<') < 0 && !text.contains("://")) {
            return text;
        }
        Matcher m = BLANKED.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text);
        do {
            for (int i = m.start(); i < m.end(); i++) {
                sb.setCharAt(i, ' ');
            }
        } while (m.find());
        return sb.toString();
    }
}
