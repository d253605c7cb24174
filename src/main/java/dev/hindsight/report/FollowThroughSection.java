package dev.hindsight.report;

import dev.hindsight.model.ActionItem;

import java.util.ArrayList;
import java.util.List;

/**
 * Section 5, action-item follow-through, presented from {@link FollowThrough}'s numbers.
 */
final class FollowThroughSection {
    /** What the one count of action items includes, said wherever it is shown. */
    static final String ALL_ITEMS = "all of them, including won't do";

    private FollowThroughSection() {
    }

    /** Presents the numbers as the report section. */
    static Section of(ReportInput in, FollowThrough.Facts f) {
        String scope = in.scope.title();
        List<Figure> figures = List.of(
                new Figure("actionItems", "Action items", String.valueOf(f.total()), ALL_ITEMS),
                new Figure("completion", "Completion", ReportFormat.percent(f.done(), f.total()),
                        ReportFormat.countOf(f.done(), f.total()) + " items done"),
                new Figure("withinSlo", "Closed on time", ReportFormat.percent(f.sloMet(), f.sloDecided()), onTime(f)),
                new Figure("open", "Open", String.valueOf(f.open()), f.wontDo() + " won't do"
                        + (f.unrecorded() == 0 ? "" : ", " + f.unrecorded() + " status not recorded")),
                new Figure("overdue", "Overdue", String.valueOf(f.overdue()), "open and past their due date on " + in.today));
        List<Table> tables = List.of(sloTable(f), openTable(in, f), groupTable(in, "open-by-owner", "Open items by owner", "owner", f.byOwner()),
                groupTable(in, "open-by-team", "Open items by team", "team", f.byTeam()), monthTable(f),
                OutcomeTables.counts(f.outcomes()), OutcomeTables.disagreements(in, f.outcomes()));
        List<Chart> charts = new ArrayList<>();
        if (!f.openByMonth().isEmpty()) {
            List<String> labels = f.openByMonth().stream().map(m -> m.month().toString()).toList();
            List<Integer> values = f.openByMonth().stream().map(FollowThrough.MonthCount::open).toList();
            String title = "Open action items at each month end";
            charts.add(Chart.drawn(values.size())
                    ? new Chart("open-items-chart", title, BarChart.svg("open-items-chart", "Open action items of " + scope
                    + " incidents at each month end", BarChart.describe(labels, values, "open item/open items"), labels, values,
                    "open item/open items"))
                    : Chart.stated("open-items-chart", title, "Fewer than " + Chart.MIN_VALUES + " months, too few for a chart: "
                    + Chart.pairs(labels, values, false) + "."));
        }
        String lead = f.total() == 0 ? "The incidents of " + scope + " have no action items."
                : ReportFormat.countOf(f.done(), f.total()) + " action items of " + scope + " incidents are done; "
                + ReportFormat.percent(f.sloMet(), f.sloDecided()) + " of those done or past their deadline were closed on time; "
                + ReportFormat.plural(f.overdue(), "item is", "items are") + " overdue"
                + (f.openItems().isEmpty() || f.openItems().get(0).overdueDays().isEmpty() ? "."
                : ", the longest by " + ReportFormat.plural(f.openItems().get(0).overdueDays().getAsLong(), "day", "days") + ".");
        List<Note> notes = new ArrayList<>();
        notes.add(Note.of("Each action type's deadline is its SLO in days from the incident date: " + sloText(f) + " An item is "
                + "closed on time when it was done by its deadline. The share closed on time is of the items done or past their "
                + "deadline; items still before it, dropped ones and ones closed on an unknown day are left out. "
                + "Ages are days since the incident, as of " + in.today + "."));
        if (f.unrecorded() > 0) {
            notes.add(Note.of(ReportFormat.plural(f.unrecorded(), "action item has", "action items have") + " no recorded status"
                    + " (a plain bullet, with no checkbox or status): " + (f.unrecorded() == 1 ? "it is" : "they are")
                    + " counted among the action items but never as done, open or overdue, and left out of the share closed on time."));
        }
        notes.add(Note.of(OutcomeTables.sentence(f.outcomes())));
        if (f.undatedClosures() > 0) {
            notes.add(Note.of(ReportFormat.plural(f.undatedClosures(), "closed item has", "closed items have")
                    + " no closing day, so the monthly chart leaves them out rather than guess when they closed."));
        }
        return new Section("follow-through", 5, "Action-item follow-through", lead, figures, charts, tables, notes);
    }

    /** Returns what the share closed on time is of, in words ("7 of 16 done or past their deadline"). */
    static String onTime(FollowThrough.Facts f) {
        return f.sloMet() + " of " + f.sloDecided() + " done or past their deadline";
    }

    private static String sloText(FollowThrough.Facts f) {
        if (f.slo().isEmpty()) {
            return "no item has a type with an SLO.";
        }
        return String.join(", ", f.slo().stream().map(r -> r.type().id() + " " + r.days() + " days").toList()) + ".";
    }

    private static Table sloTable(FollowThrough.Facts f) {
        List<Column> cols = List.of(Column.text("type", "Type"), Column.number("sloDays", "SLO (days)"), Column.number("items", "Items"),
                Column.number("within", "Done in SLO"), Column.number("late", "Done late"), Column.number("openPast", "Open past SLO"),
                Column.number("pending", "Open, in SLO"), Column.number("undated", "Done, no date"),
                Column.number("dropped", "Won't do"), Column.number("unrecorded", "Status not recorded"),
                Column.number("share", "Met SLO"));
        List<List<Cell>> rows = new ArrayList<>();
        int[] sum = new int[8];
        for (FollowThrough.SloRow r : f.slo()) {
            rows.add(List.of(Cell.of(r.type().id()), Cell.integer(r.days()), Cell.integer(r.items()), Cell.integer(r.within()),
                    Cell.integer(r.late()), Cell.integer(r.openPast()), Cell.integer(r.pending()), Cell.integer(r.undated()),
                    Cell.integer(r.dropped()), Cell.integer(r.unrecorded()), Cell.share(r.within(), r.decided())));
            int[] v = {r.items(), r.within(), r.late(), r.openPast(), r.pending(), r.undated(), r.dropped(), r.unrecorded()};
            for (int i = 0; i < v.length; i++) {
                sum[i] += v[i];
            }
        }
        for (FollowThrough.TypeCount t : f.noSlo()) {
            List<Cell> r = new ArrayList<>(List.of(Cell.of(t.type().id()), Cell.empty("none"), Cell.integer(t.items())));
            for (int i = 0; i < 8; i++) {
                r.add(Cell.empty("\u2014"));
            }
            rows.add(r);
            sum[0] += t.items();
        }
        if (rows.size() > 1) {
            rows.add(List.of(Cell.of("all"), Cell.empty("\u2014"), Cell.integer(sum[0]), Cell.integer(sum[1]), Cell.integer(sum[2]),
                    Cell.integer(sum[3]), Cell.integer(sum[4]), Cell.integer(sum[5]), Cell.integer(sum[6]), Cell.integer(sum[7]),
                    Cell.share(sum[1], sum[1] + sum[2] + sum[3])));
        }
        return new Table("action-items-slo", "Closed on time", "One row per action type; a type without an SLO has no "
                + "deadline, so its items are counted but never on time or late. The last row has every action item.", cols, rows,
                "No action items.");
    }

    private static Table openTable(ReportInput in, FollowThrough.Facts f) {
        List<Column> cols = List.of(Column.text("incident", "Incident"), Column.text("item", "Action item"), Column.text("type", "Type"),
                Column.text("owner", "Owner"), Column.text("teams", "Team"), Column.text("due", "Due"),
                Column.number("daysOverdue", "Days overdue"), Column.number("ageDays", "Age (days)"), Column.text("link", "Tracker"));
        List<List<Cell>> rows = new ArrayList<>();
        for (FollowThrough.OpenItem o : f.openItems()) {
            ActionItem a = o.item();
            rows.add(List.of(in.links.incident(o.slug()), Cell.of(a.title()), Cell.of(a.type().id()),
                    a.owner().map(Cell::of).orElse(Cell.empty("\u2014")),
                    Cell.list(o.teams().stream().map(t -> in.links.team(t, hasTeamPage(in, t))).toList()),
                    a.due().map(d -> Cell.of(d.toString())).orElse(Cell.empty("\u2014")),
                    o.overdueDays().isPresent() ? Cell.integer(o.overdueDays().getAsLong()) : Cell.empty("\u2014"),
                    o.ageDays().isPresent() ? Cell.integer(o.ageDays().getAsLong()) : Cell.empty("unknown"),
                    in.links.tracker(a.link())));
        }
        return new Table("open-action-items", "Open action items", "Every open or in-progress item, the most overdue first.",
                cols, rows, "No open action items.");
    }

    private static boolean hasTeamPage(ReportInput in, String team) {
        return in.analysis.taxonomy("teams").map(t -> t.terms().containsKey(team)).orElse(false);
    }

    private static Table groupTable(ReportInput in, String id, String title, String what, List<FollowThrough.OpenGroup> groups) {
        List<Column> cols = List.of(Column.text(what, what.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + what.substring(1)),
                Column.number("open", "Open"), Column.number("overdue", "Overdue"), Column.number("oldestDays", "Oldest (days)"));
        List<List<Cell>> rows = new ArrayList<>();
        for (FollowThrough.OpenGroup g : groups) {
            Cell name = g.id().isEmpty() ? Cell.empty("no " + what)
                    : what.equals("team") ? in.links.team(g.id(), hasTeamPage(in, g.id())) : Cell.of(g.id());
            rows.add(List.of(name, Cell.integer(g.open()), Cell.integer(g.overdue()), Cell.integer(g.oldestDays())));
        }
        return new Table(id, title, "Open items per " + what + ", the most overdue first.", cols, rows, "No open action items.");
    }

    private static Table monthTable(FollowThrough.Facts f) {
        List<List<Cell>> rows = new ArrayList<>();
        for (FollowThrough.MonthCount m : f.openByMonth()) {
            rows.add(List.of(Cell.of(m.month().toString()), Cell.integer(m.open())));
        }
        return new Table("open-by-month", "Open items at each month end", "The data of the chart above.",
                List.of(Column.text("month", "Month"), Column.number("open", "Open items")), rows, "No months to show.").fold();
    }
}
