package dev.hindsight.load;

import com.vladsch.flexmark.util.ast.Node;

import dev.hindsight.config.YamlFields;
import dev.hindsight.config.YamlNode;
import dev.hindsight.model.Heading;
import dev.hindsight.model.Postmortem;
import dev.hindsight.model.Problem;
import dev.hindsight.model.Section;
import dev.hindsight.model.SectionKind;
import dev.hindsight.model.SiteConfig;
import dev.hindsight.model.SourceFile;
import dev.hindsight.model.Status;
import dev.hindsight.model.TimelineEvent;
import dev.hindsight.model.Times;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Loads one postmortem file: front matter, body, sections, timeline, action items, lessons and every inference.
 * It never throws for bad input: what cannot be read becomes a {@link Problem}, and a file that cannot become a
 * page (empty, no date) is failed with its reason.
 */
final class PostmortemReader {
    private final SiteConfig config;
    private final boolean drafts;
    private final MarkdownEngine engine;
    private final HtmlSanitizer sanitizer;

    /**
     * The result for one file.
     *
     * @param postmortem the incident, when the file became one
     * @param outcome    what happened to the file
     * @param reason     why, when skipped or failed
     * @param problems   the problems found
     * @param tally      the numeric dates of its body by the day order they prove, counted once for the file's own
     *                   reading and for the collection's evidence
     * @param dates      what its reading made of the date range
     */
    record Loaded(Optional<Postmortem> postmortem, SourceFile.Outcome outcome, String reason, List<Problem> problems,
                  boolean explicitSlug, DayOrder.Tally tally, DatesRead dates) {
        Loaded(Optional<Postmortem> postmortem, SourceFile.Outcome outcome, String reason, List<Problem> problems,
               boolean explicitSlug) {
            this(postmortem, outcome, reason, problems, explicitSlug, DayOrder.Tally.NONE, DatesRead.ANY);
        }
    }


    PostmortemReader(SiteConfig config, boolean drafts, MarkdownEngine engine, HtmlSanitizer sanitizer) {
        this.config = config;
        this.drafts = drafts;
        this.engine = engine;
        this.sanitizer = sanitizer;
    }

    /**
     * Loads a postmortem from its text.
     *
     * @param path the content-relative path
     * @param stem      the file name without extension, or the bundle folder name, for the slug and inferences
     * @param resources the other files of its bundle, relative to the bundle folder
     */
    Loaded read(String path, String text, String stem, List<String> resources) {
        return read(path, text, stem, resources, DateEvidence.NONE);
    }

    /** Loads a postmortem from its text, with what the rest of the collection says about its date. */
    Loaded read(String path, String text, String stem, List<String> resources, DateEvidence evidence) {
        List<Problem> problems = new ArrayList<>();
        if (text.isBlank()) {
            return failed(path, 1, "empty", "empty file: write the postmortem or delete the file", problems);
        }
        FrontMatter fm = FrontMatter.split(text, path);
        problems.addAll(fm.problems());
        Draft d = new Draft();
        YamlFields fields = new YamlFields(path, problems);
        DateBounds bounds = new DateBounds(config.dates(), path, problems);
        fm.keys().ifPresent(k -> new FrontMatterReader(fields, config, bounds).read(k, fm.form(), d));
        if (d.status == Status.DRAFT && !drafts) {
            return new Loaded(Optional.empty(), SourceFile.Outcome.SKIPPED, SourceFile.DRAFT,
                    problems.stream().map(PostmortemReader::soften).toList(), false, DayOrder.Tally.NONE, bounds.read());
        }
        int offset = fm.bodyLine();
        if (fm.body().isBlank()) {
            problems.add(Problem.info(path, offset, "empty-body", "the body is empty: only the front matter is shown"));
        }
        ParsedBody body = ParsedBody.of(fm.body(), d.title, engine, sanitizer, path, offset);
        problems.addAll(body.problems());
        String writtenTitle = d.title.or(body::titleH1).orElse("");
        if (d.title.isEmpty()) {
            String title = body.titleH1().orElseGet(() -> FileNames.title(stem));
            d.title = Optional.of(title);
            d.inferred("title", title, body.titleH1().isPresent() ? "first H1 heading" : "file name");
        }
        List<Outline.Span> spans = body.doc().map(Outline::of).orElse(List.of());
        List<Section> sections = sections(spans, offset);
        List<Heading> headings = headings(spans);
        Map<Node, Boolean> excluded = new IdentityHashMap<>();
        spans.stream().filter(s -> s.kind() == SectionKind.TIMELINE || s.kind() == SectionKind.ACTION_ITEMS
                || s.kind() == SectionKind.LESSONS).forEach(s -> s.blocks().forEach(b -> excluded.put(b, Boolean.TRUE)));
        List<MetadataLines.Fact> facts = body.doc().map(doc -> MetadataLines.read(doc, excluded.keySet())).orElse(List.of());
        String timelineText = spans.stream().filter(s -> s.kind() == SectionKind.TIMELINE)
                .flatMap(s -> s.blocks().stream()).map(NodeText::of).collect(Collectors.joining("\n"));
        DayOrder.Tally tally = DayOrder.tally(DateInference.cap(body.text()));
        boolean outOfRange = d.date.isEmpty() && d.dateOutOfRange;
        Optional<LocalDate> inferred = d.date.isPresent() || outOfRange ? Optional.empty()
                : DateInference.infer(d, facts, new DateInference.Sources(path, stem, writtenTitle, timelineText,
                        body.text()), evidence.orderOf(tally), evidence, problems);
        Optional<LocalDate> date = d.date.isPresent() ? d.date : inferred.flatMap(day -> inRange(day, d, bounds));
        outOfRange |= inferred.isPresent() && date.isEmpty();
        Optional<LocalDate> titleDate = DateFinder.first(writtenTitle, evidence.orderOf(tally)).map(DateFinder.Found::date);
        if (date.isPresent() && titleDate.isPresent() && !titleDate.equals(date)) {
            problems.add(Problem.warning(path, 1, "date-mismatch", "the title says " + titleDate.get() + " but the incident "
                    + "date is " + date.get() + (d.date.isPresent() ? " (front matter)" : "") + "; correct whichever is "
                    + "wrong"));
        }
        if (date.isEmpty() && !outOfRange) {
            problems.add(Problem.warning(path, 1, "no-date", "no date: the page shows 'Date unknown' and the incident is "
                    + "left out of figures over time; add `date: YYYY-MM-DD` front matter (no date was found in the "
                    + "front matter, the file name, its folder, the timeline or the body)"));
        }
        d.date = date;
        // Clock times with no zone of their own are read in the offset the front matter wrote its moments in.
        Optional<java.time.ZoneId> declared = d.timesDeclared.values().stream()
                .flatMap(t -> ZoneNames.offsetOf(t.entry().value().text()).stream()).findFirst();
        // The front matter's moments come first: a timeline written relative to the start (T+0:12) reads the start,
        // from them or from a line that states it ("Start time: 2024-02-10 14:00 UTC").
        declaredTimes(d, date, fields, bounds);
        Optional<Instant> start = d.started.or(() -> TimesDeriver.statedStart(facts, date, config.zone()));
        Timelines timelines = timeline(body, spans, path, offset, date, declared, start,
                evidence.orderOf(tally, body.text(), date), problems);
        List<TimelineEvent> timeline = timelines.shown();
        if (d.actionItems.isEmpty()) {
            d.actionItems = Optional.of(new ActionItemParser(path, offset, problems, bounds).read(ActionItemParser.spans(spans)));
        }
        new BodyInference(d, facts, config, offset).fill(body.doc(), spans);
        settleTitle(d, spans, body.text());
        new TimesDeriver(d, timelines.all(), facts, offset).derive(date, config.zone(), body.text());
        derivedTimesInRange(d, bounds);
        String slug = d.slug.orElseGet(() -> Slugs.of(stem));
        if (d.slug.isEmpty() && stem.contains("..")) {
            problems.add(Problem.warning(path, 1, "slug", "the name '" + stem + "' contains '..', which may not leave "
                    + "the incidents folder; the slug '" + slug + "' is used"));
        }
        Postmortem p = new Postmortem(
                new Postmortem.Identity(slug, path, d.title.get(), d.authors.orElse(List.of())),
                new Postmortem.Classification(d.severity, d.status, d.services.orElse(List.of()),
                        d.teams.orElse(List.of()), d.tags.orElse(List.of()), d.causes, d.trigger, d.detection, d.nearMiss,
                        d.essential || config.essential().contains(slug), d.causalService),
                new Postmortem.Occurrence(date, new Times(d.started, d.detected, d.mitigated, d.resolved), d.impact),
                new Postmortem.Narrative(d.summary, timeline, sections, LessonsParser.read(spans), headings, body.html(),
                        body.text(), resources),
                new Postmortem.FollowUp(d.actionItems.orElse(List.of()), d.related, d.recurrenceOf, d.notRecurrenceOf),
                new Postmortem.Provenance(d.inferences, d.extra));
        return new Loaded(Optional.of(p), SourceFile.Outcome.RENDERED, "", problems, d.slug.isPresent(), tally,
                bounds.read());
    }

    /**
     * Reads the timeline sections. Labelled "Key events" lists and headed timeline sections are read separately:
     * when both exist, the page shows the headed timeline, and the key events still name the key moments.
     */
    private Timelines timeline(ParsedBody body, List<Outline.Span> spans, String path, int offset,
                               Optional<LocalDate> date, Optional<java.time.ZoneId> declared, Optional<Instant> start,
                               DayOrder order, List<Problem> problems) {
        // A zone stated once near the top ("All times PDT.") applies to the timeline further down; else the offset of
        // the front matter's moments.
        Optional<java.time.ZoneId> zone = body.doc().flatMap(doc -> {
            for (Node n = doc.getFirstChild(); n != null; n = n.getNext()) {
                String line = n instanceof com.vladsch.flexmark.ast.Paragraph p ? NodeText.inline(p) : "";
                if (!line.isEmpty() && line.length() <= 120) {
                    Optional<java.time.ZoneId> z = ZoneNames.fromContext(line);
                    if (z.isPresent()) {
                        return z;
                    }
                }
            }
            return Optional.empty();
        }).or(() -> declared);
        Map<Node, Boolean> seen = new IdentityHashMap<>();
        List<TimelineEvent> keyEvents = events(spans, false, path, offset, date, zone, start, order, seen, problems);
        List<TimelineEvent> headed = events(spans, true, path, offset, date, zone, start, order, seen, problems);
        if (headed.isEmpty() && keyEvents.isEmpty()) {
            List<Node> leading = body.doc().map(Outline::leading).orElse(List.of());
            headed = unnamed(leading, spans, path, offset, date, zone, start, order, problems);
        }
        List<TimelineEvent> all = new ArrayList<>(keyEvents);
        all.addAll(headed);
        return new Timelines(headed.isEmpty() ? keyEvents : headed, all);
    }

    /**
     * Reads the timeline no section names ({@link TimelineRuns}), when its times do not go back (a midnight wrap
     * aside, which the clock leaves unplaced); its notes are kept with it, and dropped with it when it is not.
     */
    private List<TimelineEvent> unnamed(List<Node> leading, List<Outline.Span> spans, String path, int offset,
                                        Optional<LocalDate> date, Optional<java.time.ZoneId> zone,
                                        Optional<Instant> start, DayOrder order, List<Problem> problems) {
        List<Problem> notes = new ArrayList<>();
        TimelineParser parser = new TimelineParser(path, offset, date, config.zone(), notes);
        zone.ifPresent(parser::zone);
        start.ifPresent(parser::start);
        parser.order(order);
        TimelineRuns.find(leading, spans, order).forEach(parser::read);
        List<TimelineEvent> events = parser.events();
        List<Instant> at = events.stream().flatMap(e -> e.at().stream()).toList();
        int wraps = 0;
        for (int i = 1; i < at.size(); i++) {
            if (at.get(i).isBefore(at.get(i - 1))) {
                return List.of();
            }
        }
        for (int i = 1; i < events.size(); i++) {
            Optional<java.time.LocalTime> a = TimeStamp.leading(events.get(i - 1).label(), order).flatMap(TimeStamp::time);
            Optional<java.time.LocalTime> b = TimeStamp.leading(events.get(i).label(), order).flatMap(TimeStamp::time);
            wraps += a.isPresent() && b.isPresent() && b.get().isBefore(a.get()) ? 1 : 0;
        }
        if (wraps > 1) {
            return List.of();
        }
        if (events.size() < TimelineRuns.MIN_ENTRIES) {
            return List.of();
        }
        problems.addAll(notes);
        return events;
    }

    private List<TimelineEvent> events(List<Outline.Span> spans, boolean headed, String path, int offset,
                                       Optional<LocalDate> date, Optional<java.time.ZoneId> zone,
                                       Optional<Instant> start, DayOrder order, Map<Node, Boolean> seen,
                                       List<Problem> problems) {
        TimelineParser parser = new TimelineParser(path, offset, date, config.zone(), problems);
        zone.ifPresent(parser::zone);
        start.ifPresent(parser::start);
        parser.order(order);
        for (Outline.Span s : spans) {
            if (s.kind() == SectionKind.TIMELINE && s.heading().isPresent() == headed) {
                ZoneNames.fromHeading(s.title()).ifPresent(parser::zone);
                parser.read(s.blocks().stream().filter(b -> seen.put(b, Boolean.TRUE) == null).toList());
            }
        }
        return parser.events();
    }

    /**
     * The timeline to show and every timed entry, key events included, for deriving the key moments.
     *
     * @param shown the events the page shows
     * @param all   every event read
     */
    private record Timelines(List<TimelineEvent> shown, List<TimelineEvent> all) {
    }

    /**
     * Returns an inferred incident date when it is in the date range; otherwise reports it at line 1 (no key wrote
     * it), drops its inference and returns empty, so the incident is undated.
     */
    private static Optional<LocalDate> inRange(LocalDate day, Draft d, DateBounds bounds) {
        String source = d.inferences.stream().filter(i -> i.field().equals("date")).reduce((a, b) -> b)
                .map(dev.hindsight.model.Inference::source).orElse("the text");
        Optional<LocalDate> kept = bounds.day(day, 1, "the incident date", source,
                FrontMatterReader.UNDATED + " (add `date: YYYY-MM-DD` front matter)");
        if (kept.isEmpty()) {
            d.inferences.removeIf(i -> i.field().equals("date"));
        }
        return kept;
    }

    /**
     * Drops a moment taken from the timeline or the text (those of {@code times:} were kept in range as they were
     * read) whose day is outside the date range, reporting it at line 1 with the source the inference names.
     */
    private static void derivedTimesInRange(Draft d, DateBounds bounds) {
        d.started = derivedInRange(d, "started", d.started, bounds);
        d.detected = derivedInRange(d, "detected", d.detected, bounds);
        d.mitigated = derivedInRange(d, "mitigated", d.mitigated, bounds);
        d.resolved = derivedInRange(d, "resolved", d.resolved, bounds);
    }

    private static Optional<Instant> derivedInRange(Draft d, String part, Optional<Instant> at, DateBounds bounds) {
        String field = "times." + part;
        if (at.isEmpty() || bounds.range().contains(at.get())) {
            return at;
        }
        String source = d.inferences.stream().filter(i -> i.field().equals(field)).reduce((a, b) -> b)
                .map(dev.hindsight.model.Inference::source).orElse("the text");
        d.inferences.removeIf(i -> i.field().equals(field));
        return bounds.moment(at.get(), 1, "`" + field + "`", source, "it is left out");
    }

    /** Reads the front matter's {@code times:} (and the aliases read as them) now that the incident date is known. */
    private void declaredTimes(Draft d, Optional<LocalDate> date, YamlFields fields, DateBounds bounds) {
        for (Map.Entry<String, Draft.Declared> t : d.timesDeclared.entrySet()) {
            YamlNode.Entry e = t.getValue().entry();
            String name = t.getValue().label();
            if (t.getKey().equals("duration")) {
                d.duration = fields.text(e).flatMap(v -> {
                    Optional<java.time.Duration> dur = DurationText.parse(v);
                    if (dur.isEmpty()) {
                        fields.error(e.line(), "wrong-type", name + " must be a duration like 2h 30m, not '" + v + "'");
                    }
                    return dur;
                });
                continue;
            }
            Optional<Instant> at = moment(e, name, date, fields)
                    .flatMap(m -> bounds.moment(m, e.line(), name, "", "it is left out"));
            switch (t.getKey()) {
                case "started" -> d.started = at;
                case "detected" -> d.detected = at;
                case "mitigated" -> d.mitigated = at;
                default -> d.resolved = at;
            }
        }
    }

    private Optional<Instant> moment(YamlNode.Entry e, String name, Optional<LocalDate> date, YamlFields fields) {
        Optional<String> v = fields.text(e);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(v.get()).toInstant());
        } catch (DateTimeParseException ex) {
            Optional<TimeStamp> s = TimeStamp.leading(v.get()).filter(t -> t.hasTime() && t.rest().isEmpty());
            Optional<Instant> at = s.flatMap(t -> new TimelineClock(date, config.zone()).read(t).at());
            if (at.isEmpty()) {
                fields.error(e.line(), "wrong-type", name + " must be a date and time like "
                        + "2024-03-11T09:02:00Z, not '" + v.get() + "'");
            }
            return at;
        }
    }

    /**
     * Replaces a title that says nothing (a placeholder, generic words, a bare date) by the first informative
     * heading or sentence, and drops a date from the start of a real one; each change is recorded as inferred.
     */
    private static void settleTitle(Draft d, List<Outline.Span> spans, String bodyText) {
        String title = d.title.orElse("");
        if (Titles.isUninformative(title)) {
            Optional<String> better = Titles.fallback(spans, d.summary, bodyText);
            if (better.isPresent()) {
                d.title = better;
                d.inferences.removeIf(i -> i.field().equals("title"));
                d.inferred("title", better.get(), "the title '" + title + "' says nothing about the incident");
            }
            return;
        }
        String trimmed = Titles.withoutLeadingDate(title);
        if (!trimmed.equals(title)) {
            d.title = Optional.of(trimmed);
            d.inferences.removeIf(i -> i.field().equals("title"));
            d.inferred("title", trimmed, "the title '" + title + "' without its leading date");
        }
    }

    private static List<Section> sections(List<Outline.Span> spans, int offset) {
        List<Section> out = new ArrayList<>();
        for (Outline.Span s : spans) {
            String text = s.blocks().stream().map(NodeText::of).collect(Collectors.joining("\n"));
            if (s.heading().isEmpty()) {
                text = text.replaceFirst("^\\Q" + s.title() + "\\E\\s*:?\\s*", "");
            }
            out.add(new Section(s.kind(), s.title(), s.anchor(), text, s.line() + offset));
        }
        return out;
    }

    private static List<Heading> headings(List<Outline.Span> spans) {
        boolean h1 = spans.stream().anyMatch(s -> s.heading().isPresent() && s.level() == 1);
        return spans.stream().filter(s -> s.heading().isPresent())
                .map(s -> new Heading(Math.min(6, s.level() + (h1 ? 1 : 0)), s.title(), s.anchor())).toList();
    }

    private static Loaded failed(String path, int line, String rule, String reason, List<Problem> problems) {
        List<Problem> all = new ArrayList<>(problems);
        all.add(Problem.error(path, line, rule, reason));
        return new Loaded(Optional.empty(), SourceFile.Outcome.FAILED, reason, all, false);
    }

    /** Turns an error in a skipped draft into a warning: the draft is not built, so it cannot break the build. */
    private static Problem soften(Problem p) {
        return p.isError() ? new Problem(p.path(), p.line(), p.column(), Problem.Level.WARNING, p.message(), p.rule()) : p;
    }
}
