package dev.hindsight.load;

import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds "Label: value" lines in a body, the way many postmortem templates record metadata without front matter:
 * {@code Category: Kubernetes}, {@code **Severity:** Critical}, {@code **Date:** January 14-19, 2026},
 * {@code - **Identified**: Pingdom reported...}, {@code Time to detection: 64 minutes},
 * {@code Created By: Benjamin Elder}. Lines in timeline, action-item and lessons sections are not read, so an
 * action item's "Owner:" is not taken for the postmortem's.
 */
final class MetadataLines {
    /**
     * One metadata line.
     *
     * @param field what it gives ("tags", "severity", "date", "detection", "authors", "services", "teams",
     *              "trigger", "after.detected", "after.mitigated", "after.resolved", "moment.resolved")
     * @param label the label as written
     * @param value the value as written
     * @param line  the 0-based body line
     */
    record Fact(String field, String label, String value, int line) {
    }

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("category", "tags"), Map.entry("categories", "tags"), Map.entry("tags", "tags"),
            Map.entry("tag", "tags"), Map.entry("labels", "tags"),
            Map.entry("severity", "severity"), Map.entry("sev", "severity"), Map.entry("incident severity", "severity"),
            Map.entry("date", "date"), Map.entry("incident date", "date"), Map.entry("date of incident", "date"),
            Map.entry("service", "services"), Map.entry("services", "services"),
            Map.entry("affected service", "services"), Map.entry("affected services", "services"),
            Map.entry("affected systems", "services"), Map.entry("systems affected", "services"),
            Map.entry("components", "services"), Map.entry("affected components", "services"),
            Map.entry("team", "teams"), Map.entry("teams", "teams"), Map.entry("owning team", "teams"),
            Map.entry("responsible team", "teams"),
            Map.entry("owner", "authors"), Map.entry("author", "authors"), Map.entry("authors", "authors"),
            Map.entry("created by", "authors"), Map.entry("written by", "authors"),
            Map.entry("trigger", "trigger"),
            Map.entry("identified", "detection"), Map.entry("detection", "detection"),
            Map.entry("detected by", "detection"), Map.entry("how detected", "detection"),
            Map.entry("detection method", "detection"),
            Map.entry("time to detection", "after.detected"), Map.entry("time to detect", "after.detected"),
            Map.entry("detection delay", "after.detected"), Map.entry("detection time", "after.detected"),
            Map.entry("ttd", "after.detected"),
            Map.entry("time to repair", "after.mitigated"), Map.entry("time to mitigate", "after.mitigated"),
            Map.entry("time to mitigation", "after.mitigated"), Map.entry("ttm", "after.mitigated"),
            Map.entry("time to recovery", "after.resolved"), Map.entry("time to recover", "after.resolved"),
            Map.entry("time to resolve", "after.resolved"), Map.entry("time to resolution", "after.resolved"),
            Map.entry("time to restore", "after.resolved"), Map.entry("ttr", "after.resolved"),
            Map.entry("status", "moment.resolved"));

    private static final Pattern LINE = Pattern.compile("^\\s*(?:[-*+]\\s+)?([A-Za-z][A-Za-z ()/-]{0,40}?)\\s*:\\s*(.+?)\\s*$");
    private static final Pattern LINK = Pattern.compile("!?\\[([^\\]]*)]\\([^)]*\\)");
    private static final Pattern REF = Pattern.compile("\\[([^\\]]*)]");
    private static final Pattern MARKS = Pattern.compile("\\*\\*|__|`|(?<![A-Za-z0-9])[*_]|[*_](?![A-Za-z0-9])");

    private MetadataLines() {
    }

    /** Reads the metadata lines of a document, skipping paragraphs inside the excluded blocks. */
    static List<Fact> read(Document doc, Set<Node> excluded) {
        List<Fact> out = new ArrayList<>();
        Node n = doc.getFirstChild();
        while (n != null) {
            boolean skip = excluded.contains(n) || n instanceof TableBlock;
            if (!skip && n instanceof Paragraph p) {
                paragraph(p, out);
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

    private static void paragraph(Paragraph p, List<Fact> out) {
        String[] lines = p.getChars().toString().split("\n");
        for (int i = 0; i < lines.length && i < 20; i++) {
            int colon = lines[i].indexOf(':');
            if (colon < 0 || colon > 60) {
                continue;
            }
            String clean = MARKS.matcher(REF.matcher(LINK.matcher(lines[i]).replaceAll("$1")).replaceAll("$1")).replaceAll("");
            Matcher m = LINE.matcher(clean);
            if (!m.matches()) {
                continue;
            }
            String label = m.group(1).strip().replaceAll("\\s+", " ");
            String field = LABELS.get(label.toLowerCase(Locale.ROOT));
            if (field != null) {
                out.add(new Fact(field, label, m.group(2).strip(), p.getLineNumber() + i));
            }
        }
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

    /** Returns the labels that a line may use, for documentation and tests. */
    static Set<String> labels() {
        return LABELS.keySet();
    }
}
