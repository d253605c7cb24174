package dev.hindsight.report;

import dev.hindsight.model.ActionItem;
import dev.hindsight.model.ActionStatus;
import dev.hindsight.model.ActionType;
import dev.hindsight.model.Impact;
import dev.hindsight.model.Inference;
import dev.hindsight.model.Lessons;
import dev.hindsight.model.Postmortem;
import dev.hindsight.model.Section;
import dev.hindsight.model.SectionKind;
import dev.hindsight.model.Status;
import dev.hindsight.model.Times;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds postmortem records for report tests, the way the loader would make them from front matter.
 */
final class PostmortemBuilder {
    private final String slug;
    private final LocalDate date;
    private String title;
    private Optional<String> severity = Optional.empty();
    private Status status = Status.PUBLISHED;
    private List<String> services = List.of();
    private List<String> teams = List.of();
    private List<String> tags = List.of();
    private List<String> causes = List.of();
    private Optional<String> detection = Optional.empty();
    private boolean nearMiss;
    private Times times = Times.UNKNOWN;
    private List<String> recurrenceOf = List.of();
    private final List<ActionItem> items = new ArrayList<>();
    private List<String> well = List.of();
    private List<String> lucky = List.of();
    private String body = "";
    private final List<Inference> inferences = new ArrayList<>();

    PostmortemBuilder(String slug) {
        this.slug = slug;
        this.date = LocalDate.parse(slug.substring(0, 10));
        this.title = "Incident " + slug;
    }

    static PostmortemBuilder of(String slug) {
        return new PostmortemBuilder(slug);
    }

    PostmortemBuilder title(String t) {
        title = t;
        return this;
    }

    PostmortemBuilder severity(String s) {
        severity = Optional.of(s);
        return this;
    }

    PostmortemBuilder status(Status s) {
        status = s;
        return this;
    }

    PostmortemBuilder services(String... s) {
        services = List.of(s);
        return this;
    }

    PostmortemBuilder teams(String... s) {
        teams = List.of(s);
        return this;
    }

    PostmortemBuilder tags(String... s) {
        tags = List.of(s);
        return this;
    }

    PostmortemBuilder causes(String... s) {
        causes = List.of(s);
        return this;
    }

    PostmortemBuilder detection(String s) {
        detection = Optional.of(s);
        return this;
    }

    PostmortemBuilder nearMiss() {
        nearMiss = true;
        return this;
    }

    /** Sets started, detected and resolved as ISO instants; null leaves one unknown. */
    PostmortemBuilder times(String started, String detected, String resolved) {
        times = new Times(at(started), at(detected), Optional.empty(), at(resolved));
        return this;
    }

    PostmortemBuilder recurrenceOf(String... s) {
        recurrenceOf = List.of(s);
        return this;
    }

    /** Adds an action item; due and closed may be null. */
    PostmortemBuilder item(String title, ActionType type, String owner, String due, ActionStatus status, String closed) {
        items.add(new ActionItem(title, type, Optional.ofNullable(owner), Optional.ofNullable(due).map(LocalDate::parse), status,
                Optional.ofNullable(closed).map(LocalDate::parse), Optional.empty(), 0));
        return this;
    }

    PostmortemBuilder wentWell(String... s) {
        well = List.of(s);
        return this;
    }

    PostmortemBuilder lucky(String... s) {
        lucky = List.of(s);
        return this;
    }

    PostmortemBuilder body(String text) {
        body = text;
        return this;
    }

    PostmortemBuilder inferred(String field) {
        inferences.add(new Inference(field, "x", "timeline"));
        return this;
    }

    Postmortem build() {
        Lessons lessons = new Lessons(well, List.of(), lucky);
        List<Section> sections = lessons.isEmpty() ? List.of()
                : List.of(new Section(SectionKind.LESSONS, "Lessons Learned", "lessons-learned", "", 10));
        return new Postmortem(slug, "postmortems/" + slug + ".md", title, date, severity, status, Optional.of("Summary of " + title),
                services, teams, tags, causes, Optional.empty(), detection, nearMiss, false, times, Impact.UNKNOWN, List.of(),
                List.of(), recurrenceOf, items, List.of(), sections, lessons, List.of(), "<p>" + body + "</p>", body, inferences,
                Map.of(), List.of());
    }

    private static Optional<Instant> at(String iso) {
        return Optional.ofNullable(iso).map(Instant::parse);
    }
}
