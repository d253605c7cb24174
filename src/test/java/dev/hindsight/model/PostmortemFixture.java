package dev.hindsight.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one way tests build a postmortem: by name, field by field, the rest empty. A new model value is one setter
 * here, not a change in every test factory.
 *
 * <p>{@code of("2024-03-11-pool")} dates the incident from the slug's leading ISO day (none when it has none), files it
 * under {@code postmortems/<slug>.md} and titles it "Incident &lt;slug&gt;".
 */
public final class PostmortemFixture {
    private String slug;
    private String source;
    private String title;
    private List<String> authors = List.of();
    private Optional<String> severity = Optional.empty();
    private Status status = Status.PUBLISHED;
    private List<String> services = List.of();
    private List<String> teams = List.of();
    private List<String> tags = List.of();
    private List<String> causes = List.of();
    private Optional<String> trigger = Optional.empty();
    private Optional<String> detection = Optional.empty();
    private boolean nearMiss;
    private boolean essential;
    private Optional<LocalDate> date;
    private Times times = Times.UNKNOWN;
    private Impact impact = Impact.UNKNOWN;
    private Optional<String> summary = Optional.empty();
    private List<TimelineEvent> timeline = List.of();
    private final List<Section> sections = new ArrayList<>();
    private Lessons lessons = Lessons.NONE;
    private List<Heading> headings = List.of();
    private String bodyHtml = "";
    private String bodyText = "";
    private List<String> resources = List.of();
    private final List<ActionItem> actionItems = new ArrayList<>();
    private List<String> related = List.of();
    private List<String> recurrenceOf = List.of();
    private List<String> notRecurrenceOf = List.of();
    private Optional<String> causalService = Optional.empty();
    private final List<Inference> inferences = new ArrayList<>();
    private final Map<String, String> extra = new LinkedHashMap<>();

    private PostmortemFixture(String slug) {
        this.slug = slug;
        this.source = "postmortems/" + slug + ".md";
        this.title = "Incident " + slug;
        this.date = leadingDay(slug);
    }

    /** Starts an incident with a slug, dated by the slug's leading ISO day when it has one. */
    public static PostmortemFixture of(String slug) {
        return new PostmortemFixture(slug);
    }

    /** Builds the record. */
    public Postmortem build() {
        return new Postmortem(new Postmortem.Identity(slug, source, title, authors),
                new Postmortem.Classification(severity, status, services, teams, tags, causes, trigger, detection,
                        nearMiss, essential, causalService),
                new Postmortem.Occurrence(date, times, impact),
                new Postmortem.Narrative(summary, timeline, sections, lessons, headings, bodyHtml, bodyText, resources),
                new Postmortem.FollowUp(actionItems, related, recurrenceOf, notRecurrenceOf),
                new Postmortem.Provenance(inferences, extra));
    }

    public PostmortemFixture slug(String s) {
        slug = s;
        return this;
    }

    public PostmortemFixture source(String s) {
        source = s;
        return this;
    }

    public PostmortemFixture title(String t) {
        title = t;
        return this;
    }

    public PostmortemFixture authors(String... a) {
        authors = List.of(a);
        return this;
    }

    /** Sets the severity; null for none. */
    public PostmortemFixture severity(String s) {
        severity = Optional.ofNullable(s);
        return this;
    }

    public PostmortemFixture status(Status s) {
        status = s;
        return this;
    }

    public PostmortemFixture services(String... s) {
        services = List.of(s);
        return this;
    }

    public PostmortemFixture services(List<String> s) {
        services = List.copyOf(s);
        return this;
    }

    public PostmortemFixture teams(String... t) {
        teams = List.of(t);
        return this;
    }

    public PostmortemFixture tags(String... t) {
        tags = List.of(t);
        return this;
    }

    public PostmortemFixture tags(List<String> t) {
        tags = List.copyOf(t);
        return this;
    }

    public PostmortemFixture causes(String... c) {
        causes = List.of(c);
        return this;
    }

    public PostmortemFixture causes(List<String> c) {
        causes = List.copyOf(c);
        return this;
    }

    public PostmortemFixture trigger(String t) {
        trigger = Optional.of(t);
        return this;
    }

    public PostmortemFixture detection(String d) {
        detection = Optional.of(d);
        return this;
    }

    public PostmortemFixture nearMiss() {
        nearMiss = true;
        return this;
    }

    public PostmortemFixture nearMiss(boolean n) {
        nearMiss = n;
        return this;
    }

    public PostmortemFixture essential() {
        essential = true;
        return this;
    }

    /** Sets the date; null for an incident with no known date. */
    public PostmortemFixture date(LocalDate d) {
        date = Optional.ofNullable(d);
        return this;
    }

    /** Leaves the date unknown. */
    public PostmortemFixture undated() {
        date = Optional.empty();
        return this;
    }

    public PostmortemFixture times(Times t) {
        times = t;
        return this;
    }

    /** Sets started, detected and resolved as ISO instants; null leaves one unknown. */
    public PostmortemFixture times(String started, String detected, String resolved) {
        times = new Times(at(started), at(detected), Optional.empty(), at(resolved));
        return this;
    }

    public PostmortemFixture impact(Impact i) {
        impact = i;
        return this;
    }

    /** Sets the summary; null for none. */
    public PostmortemFixture summary(String s) {
        summary = Optional.ofNullable(s);
        return this;
    }

    public PostmortemFixture timeline(TimelineEvent... events) {
        timeline = List.of(events);
        return this;
    }

    public PostmortemFixture timeline(List<TimelineEvent> events) {
        timeline = List.copyOf(events);
        return this;
    }

    /** Replaces the sections. */
    public PostmortemFixture sections(Section... s) {
        sections.clear();
        sections.addAll(List.of(s));
        return this;
    }

    /** Replaces the sections. */
    public PostmortemFixture sections(List<Section> s) {
        sections.clear();
        sections.addAll(s);
        return this;
    }

    public PostmortemFixture lessons(Lessons l) {
        lessons = l;
        return this;
    }

    /** Sets what went well, with a Lessons section to hold it. */
    public PostmortemFixture wentWell(String... s) {
        lessons = new Lessons(List.of(s), lessons.wentWrong(), lessons.lucky());
        return lessonsSection();
    }

    /** Sets where the team got lucky, with a Lessons section to hold it. */
    public PostmortemFixture lucky(String... s) {
        lessons = new Lessons(lessons.wentWell(), lessons.wentWrong(), List.of(s));
        return lessonsSection();
    }

    public PostmortemFixture headings(Heading... h) {
        headings = List.of(h);
        return this;
    }

    /** Sets the body to one paragraph of text. */
    public PostmortemFixture body(String text) {
        return body("<p>" + text + "</p>", text);
    }

    public PostmortemFixture body(String html, String text) {
        bodyHtml = html;
        bodyText = text;
        return this;
    }

    public PostmortemFixture resources(String... r) {
        resources = List.of(r);
        return this;
    }

    /** Replaces the action items. */
    public PostmortemFixture actionItems(ActionItem... items) {
        actionItems.clear();
        actionItems.addAll(List.of(items));
        return this;
    }

    /** Replaces the action items. */
    public PostmortemFixture actionItems(List<ActionItem> items) {
        actionItems.clear();
        actionItems.addAll(items);
        return this;
    }

    /** Adds an action item; owner, due and closed may be null. */
    public PostmortemFixture item(String text, ActionType type, String owner, String due, ActionStatus s,
                                  String closed) {
        actionItems.add(new ActionItem(text, type, Optional.ofNullable(owner),
                Optional.ofNullable(due).map(LocalDate::parse), s, Optional.ofNullable(closed).map(LocalDate::parse),
                Optional.empty(), 0));
        return this;
    }

    /** Gives the last item added an outcome, written as in front matter ("helped — fewer pages"). */
    public PostmortemFixture outcome(String text) {
        int last = actionItems.size() - 1;
        actionItems.set(last, actionItems.get(last).withOutcome(ActionOutcome.parse(text)));
        return this;
    }

    public PostmortemFixture related(String... r) {
        related = List.of(r);
        return this;
    }

    public PostmortemFixture recurrenceOf(String... r) {
        recurrenceOf = List.of(r);
        return this;
    }

    public PostmortemFixture recurrenceOf(List<String> r) {
        recurrenceOf = List.copyOf(r);
        return this;
    }

    public PostmortemFixture notRecurrenceOf(String... r) {
        notRecurrenceOf = List.of(r);
        return this;
    }

    public PostmortemFixture causalService(String s) {
        causalService = Optional.of(s);
        return this;
    }

    /** Marks fields as inferred (from "timeline row 1"). */
    public PostmortemFixture inferred(String... fields) {
        for (String f : fields) {
            inferences.add(new Inference(f, "x", "timeline row 1"));
        }
        return this;
    }

    public PostmortemFixture inference(Inference i) {
        inferences.add(i);
        return this;
    }

    public PostmortemFixture extra(String key, String value) {
        extra.put(key, value);
        return this;
    }

    private PostmortemFixture lessonsSection() {
        if (sections.stream().noneMatch(s -> s.kind() == SectionKind.LESSONS)) {
            sections.add(new Section(SectionKind.LESSONS, "Lessons Learned", "lessons-learned", "", 10));
        }
        return this;
    }

    private static Optional<LocalDate> leadingDay(String slug) {
        try {
            return slug.length() >= 10 ? Optional.of(LocalDate.parse(slug.substring(0, 10))) : Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<Instant> at(String iso) {
        return Optional.ofNullable(iso).map(Instant::parse);
    }
}
