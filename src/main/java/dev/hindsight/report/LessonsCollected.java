package dev.hindsight.report;

import dev.hindsight.model.Postmortem;

import java.util.ArrayList;
import java.util.List;

/**
 * Section 8, lessons: "where we got lucky" and "what went well" from every incident of the scope, each linked to
 * its incident, and the near misses.
 */
final class LessonsCollected {
    private LessonsCollected() {
    }

    /**
     * The numbers of the section.
     *
     * @param lucky      points from "Where we got lucky", oldest incident first
     * @param wentWell   points from "What went well", oldest incident first
     * @param nearMisses slugs of the near misses, oldest first
     */
    record Facts(List<Lesson> lucky, List<Lesson> wentWell, List<String> nearMisses) {
        Facts {
            lucky = List.copyOf(lucky);
            wentWell = List.copyOf(wentWell);
            nearMisses = List.copyOf(nearMisses);
        }
    }

    /**
     * One point of a lessons list.
     *
     * @param slug its incident
     * @param text the point, as plain text
     */
    record Lesson(String slug, String text) {
    }

    /** Collects the section's lessons. */
    static Facts facts(ReportInput in) {
        List<Lesson> lucky = new ArrayList<>();
        List<Lesson> well = new ArrayList<>();
        List<String> near = new ArrayList<>();
        for (Postmortem p : in.inScope) {
            p.lessons().lucky().stream().filter(s -> !s.isBlank()).forEach(s -> lucky.add(new Lesson(p.slug(), s.strip())));
            p.lessons().wentWell().stream().filter(s -> !s.isBlank()).forEach(s -> well.add(new Lesson(p.slug(), s.strip())));
            if (p.nearMiss()) {
                near.add(p.slug());
            }
        }
        return new Facts(lucky, well, near);
    }

    /** Presents the lessons as the report section. */
    static Section section(ReportInput in, Facts f) {
        String scope = in.scope.title();
        Table lucky = lessonTable(in, "where-we-got-lucky", "Where we got lucky", f.lucky(),
                "No write-up of " + scope + " lists where we got lucky.");
        Table well = lessonTable(in, "what-went-well", "What went well", f.wentWell(), "No write-up of " + scope + " lists what went well.");
        List<List<Cell>> rows = new ArrayList<>();
        for (String s : f.nearMisses()) {
            Postmortem p = in.bySlug.get(s);
            rows.add(List.of(in.links.incident(s), p.severity().map(Cell::of).orElse(Cell.empty("\u2014")),
                    Cell.of(p.summary().orElse(""))));
        }
        Table near = new Table("near-misses", "Near misses", "Incidents with little or no customer impact that could have been worse.",
                List.of(Column.text("incident", "Incident"), Column.text("severity", "Severity"), Column.text("summary", "Summary")),
                rows, "No near misses in " + scope + ".");
        List<Figure> figures = List.of(new Figure("lucky", "Where we got lucky", String.valueOf(f.lucky().size()), "points"),
                new Figure("wentWell", "What went well", String.valueOf(f.wentWell().size()), "points"),
                new Figure("nearMisses", "Near misses", String.valueOf(f.nearMisses().size()), ""));
        String lead = "Luck is a hidden dependency: each point below is something that limited the damage without being designed to. "
                + ReportFormat.plural(f.lucky().size(), "point", "points") + " of luck and "
                + ReportFormat.plural(f.wentWell().size(), "point", "points") + " that went well were written down in " + scope + ".";
        return new Section("lessons", 8, "Lessons", lead, figures, List.of(), List.of(lucky, well, near), List.of());
    }

    private static Table lessonTable(ReportInput in, String id, String title, List<Lesson> lessons, String empty) {
        List<List<Cell>> rows = new ArrayList<>();
        for (Lesson l : lessons) {
            rows.add(List.of(Cell.of(l.text()), in.links.incident(l.slug())));
        }
        return new Table(id, title, "One row per point, with the incident it comes from.",
                List.of(Column.text("lesson", "Lesson"), Column.text("incident", "Incident")), rows, empty);
    }
}
