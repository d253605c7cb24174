package dev.hindsight.report;

import dev.hindsight.model.Postmortem;
import dev.hindsight.model.SiteConfig;
import dev.hindsight.model.Term;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.TreeSet;

/**
 * Section 1, incidents and near misses: incidents by severity against the previous year. The report opens with its
 * {@link Summary} above it.
 */
final class AtAGlance {
    /** The id of incidents without a severity. */
    static final String NO_SEVERITY = "";

    private AtAGlance() {
    }

    /**
     * The numbers of the section.
     *
     * @param incidents          incidents in the scope
     * @param previousIncidents  incidents in the previous year (empty for all years)
     * @param severities         per severity: site.yml's order, then unknown ids sorted, then "no severity" when used
     * @param nearMisses         near misses in the scope
     * @param previousNearMisses near misses in the previous year
     */
    record Facts(int incidents, OptionalInt previousIncidents, List<SeverityCount> severities, int nearMisses,
                 OptionalInt previousNearMisses) {
        Facts {
            severities = List.copyOf(severities);
        }
    }

    /**
     * Incidents of one severity.
     *
     * @param id       the severity id, or "" for none
     * @param label    its display label
     * @param count    incidents in the scope
     * @param previous incidents in the previous year
     */
    record SeverityCount(String id, String label, int count, OptionalInt previous) {
    }

    /** Counts the section's numbers. */
    static Facts facts(ReportInput in) {
        boolean prev = in.comparesWithPrevious();
        List<String> ids = new ArrayList<>(in.site.config().severities().stream().map(Term::id).toList());
        TreeSet<String> unknown = new TreeSet<>();
        boolean none = false;
        for (Postmortem p : concat(in.inScope, in.previous)) {
            if (p.severity().isEmpty()) {
                none = true;
            } else if (!ids.contains(p.severity().get())) {
                unknown.add(p.severity().get());
            }
        }
        ids.addAll(unknown);
        if (none) {
            ids.add(NO_SEVERITY);
        }
        List<SeverityCount> rows = new ArrayList<>();
        for (String id : ids) {
            String label = id.isEmpty() ? "No severity" : SiteConfig.label(in.site.config().severities(), id);
            rows.add(new SeverityCount(id, label, count(in.inScope, id),
                    prev ? OptionalInt.of(count(in.previous, id)) : OptionalInt.empty()));
        }
        int near = (int) in.inScope.stream().filter(Postmortem::nearMiss).count();
        int nearPrev = (int) in.previous.stream().filter(Postmortem::nearMiss).count();
        return new Facts(in.inScope.size(), prev ? OptionalInt.of(in.previous.size()) : OptionalInt.empty(), rows, near,
                prev ? OptionalInt.of(nearPrev) : OptionalInt.empty());
    }

    /** Presents the numbers as the report section. */
    static Section section(ReportInput in, Facts f) {
        String scope = in.scope.title();
        String prevLabel = in.previousLabel();
        List<Figure> figures = List.of(
                new Figure("incidents", "Incidents", String.valueOf(f.incidents()), versus(prevLabel, f.incidents(), f.previousIncidents())),
                new Figure("nearMisses", "Near misses", String.valueOf(f.nearMisses()), versus(prevLabel, f.nearMisses(), f.previousNearMisses())));
        List<Column> cols = new ArrayList<>(List.of(Column.text("severity", "Severity"), Column.number("incidents", "Incidents " + scope)));
        if (in.comparesWithPrevious()) {
            cols.add(Column.number("previous", "Incidents " + prevLabel));
            cols.add(Column.number("change", "Change"));
        }
        List<List<Cell>> rows = new ArrayList<>();
        for (SeverityCount s : f.severities()) {
            List<Cell> r = new ArrayList<>(List.of(Cell.link(Cell.named(s.id(), s.label()),
                    s.id(), ""), Cell.integer(s.count())));
            if (s.previous().isPresent()) {
                r.add(Cell.integer(s.previous().getAsInt()));
                r.add(Cell.change(s.count() - s.previous().getAsInt()));
            }
            rows.add(r);
        }
        Table table = new Table("severity", "Incidents by severity", "One row per severity, most severe first.", cols, rows,
                "No incidents.");
        String lead = ReportFormat.plural(f.incidents(), "incident", "incidents") + " in " + scope
                + (f.previousIncidents().isPresent() ? " (" + f.previousIncidents().getAsInt() + " in " + prevLabel + ")" : "")
                + ", " + ReportFormat.plural(f.nearMisses(), "near miss", "near misses") + " among them.";
        return new Section("glance", 1, "Incidents and near misses", lead, figures, List.of(), List.of(table), List.of());
    }

    /** Returns "2024: 6 (+1)", or "" without a previous year. */
    static String versus(String prevLabel, int now, OptionalInt before) {
        if (before.isEmpty()) {
            return "";
        }
        return prevLabel + ": " + before.getAsInt() + " (" + ReportFormat.change(now - before.getAsInt()) + ")";
    }

    private static int count(List<Postmortem> list, String severity) {
        return (int) list.stream().filter(p -> p.severity().orElse(NO_SEVERITY).equals(severity)).count();
    }

    private static List<Postmortem> concat(List<Postmortem> a, List<Postmortem> b) {
        List<Postmortem> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
