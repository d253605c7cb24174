package dev.hindsight.load;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds "Label: value" lines in a body, the way many postmortem templates record metadata without front matter:
 * {@code Category: Kubernetes}, {@code **Severity:** Critical}, {@code **Date:** January 14-19, 2026},
 * {@code - **Identified**: Pingdom reported...}, {@code Time to detection: 64 minutes},
 * {@code Created By: Benjamin Elder}; and key/value tables near the top of the body ({@link MetadataTable}), which
 * give the same facts. Lines in timeline, action-item and lessons sections are not read, so an action item's
 * "Owner:" is not taken for the postmortem's. A summary is taken only from the top of the body: the blocks before
 * the first heading, or the first {@value #TOP_BLOCKS} blocks.
 */
final class MetadataLines {
    /**
     * One metadata line.
     *
     * @param field what it gives ("tags", "severity", "date", "detection", "authors", "services", "teams",
     *              "trigger", "summary", "impact", "impact.users", "impact.tickets", "at.started", "at.detected",
     *              "at.mitigated", "at.resolved" (a time), "after.detected", "after.mitigated", "after.resolved"
     *              (a duration from the start), "moment.resolved" (a status line: "Resolved at ...")
     * @param label the label as written
     * @param value the value as written
     * @param line  the 0-based body line
     */
    record Fact(String field, String label, String value, int line) {
    }

    /** How many top-level blocks of a body count as its top, where metadata tables and a summary line are read. */
    static final int TOP_BLOCKS = 8;

    private static final Pattern LINE = Pattern.compile("^\\s*(?:[-*+]\\s+)?([A-Za-z][A-Za-z ();/-]{0,40}?)\\s*:\\s*(.+?)\\s*$");
    private static final Pattern SEPARATOR = Pattern.compile("\\s+[·•|]\\s+");
    private static final Pattern LINK = Pattern.compile("!?\\[([^\\]]*)]\\([^)]*\\)");
    private static final Pattern REF = Pattern.compile("\\[([^\\]]*)]");
    private static final Pattern MARKS = Pattern.compile("\\*\\*|__|`|(?<![A-Za-z0-9])[*_]|[*_](?![A-Za-z0-9])");

    private MetadataLines() {
    }

    /** Reads the metadata lines and top tables of a document, skipping everything inside the excluded blocks. */
    static List<Fact> read(Document doc, Set<Node> excluded) {
        List<Fact> out = new ArrayList<>();
        Set<Node> top = top(doc);
        Node n = doc.getFirstChild();
        while (n != null) {
            boolean skip = excluded.contains(n) || n instanceof TableBlock;
            if (!skip && n instanceof Paragraph p) {
                paragraph(p, top.contains(topLevel(p)), out);
            }
            if (n instanceof TableBlock t && !excluded.contains(n) && top.contains(n)) {
                MetadataTable.read(t, out);
            }
            if (!skip && !(n instanceof Paragraph) && n.getFirstChild() != null) {
                n = n.getFirstChild();
                continue;
            }
            while (n != null && n.getNext() == null) {
                n = n.getParent();
                if (n == doc) {
                    n = null;
                }
            }
            if (n != null) {
                n = n.getNext();
            }
        }
        return out;
    }

    /** The top-level blocks before the first heading (a title H1 first is not counted), or among the first few. */
    private static Set<Node> top(Document doc) {
        Set<Node> out = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        boolean headed = false;
        int i = 0;
        for (Node n = doc.getFirstChild(); n != null; n = n.getNext(), i++) {
            headed |= n instanceof Heading h && !(i == 0 && h.getLevel() == 1);
            if (!headed || i < TOP_BLOCKS) {
                out.add(n);
            }
        }
        return out;
    }

    private static Node topLevel(Node n) {
        Node at = n;
        while (at.getParent() != null && !(at.getParent() instanceof Document)) {
            at = at.getParent();
        }
        return at;
    }

    private static void paragraph(Paragraph p, boolean top, List<Fact> out) {
        String[] lines = p.getChars().toString().split("\n");
        for (int i = 0; i < lines.length && i < 20; i++) {
            for (String part : facts(lines[i])) {
                int colon = part.indexOf(':');
                if (colon < 0 || colon > 60) {
                    continue;
                }
                Matcher m = LINE.matcher(plain(part));
                if (!m.matches()) {
                    continue;
                }
                String label = m.group(1).strip().replaceAll("\\s+", " ");
                String field = MetadataLabels.field(label).orElse(null);
                if (field != null && (top || !field.equals("summary"))) {
                    out.add(new Fact(field, label, m.group(2).strip(), p.getLineNumber() + i));
                }
            }
        }
    }

    /**
     * Returns the "Label: value" parts of a line: the line, or its parts when it holds several, set apart by a
     * spaced {@code ·}, {@code •} or {@code |} ({@code Severity: SEV1 · Duration: 47 minutes · Status: Resolved}).
     */
    private static List<String> facts(String line) {
        List<String> parts = List.of(SEPARATOR.split(line));
        return parts.size() > 1 && parts.stream().allMatch(x -> x.indexOf(':') > 0) ? parts : List.of(line);
    }

    /** Returns a text without links (their text is kept) and emphasis marks. */
    static String plain(String text) {
        return MARKS.matcher(REF.matcher(LINK.matcher(text).replaceAll("$1")).replaceAll("$1")).replaceAll("");
    }

    /** Returns the first fact for a field, if any. */
    static java.util.Optional<Fact> first(List<Fact> facts, String field) {
        return facts.stream().filter(f -> f.field().equals(field)).findFirst();
    }

    /** Splits a list value ("a, b; c") into its parts. */
    static List<String> parts(String value) {
        List<String> out = new ArrayList<>();
        for (String part : value.split("[,;]")) {
            String p = part.strip().replaceAll("[.\\s]+$", "");
            if (!p.isEmpty()) {
                out.add(p);
            }
        }
        return out;
    }
}
