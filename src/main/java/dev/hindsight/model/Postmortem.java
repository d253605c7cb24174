package dev.hindsight.model;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One incident write-up, fully loaded, in five named parts. Every front-matter key, and the part that holds it, is
 * documented in {@link FrontMatterKey}. The part accessors are the model; the flat accessors below them read one
 * value for the many places that need only that.
 *
 * @param identity       which write-up this is
 * @param classification how the incident is filed
 * @param occurrence     when it happened and what it cost
 * @param narrative      what the body says
 * @param followUp       what was done about it, and what it connects to
 * @param provenance     how values were found
 */
public record Postmortem(Identity identity, Classification classification, Occurrence occurrence, Narrative narrative,
                         FollowUp followUp, Provenance provenance) {

    /** The year term (and URL segment) of incidents with no known date. */
    public static final String UNDATED = "unknown";
    /** What pages call an incident's missing date. */
    public static final String UNDATED_LABEL = "Date unknown";
    /** Newest first, incidents with no known date last, then by slug: the order of every incident list. */
    public static final Comparator<Postmortem> NEWEST_FIRST = Comparator
            .comparing((Postmortem p) -> p.date().orElse(null), Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(Postmortem::slug);
    /** Oldest first, incidents with no known date last, then by slug: the order of chains and histories. */
    public static final Comparator<Postmortem> OLDEST_FIRST = Comparator
            .comparing((Postmortem p) -> p.date().orElse(null), Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Postmortem::slug);

    public Postmortem {
        Validate.notNull(identity, "identity");
        Validate.notNull(classification, "classification");
        Validate.notNull(occurrence, "occurrence");
        Validate.notNull(narrative, "narrative");
        Validate.notNull(followUp, "followUp");
        Validate.notNull(provenance, "provenance");
    }

    /**
     * Which write-up this is.
     *
     * @param slug    the URL slug, unique in the site
     * @param source  the source file, relative to the content folder, with '/' separators
     * @param title   the title
     * @param authors author ids
     */
    public record Identity(String slug, String source, String title, List<String> authors) {
        public Identity {
            Validate.notBlank(slug, "slug");
            Validate.notNull(source, "source");
            Validate.notBlank(title, "title");
            authors = List.copyOf(authors);
        }
    }

    /**
     * How the incident is filed.
     *
     * @param severity  a severity id from site.yml, or empty
     * @param status    the review status
     * @param services  affected service ids
     * @param teams     involved team ids
     * @param tags      free tags
     * @param causes    contributing-factor category ids
     * @param trigger   what set it off, or empty
     * @param detection how it was found (alert, customer, internal, ...), or empty
     * @param nearMiss  true for a near miss
     * @param essential true for a must-read on the History page
     * @param causalService the service the cause was in, when the front matter says ({@code causal_service})
     */
    public record Classification(Optional<String> severity, Status status, List<String> services, List<String> teams,
                                 List<String> tags, List<String> causes, Optional<String> trigger,
                                 Optional<String> detection, boolean nearMiss, boolean essential,
                                 Optional<String> causalService) {
        public Classification {
            Validate.notNull(severity, "severity");
            Validate.notNull(status, "status");
            services = List.copyOf(services);
            teams = List.copyOf(teams);
            tags = List.copyOf(tags);
            causes = List.copyOf(causes);
            Validate.notNull(trigger, "trigger");
            Validate.notNull(detection, "detection");
            Validate.notNull(causalService, "causalService");
        }
    }

    /**
     * When it happened and what it cost.
     *
     * @param date   the day the incident started, or empty when no source says (shown as "Date unknown")
     * @param times  key moments (from front matter, else the timeline)
     * @param impact measured impact
     */
    public record Occurrence(Optional<LocalDate> date, Times times, Impact impact) {
        public Occurrence {
            Validate.notNull(date, "date");
            Validate.notNull(times, "times");
            Validate.notNull(impact, "impact");
        }
    }

    /**
     * What the body says.
     *
     * @param summary   one paragraph of plain text, or empty
     * @param timeline  the parsed timeline
     * @param sections  the recognized body sections
     * @param lessons   lessons learned
     * @param headings  the body's headings, for the table of contents
     * @param bodyHtml  the sanitized rendered body
     * @param bodyText  the body as plain text
     * @param resources files next to a bundle's index.md, relative to the bundle
     */
    public record Narrative(Optional<String> summary, List<TimelineEvent> timeline, List<Section> sections,
                            Lessons lessons, List<Heading> headings, String bodyHtml, String bodyText,
                            List<String> resources) {
        public Narrative {
            Validate.notNull(summary, "summary");
            timeline = List.copyOf(timeline);
            sections = List.copyOf(sections);
            Validate.notNull(lessons, "lessons");
            headings = List.copyOf(headings);
            Validate.notNull(bodyHtml, "bodyHtml");
            Validate.notNull(bodyText, "bodyText");
            resources = List.copyOf(resources);
        }
    }

    /**
     * What was done about it, and what it connects to.
     *
     * @param actionItems  the follow-ups
     * @param related      slugs of related incidents
     * @param recurrenceOf    slugs of incidents this one is a recurrence of
     * @param notRecurrenceOf slugs of incidents this one is declared not to be a recurrence of
     */
    public record FollowUp(List<ActionItem> actionItems, List<String> related, List<String> recurrenceOf,
                           List<String> notRecurrenceOf) {
        public FollowUp {
            actionItems = List.copyOf(actionItems);
            related = List.copyOf(related);
            recurrenceOf = List.copyOf(recurrenceOf);
            notRecurrenceOf = List.copyOf(notRecurrenceOf);
        }
    }

    /**
     * How values were found.
     *
     * @param inferences values inferred rather than written
     * @param extra      front-matter keys Hindsight does not know, as strings
     */
    public record Provenance(List<Inference> inferences, Map<String, String> extra) {
        public Provenance {
            inferences = List.copyOf(inferences);
            extra = Map.copyOf(extra);
        }
    }

    /** Returns the same incident under another slug (a file-name slug that another file took first). */
    public Postmortem withSlug(String other) {
        return new Postmortem(new Identity(other, identity.source, identity.title, identity.authors), classification,
                occurrence, narrative, followUp, provenance);
    }

    /** Returns the site-relative URL path of the incident page, like {@code /incidents/slug/}. */
    public String url() {
        return "/incidents/" + slug() + "/";
    }

    /** Returns the first section of a kind, if the body has one. */
    public Optional<Section> section(SectionKind kind) {
        return sections().stream().filter(s -> s.kind() == kind).findFirst();
    }

    /** Returns true when the value was inferred rather than written. */
    public boolean inferred(String field) {
        return inferences().stream().anyMatch(i -> i.field().equals(field));
    }

    /**
     * Returns the categories an incident is filed under: its cause categories, or, when it names none and its tags
     * were taken from a "Category:" line of the text (as in many public postmortems), those tags.
     */
    public List<String> categories() {
        if (!causes().isEmpty()) {
            return distinct(causes());
        }
        return categoriesFromTags() ? distinct(tags()) : List.of();
    }

    /**
     * Returns a list's values each once, in the order of their first place: the list itself when none repeats (the
     * common case, found without a set for a few values; the recurrence rules ask for categories many times a build).
     */
    private static List<String> distinct(List<String> values) {
        if (values.size() <= 8) {
            boolean repeats = false;
            for (int i = 1; i < values.size() && !repeats; i++) {
                repeats = values.subList(0, i).contains(values.get(i));
            }
            if (!repeats) {
                return values;
            }
        }
        return List.copyOf(new java.util.LinkedHashSet<>(values));
    }

    /** Returns true when the incident names no causes and its categories come from inferred tags. */
    public boolean categoriesFromTags() {
        return causes().isEmpty() && !tags().isEmpty() && inferred("tags");
    }

    /** Returns the incident's year, when its date is known. */
    public Optional<Integer> year() {
        return date().map(LocalDate::getYear);
    }

    /** Returns the date as ISO text (2024-03-11), or "" when it is unknown. */
    public String isoDate() {
        return date().map(LocalDate::toString).orElse("");
    }

    /** Returns the date as pages and reports show it: ISO, or "Date unknown". */
    public String dateLabel() {
        return date().map(LocalDate::toString).orElse(UNDATED_LABEL);
    }

    /** Returns the incident's term on the year pages: its year, or {@link #UNDATED} when the date is unknown. */
    public String yearTerm() {
        return year().map(String::valueOf).orElse(UNDATED);
    }

    // One value each, read through its part.

    public String slug() { return identity.slug; }
    public String source() { return identity.source; }
    public String title() { return identity.title; }
    public List<String> authors() { return identity.authors; }
    public Optional<String> severity() { return classification.severity; }
    public Status status() { return classification.status; }
    public List<String> services() { return classification.services; }
    public List<String> teams() { return classification.teams; }
    public List<String> tags() { return classification.tags; }
    public List<String> causes() { return classification.causes; }
    public Optional<String> trigger() { return classification.trigger; }
    public Optional<String> detection() { return classification.detection; }
    public boolean nearMiss() { return classification.nearMiss; }
    public boolean essential() { return classification.essential; }
    public Optional<String> causalService() { return classification.causalService; }
    public Optional<LocalDate> date() { return occurrence.date; }
    public Times times() { return occurrence.times; }
    public Impact impact() { return occurrence.impact; }
    public Optional<String> summary() { return narrative.summary; }
    public List<TimelineEvent> timeline() { return narrative.timeline; }
    public List<Section> sections() { return narrative.sections; }
    public Lessons lessons() { return narrative.lessons; }
    public List<Heading> headings() { return narrative.headings; }
    public String bodyHtml() { return narrative.bodyHtml; }
    public String bodyText() { return narrative.bodyText; }
    public List<String> resources() { return narrative.resources; }
    public List<ActionItem> actionItems() { return followUp.actionItems; }
    public List<String> related() { return followUp.related; }
    public List<String> recurrenceOf() { return followUp.recurrenceOf; }
    public List<String> notRecurrenceOf() { return followUp.notRecurrenceOf; }
    public List<Inference> inferences() { return provenance.inferences; }
    public Map<String, String> extra() { return provenance.extra; }
}
