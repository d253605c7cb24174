package dev.hindsight.report;

import dev.hindsight.model.Postmortem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;

/**
 * Section 2, causes over time: a heatmap of cause category by quarter (by year for all years), the top causes
 * and their trend against the previous year.
 */
final class CausesOverTime {
    /** How many causes the top list shows. */
    static final int TOP = 5;

    private CausesOverTime() {
    }

    /**
     * The numbers of the section.
     *
     * @param periods        column names: Q1..Q4, or years
     * @param rows           one per category seen in the scope or the previous year, most frequent first;
     *                       incidents without any category are the last row, with id ""
     * @param fromCategories incidents of the scope filed under "Category:" lines because they name no causes
     */
    record Facts(List<String> periods, List<CauseRow> rows, int fromCategories) {
        Facts {
            periods = List.copyOf(periods);
            rows = List.copyOf(rows);
        }

        /** Returns the rows of real categories with incidents in the scope, most frequent first. */
        List<CauseRow> top() {
            return rows.stream().filter(r -> !r.id().isEmpty() && r.total() > 0).limit(TOP).toList();
        }
    }

    /**
     * One category's incidents.
     *
     * @param id        the category id, or "" for incidents without one
     * @param label     its label
     * @param perPeriod incidents per period, in the order of the periods
     * @param total     incidents in the scope
     * @param previous  incidents in the previous year
     */
    record CauseRow(String id, String label, List<Integer> perPeriod, int total, OptionalInt previous) {
        CauseRow {
            perPeriod = List.copyOf(perPeriod);
        }
    }

    /** Counts the section's numbers. */
    static Facts facts(ReportInput in) {
        List<String> periods = in.scope.periods(in.inScope);
        Map<String, int[]> counts = new HashMap<>();
        Map<String, Integer> previous = new HashMap<>();
        int fallback = 0;
        for (Postmortem p : in.inScope) {
            if (p.date().isEmpty()) {
                continue;  // a figure over time has no period for an incident with no known date
            }
            int col = periods.indexOf(in.scope.period(p.date().get()));
            for (String c : keys(in, p)) {
                counts.computeIfAbsent(c, k -> new int[periods.size()])[col]++;
            }
            fallback += in.categories.fromCategoryLine(p) ? 1 : 0;
        }
        for (Postmortem p : in.previous) {
            keys(in, p).forEach(c -> previous.merge(c, 1, Integer::sum));
        }
        Set<String> ids = new TreeSet<>(counts.keySet());
        ids.addAll(previous.keySet());
        List<CauseRow> rows = new ArrayList<>();
        for (String id : ids) {
            int[] per = counts.getOrDefault(id, new int[periods.size()]);
            List<Integer> list = new ArrayList<>();
            int total = 0;
            for (int n : per) {
                list.add(n);
                total += n;
            }
            rows.add(new CauseRow(id, id.isEmpty() ? "No cause recorded" : in.categories.label(id), list, total,
                    in.comparesWithPrevious() ? OptionalInt.of(previous.getOrDefault(id, 0)) : OptionalInt.empty()));
        }
        rows.sort(Comparator.comparing((CauseRow r) -> r.id().isEmpty())
                .thenComparing(Comparator.comparingInt(CauseRow::total).reversed())
                .thenComparing(Comparator.comparingInt((CauseRow r) -> r.previous().orElse(0)).reversed())
                .thenComparing(CauseRow::label).thenComparing(CauseRow::id));
        return new Facts(periods, rows, fallback);
    }

    private static List<String> keys(ReportInput in, Postmortem p) {
        List<String> k = in.categories.of(p);
        return k.isEmpty() ? List.of("") : k;
    }

    /** Presents the numbers as the report section. */
    static Section section(ReportInput in, Facts f) {
        String scope = in.scope.title();
        boolean prev = in.comparesWithPrevious();
        List<Column> cols = new ArrayList<>(List.of(Column.text("category", "Cause category")));
        for (String p : f.periods()) {
            cols.add(Column.number(in.scope.year().isPresent() ? p.toLowerCase(Locale.ROOT) : "y" + p, p));
        }
        cols.add(Column.number("total", "Total"));
        if (prev) {
            cols.add(Column.number("previous", in.previousLabel()));
            cols.add(Column.number("change", "Change"));
        }
        List<List<Cell>> rows = new ArrayList<>();
        for (CauseRow r : f.rows()) {
            List<Cell> row = new ArrayList<>();
            row.add(r.id().isEmpty() ? Cell.link(r.label(), "", "") : in.links.category(r.id()));
            r.perPeriod().forEach(n -> row.add(Cell.integer(n)));
            row.add(Cell.integer(r.total()));
            if (prev) {
                row.add(Cell.integer(r.previous().orElse(0)));
                row.add(Cell.change(r.total() - r.previous().orElse(0)));
            }
            rows.add(row);
        }
        Table byPeriod = new Table("causes-by-" + in.scope.periodName(), "Incidents by cause category and " + in.scope.periodName(),
                "An incident with several cause categories counts once under each.", cols, rows, "No incidents.");
        Table top = topTable(in, f);
        List<Chart> charts = new ArrayList<>();
        if (!f.rows().isEmpty() && !in.inScope.isEmpty()) {
            String title = "Cause category by " + in.scope.periodName() + ", " + scope;
            charts.add(Chart.drawn(in.inScope.size())
                    ? new Chart("causes-heatmap", title, Heatmap.svg("causes-heatmap", f, scope, in.scope.periodName()), top.id())
                    : Chart.stated("causes-heatmap", title, "Fewer than " + Chart.MIN_VALUES + " incidents, too few for a chart: "
                    + Chart.pairs(f.rows().stream().filter(r -> r.total() > 0).map(CauseRow::label).toList(),
                    f.rows().stream().filter(r -> r.total() > 0).map(CauseRow::total).toList(), false)
                    + "; by " + in.scope.periodName() + " in the table below."));
        }
        List<Note> notes = new ArrayList<>();
        notes.add(Note.of("An incident with several cause categories counts once under each, so the counts add up to more "
                + "than the number of incidents. Cause categories are what the write-ups name as contributing factors; "
                + "a category that grows may also mean the team has learned to spot it."));
        if (f.fromCategories() > 0) {
            notes.add(Note.of(ReportFormat.plural(f.fromCategories(), "incident names", "incidents name")
                    + " no cause categories; they are counted under the category their text gives on a \"Category:\" line."));
        }
        return new Section("causes", 2, "Causes over time", lead(in, f), List.of(), charts, List.of(top, byPeriod), notes);
    }

    private static Table topTable(ReportInput in, Facts f) {
        boolean prev = in.comparesWithPrevious();
        List<Column> cols = new ArrayList<>(List.of(Column.number("rank", "Rank"), Column.text("category", "Cause category"),
                Column.number("incidents", "Incidents"), Column.number("share", "Share of incidents")));
        if (prev) {
            cols.add(Column.number("previous", in.previousLabel()));
            cols.add(Column.text("trend", "Trend"));
        }
        List<List<Cell>> rows = new ArrayList<>();
        int rank = 1;
        for (CauseRow r : f.top()) {
            List<Cell> row = new ArrayList<>(List.of(Cell.integer(rank++), in.links.category(r.id()), Cell.integer(r.total()),
                    Cell.share(r.total(), in.inScope.size())));
            if (prev) {
                row.add(Cell.integer(r.previous().orElse(0)));
                row.add(Cell.of(trend(r.total(), r.previous().orElse(0))));
            }
            rows.add(row);
        }
        return new Table("top-causes", "Top cause categories", "The " + TOP + " most frequent categories"
                + (prev ? ", with the year before." : "."), cols, rows, "No incident names a cause category.");
    }

    /** Returns "new", "up 2", "down 1", "same" or "gone". */
    static String trend(int now, int before) {
        if (before == 0) {
            return now == 0 ? "same" : "new";
        }
        if (now == 0) {
            return "gone";
        }
        return now > before ? "up " + (now - before) : now < before ? "down " + (before - now) : "same";
    }

    private static String lead(ReportInput in, Facts f) {
        List<CauseRow> top = f.top();
        if (top.isEmpty()) {
            return "No incident in " + in.scope.title() + " names a cause category.";
        }
        CauseRow first = top.get(0);
        String s = "Most frequent: " + first.label() + " (" + ReportFormat.plural(first.total(), "incident", "incidents");
        if (first.previous().isPresent()) {
            s += ", " + first.previous().getAsInt() + " in " + in.previousLabel();
        }
        return s + ").";
    }
}
