package dev.hindsight.load;

import com.vladsch.flexmark.ast.ListBlock;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;

import dev.hindsight.model.Impact;
import dev.hindsight.model.SectionKind;
import dev.hindsight.model.SiteConfig;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills what the front matter left out from the body, recording each value as an inference: the summary (first
 * paragraph of the Summary section, else a "Summary:" line or table row at the top, else the first paragraph of the
 * body that reads like prose), users affected and support tickets from their labelled counts, tags from a
 * "Category:" line, severity, services, teams, authors and trigger from their labelled lines, and how the incident
 * was detected from an "Identified:"/"Detection:" line (alert, customer or internal, when its words point to
 * exactly one of them first).
 */
final class BodyInference {
    /** Paragraphs shorter than this are not taken as a summary. */
    static final int SUMMARY_MIN_CHARS = 40;

    private static final Pattern COUNT = Pattern.compile("^[~\u2248]?\\s*(\\d{1,3}(?:,\\d{3})+|\\d+)(?![\\d.,%kKmM])");
    private static final Pattern LABEL_LINE = Pattern.compile("^[A-Za-z][A-Za-z ()/-]{0,40}:\\s");
    private static final Pattern LABEL_PREFIX = Pattern.compile("^[A-Za-z][A-Za-z ()/-]{0,40}:\\s*");
    private static final Pattern DETECTION = Pattern.compile("(?i)\\b(?:(alert\\w*|alarm\\w*|pag(?:e|ed|ing)|pagerduty|"
            + "pingdom|monitor\\w*|automated|prometheus|grafana|opsgenie|datadog)|(customers?|users?|clients?|support "
            + "tickets?|tickets?)|(engineers?|team|developers?|colleagues?|staff|internal\\w*|on-?call))\\b");

    private final Draft d;
    private final List<MetadataLines.Fact> facts;
    private final SiteConfig config;
    private final int lineOffset;

    BodyInference(Draft d, List<MetadataLines.Fact> facts, SiteConfig config, int lineOffset) {
        this.d = d;
        this.facts = facts;
        this.config = config;
        this.lineOffset = lineOffset;
    }

    /** Fills every missing value that the body can give. */
    void fill(Optional<Document> doc, List<Outline.Span> spans) {
        if (d.summary.isEmpty()) {
            d.summary = summary(doc, spans);
        }
        if (d.tags.isEmpty()) {
            d.tags = fact("tags").map(f -> {
                List<String> tags = MetadataLines.parts(f.value()).stream().map(BodyInference::tag)
                        .filter(t -> !t.isEmpty()).distinct().toList();
                record(f, "tags", String.join(", ", tags));
                return tags;
            }).filter(t -> !t.isEmpty());
        }
        if (d.severity.isEmpty()) {
            d.severity = fact("severity").map(f -> {
                String v = f.value().replaceAll("\\s*\\(.*$", "").replaceAll("[.\\s]+$", "").strip();
                return v.isEmpty() || v.length() > 30 ? null : recordValue(f, "severity",
                        FrontMatterReader.canonical(config.severities(), v));
            });
        }
        if (d.services.isEmpty()) {
            d.services = list("services", config.services());
        }
        if (d.teams.isEmpty()) {
            d.teams = list("teams", config.teams());
        }
        if (d.authors.isEmpty()) {
            d.authors = fact("authors").map(f -> {
                List<String> names = MetadataLines.parts(f.value().replaceAll("<[^>]*>", "")).stream()
                        .map(String::strip).filter(s -> !s.isEmpty()).toList();
                record(f, "authors", String.join(", ", names));
                return names;
            }).filter(a -> !a.isEmpty());
        }
        if (d.trigger.isEmpty()) {
            d.trigger = fact("trigger").map(f -> recordValue(f, "trigger", f.value()));
        }
        if (d.detection.isEmpty()) {
            d.detection = fact("detection").flatMap(f -> detection(f.value()).map(v -> recordValue(f, "detection", v)));
        }
        Impact i = d.impact;
        count("impact.users", "impact.users_affected").filter(n -> i.usersAffected().isEmpty()).ifPresent(n ->
                d.impact = new Impact(OptionalLong.of(n), d.impact.customerFacing(), d.impact.supportTickets()));
        count("impact.tickets", "impact.support_tickets").filter(n -> i.supportTickets().isEmpty()).ifPresent(n ->
                d.impact = new Impact(d.impact.usersAffected(), d.impact.customerFacing(), OptionalLong.of(n)));
    }

    /** The whole number a labelled value starts with ("1,200 users", "3"), recorded; none for "All" or "2.5k". */
    private Optional<Long> count(String factField, String field) {
        return fact(factField).flatMap(f -> {
            Matcher m = COUNT.matcher(f.value().strip());
            return m.find() ? Optional.of(Long.parseLong(m.group(1).replace(",", ""))).map(n -> {
                record(f, field, String.valueOf(n));
                return n;
            }) : Optional.empty();
        });
    }

    /** Classifies a detection sentence as alert, customer or internal by its first telling word. */
    static Optional<String> detection(String text) {
        Matcher m = DETECTION.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(m.group(1) != null ? "alert" : m.group(2) != null ? "customer" : "internal");
    }

    /** Turns a category name into a tag: lower case, words joined by '-'. */
    static String tag(String category) {
        return category.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("^-+|-+$", "");
    }

    private Optional<String> summary(Optional<Document> doc, List<Outline.Span> spans) {
        Optional<String> section = summarySection(spans);
        if (section.isPresent()) {
            return section;
        }
        Optional<MetadataLines.Fact> stated = fact("summary").filter(f -> f.value().length() >= 3);
        if (stated.isPresent()) {
            return Optional.of(recordValue(stated.get(), "summary", stated.get().value()));
        }
        return doc.flatMap(document -> firstParagraph(document).or(() -> labelledItem(document, spans)));
    }

    private Optional<String> summarySection(List<Outline.Span> spans) {
        for (Outline.Span s : spans) {
            if (s.kind() == SectionKind.SUMMARY) {
                for (Node b : s.blocks()) {
                    if (b instanceof Paragraph p && !NodeText.inline(p).isBlank()) {
                        String text = NodeText.inline(p);
                        d.inferred("summary", text, "first paragraph of the '" + s.title() + "' section (line "
                                + (p.getLineNumber() + lineOffset) + ")");
                        return Optional.of(text);
                    }
                    if (b instanceof ListBlock list) {
                        String text = items(list);
                        if (!text.isBlank()) {
                            d.inferred("summary", text, "the list in the '" + s.title() + "' section (line "
                                    + (list.getLineNumber() + lineOffset) + ")");
                            return Optional.of(text);
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }

    private Optional<String> firstParagraph(Document doc) {
        Paragraph firstUpdate = null;
        java.time.LocalDateTime firstPosted = null;
        for (Node n = doc.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Paragraph p) {
                String text = NodeText.inline(p);
                Optional<java.time.LocalDateTime> posted = TimelineLines.posted(p, DayOrder.UNKNOWN)
                        .filter(t -> t.date().isPresent() && t.time().isPresent()).map(t -> t.date().get().atTime(t.time().get()));
                if (posted.isPresent()) {
                    if (firstPosted == null || posted.get().isBefore(firstPosted)) {
                        firstUpdate = p;
                        firstPosted = posted.get();
                    }
                } else if (text.length() >= SUMMARY_MIN_CHARS && !LABEL_LINE.matcher(text).find()
                        && TimeStamp.leading(text).isEmpty()) {
                    d.inferred("summary", text, "first paragraph of the body (line " + (p.getLineNumber() + lineOffset) + ")");
                    return Optional.of(text);
                }
            }
        }
        if (firstUpdate == null) {
            return Optional.empty();
        }
        // A body of status-page updates only: the first update says what was seen.
        String[] lines = firstUpdate.getChars().toString().strip().split("\n");
        String text = String.join(" ", java.util.Arrays.asList(lines).subList(0, lines.length - 1)).replace("*", "")
                .replaceFirst("^\\p{L}+\\s*[-\u2013\u2014:]\\s+", "").strip();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        d.inferred("summary", text, "the first update posted (line " + (firstUpdate.getLineNumber() + lineOffset) + ")");
        return Optional.of(text);
    }

    /**
     * For a body written as labelled bullets ("- **Identified**: Pingdom reported that Prometheus was down"): the
     * first item of a list outside a timeline section, action items and lessons whose text, after its label, reads
     * like prose and does not start with a time.
     */
    private Optional<String> labelledItem(Document doc, List<Outline.Span> spans) {
        java.util.Set<Node> excluded = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Outline.Span s : spans) {
            boolean timeline = s.kind() == SectionKind.TIMELINE && s.heading().isPresent();
            if (timeline || s.kind() == SectionKind.ACTION_ITEMS || s.kind() == SectionKind.LESSONS) {
                excluded.addAll(s.blocks());
            }
        }
        for (Node b = doc.getFirstChild(); b != null; b = b.getNext()) {
            if (!(b instanceof ListBlock list) || excluded.contains(b)) {
                continue;
            }
            for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
                if (!(item.getFirstChild() instanceof Paragraph first)) {
                    continue;
                }
                String text = LABEL_PREFIX.matcher(NodeText.inline(first).strip()).replaceFirst("");
                if (text.length() >= SUMMARY_MIN_CHARS && TimeStamp.leading(text).isEmpty()) {
                    d.inferred("summary", text, "first labelled item that reads like prose (line "
                            + (item.getLineNumber() + lineOffset) + ")");
                    return Optional.of(text);
                }
            }
        }
        return Optional.empty();
    }

    /** The items of a list as one text, each item's first paragraph, separated by "; ". */
    private static String items(ListBlock list) {
        List<String> out = new java.util.ArrayList<>();
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            if (item.getFirstChild() instanceof Paragraph p && !NodeText.inline(p).isBlank()) {
                out.add(NodeText.inline(p).strip().replaceAll("[.;]+$", ""));
            }
        }
        return out.isEmpty() ? "" : String.join("; ", out) + ".";
    }

    private Optional<List<String>> list(String field, List<dev.hindsight.model.Term> vocabulary) {
        return fact(field).map(f -> {
            List<String> values = MetadataLines.parts(f.value()).stream()
                    .map(v -> FrontMatterReader.canonical(vocabulary, v)).distinct().toList();
            record(f, field, String.join(", ", values));
            return values;
        }).filter(v -> !v.isEmpty());
    }

    private Optional<MetadataLines.Fact> fact(String field) {
        return MetadataLines.first(facts, field);
    }

    private String recordValue(MetadataLines.Fact f, String field, String value) {
        record(f, field, value);
        return value;
    }

    private void record(MetadataLines.Fact f, String field, String value) {
        if (!value.isEmpty()) {
            d.inferred(field, value, "'" + f.label() + ":' line " + (f.line() + lineOffset));
        }
    }
}
