package dev.hindsight.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Section 9, postmortem debt, presented from {@link PostmortemDebt}'s numbers.
 */
final class DebtSection {
    private DebtSection() {
    }

    /** Presents the numbers as the report section. */
    static Section of(ReportInput in, PostmortemDebt.Facts f) {
        String scope = in.scope.title();
        List<Column> cols = new ArrayList<>(List.of(Column.text("incident", "Incident"), Column.text("status", "Status")));
        PostmortemDebt.KINDS.forEach(k -> cols.add(Column.text(key(k), "No " + k)));
        cols.add(Column.number("gaps", "Gaps"));
        List<List<Cell>> rows = new ArrayList<>();
        for (PostmortemDebt.Entry e : f.entries()) {
            List<Cell> r = new ArrayList<>(List.of(in.links.incident(e.slug()), Cell.of(e.status())));
            PostmortemDebt.KINDS.forEach(k -> r.add(e.missing().contains(k) ? Cell.of("missing") : Cell.empty("")));
            r.add(Cell.integer(e.missing().size()));
            rows.add(r);
        }
        Table debt = new Table("postmortem-debt", "Write-ups with gaps", "An incident missing cause categories, the timestamps for "
                + "time to detect and resolve, action items, or lessons learned.", cols, rows, "Every write-up of " + scope + " is complete.");
        List<List<Cell>> drows = new ArrayList<>();
        for (PostmortemDebt.Draft d : f.staleDrafts()) {
            drows.add(List.of(d.inBuild() ? in.links.incident(d.slug()) : Cell.of(d.path()),
                    d.date().map(x -> Cell.of(x.toString())).orElse(Cell.empty("unknown")),
                    d.ageDays().map(Cell::integer).orElse(Cell.empty("unknown")),
                    Cell.of(d.inBuild() ? "yes" : "no (build with --drafts)")));
        }
        Table drafts = new Table("stale-drafts", "Drafts older than " + PostmortemDebt.STALE_DAYS + " days",
                "Drafts whose incident is more than " + PostmortemDebt.STALE_DAYS + " days old on " + in.today + " (or of unknown age).",
                List.of(Column.text("draft", "Draft"), Column.text("date", "Incident date"), Column.number("ageDays", "Age (days)"),
                        Column.text("inBuild", "In this build")), drows, "No stale drafts.");
        List<Figure> figures = new ArrayList<>();
        figures.add(new Figure("withGaps", "Write-ups with gaps", String.valueOf(f.entries().size()), "of " + f.incidents()));
        PostmortemDebt.KINDS.forEach(k -> figures.add(new Figure("no" + key(k).substring(0, 1).toUpperCase(java.util.Locale.ROOT)
                + key(k).substring(1), "No " + k, String.valueOf(f.missing(k)), "")));
        figures.add(new Figure("staleDrafts", "Stale drafts", String.valueOf(f.staleDrafts().size()), ""));
        String lead = f.entries().isEmpty() ? "Every write-up of " + scope + " has causes, times, action items and lessons."
                : ReportFormat.countOf(f.entries().size(), f.incidents()) + " write-ups of " + scope
                + " miss causes, times, action items or lessons; each gap makes this report less accurate.";
        List<Note> notes = new ArrayList<>();
        if (f.draftsInBuild()) {
            notes.add(Note.of("This build includes drafts, so the numbers above count them too."));
        } else if (f.skippedDrafts() > 0) {
            notes.add(Note.of("This build leaves drafts out; " + ReportFormat.plural(f.skippedDrafts(), "draft was", "drafts were")
                    + " skipped. They are listed by file, dated by their file name; build with --drafts to include them in every section."));
        } else {
            notes.add(Note.of("No drafts were found in this build (drafts are only part of a build with --drafts; "
                    + "skipped ones are listed when the loader reports them)."));
        }
        return new Section("debt", 9, "Postmortem debt", lead, figures, List.of(), List.of(debt, drafts), notes);
    }

    /** Returns the camelCase key of a debt kind: "action items" becomes "actionItems". */
    static String key(String kind) {
        String[] w = kind.split(" ");
        StringBuilder sb = new StringBuilder(w[0]);
        for (int i = 1; i < w.length; i++) {
            sb.append(Character.toUpperCase(w[i].charAt(0))).append(w[i].substring(1));
        }
        return sb.toString();
    }
}
