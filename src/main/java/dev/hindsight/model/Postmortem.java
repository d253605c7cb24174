package dev.hindsight.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One incident write-up, fully loaded. Every front-matter key is documented in {@link FrontMatterKey}.
 *
 * @param slug         the URL slug, unique in the site
 * @param source       the source file, relative to the content folder, with '/' separators
 * @param title        the title
 * @param date         the day the incident started
 * @param severity     a severity id from site.yml, or empty
 * @param status       the review status
 * @param summary      one paragraph of plain text, or empty
 * @param services     affected service ids
 * @param teams        involved team ids
 * @param tags         free tags
 * @param causes       contributing-factor category ids
 * @param trigger      what set it off, or empty
 * @param detection    how it was found (alert, customer, internal, ...), or empty
 * @param nearMiss     true for a near miss
 * @param essential    true for a must-read on the History page
 * @param times        key moments (from front matter, else the timeline)
 * @param impact       measured impact
 * @param authors      author ids
 * @param related      slugs of related incidents
 * @param recurrenceOf slugs of incidents this one is a recurrence of
 * @param actionItems  the follow-ups
 * @param timeline     the parsed timeline
 * @param sections     the recognized body sections
 * @param lessons      lessons learned
 * @param headings     the body's headings, for the table of contents
 * @param bodyHtml     the sanitized rendered body
 * @param bodyText     the body as plain text
 * @param inferences   values inferred rather than written
 * @param extra        front-matter keys Hindsight does not know, as strings
 * @param resources    files next to a bundle's index.md, relative to the bundle
 */
public record Postmortem(
        String slug,
        String source,
        String title,
        LocalDate date,
        Optional<String> severity,
        Status status,
        Optional<String> summary,
        List<String> services,
        List<String> teams,
        List<String> tags,
        List<String> causes,
        Optional<String> trigger,
        Optional<String> detection,
        boolean nearMiss,
        boolean essential,
        Times times,
        Impact impact,
        List<String> authors,
        List<String> related,
        List<String> recurrenceOf,
        List<ActionItem> actionItems,
        List<TimelineEvent> timeline,
        List<Section> sections,
        Lessons lessons,
        List<Heading> headings,
        String bodyHtml,
        String bodyText,
        List<Inference> inferences,
        Map<String, String> extra,
        List<String> resources) {

    public Postmortem {
        Validate.notBlank(slug, "slug");
        Validate.notNull(source, "source");
        Validate.notBlank(title, "title");
        Validate.notNull(date, "date");
        Validate.notNull(severity, "severity");
        Validate.notNull(status, "status");
        Validate.notNull(summary, "summary");
        services = List.copyOf(services);
        teams = List.copyOf(teams);
        tags = List.copyOf(tags);
        causes = List.copyOf(causes);
        Validate.notNull(trigger, "trigger");
        Validate.notNull(detection, "detection");
        Validate.notNull(times, "times");
        Validate.notNull(impact, "impact");
        authors = List.copyOf(authors);
        related = List.copyOf(related);
        recurrenceOf = List.copyOf(recurrenceOf);
        actionItems = List.copyOf(actionItems);
        timeline = List.copyOf(timeline);
        sections = List.copyOf(sections);
        Validate.notNull(lessons, "lessons");
        headings = List.copyOf(headings);
        Validate.notNull(bodyHtml, "bodyHtml");
        Validate.notNull(bodyText, "bodyText");
        inferences = List.copyOf(inferences);
        extra = Map.copyOf(extra);
        resources = List.copyOf(resources);
    }

    /** Returns the same incident under another slug (a file-name slug that another file took first). */
    public Postmortem withSlug(String other) {
        return new Postmortem(other, source, title, date, severity, status, summary, services, teams, tags, causes,
                trigger, detection, nearMiss, essential, times, impact, authors, related, recurrenceOf, actionItems,
                timeline, sections, lessons, headings, bodyHtml, bodyText, inferences, extra, resources);
    }

    /** Returns the site-relative URL path of the incident page, like {@code /incidents/slug/}. */
    public String url() {
        return "/incidents/" + slug + "/";
    }

    /** Returns the first section of a kind, if the body has one. */
    public Optional<Section> section(SectionKind kind) {
        return sections.stream().filter(s -> s.kind() == kind).findFirst();
    }

    /** Returns true when the value was inferred rather than written. */
    public boolean inferred(String field) {
        return inferences.stream().anyMatch(i -> i.field().equals(field));
    }
}
