package dev.hindsight.report;

import dev.hindsight.analyze.FixRecurrence;
import dev.hindsight.analyze.Fixes;
import dev.hindsight.analyze.RecurrenceFinder;
import dev.hindsight.model.ActionItem;
import dev.hindsight.model.Postmortem;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;

/**
 * Section 4, recurred after the fix: incidents of the scope whose cause and service match an earlier incident
 * whose action items were all closed before they started. It answers "did our actions work?".
 */
final class RecurredAfterFix {
    private RecurredAfterFix() {
    }

    /**
     * The numbers of the section.
     *
     * @param cases      each later incident with the earlier incident whose fix did not hold, later incident oldest first
     * @param repeats    incidents of the scope that share a cause category and a service with any earlier incident
     * @param afterFix   incidents of the scope among them that came after a completed fix
     */
    record Facts(List<FixRecurrence> cases, int repeats, int afterFix) {
        Facts {
            cases = List.copyOf(cases);
        }
    }

    /** Finds the section's cases. */
    static Facts facts(ReportInput in) {
        List<FixRecurrence> cases = in.shared.fixes.stream().filter(c -> in.inScope(c.later())).toList();
        Set<String> later = new HashSet<>();
        cases.forEach(c -> later.add(c.later()));
        int repeats = (int) in.inScope.stream().filter(p -> in.shared.repeats.contains(p.slug())).count();
        return new Facts(cases, repeats, later.size());
    }

    /** Presents the cases as the report section. */
    static Section section(ReportInput in, Facts f) {
        String scope = in.scope.title();
        List<Column> cols = List.of(Column.text("incident", "Incident"), Column.text("earlier", "Earlier incident"),
                Column.text("causes", "Shared causes"), Column.text("services", "Where the cause was"),
                Column.number("actionItems", "Action items"), Column.text("lastClosed", "Last item closed"),
                Column.number("daysAfterFix", "Days from fix to recurrence"), Column.text("match", "Matched by"));
        List<Column> itemCols = List.of(Column.text("earlier", "Earlier incident"), Column.text("item", "Action item"),
                Column.text("type", "Type"), Column.text("status", "Status"), Column.text("closed", "Closed"),
                Column.text("outcome", "Outcome recorded"), Column.text("link", "Tracker"), Column.text("recurredIn", "Recurred in"));
        List<List<Cell>> rows = new ArrayList<>();
        List<List<Cell>> itemRows = new ArrayList<>();
        Map<Postmortem, List<String>> laterOf = new TreeMap<>(Postmortem.OLDEST_FIRST);
        for (FixRecurrence c : f.cases()) {
            Postmortem earlier = in.bySlug.get(c.earlier());
            Postmortem later = in.bySlug.get(c.later());
            rows.add(List.of(in.links.incident(c.later()), in.links.incident(c.earlier()),
                    Cell.list(c.causes().stream().map(in.links::category).toList()),
                    Cell.list(c.services().stream().map(in.links::service).toList()),
                    Cell.integer(earlier.actionItems().size()), Cell.of(c.lastClosed().toString()),
                    Cell.integer(ChronoUnit.DAYS.between(c.lastClosed(), Fixes.startDay(later))),
                    Cell.link(c.why(), c.declared() ? "declared" : "mutual-similar-cause-service", "")));
            laterOf.computeIfAbsent(earlier, k -> new ArrayList<>()).add(c.later());
        }
        for (var e : laterOf.entrySet()) {
            Cell recurredIn = Cell.list(e.getValue().stream().distinct().map(in.links::incident).toList());
            for (ActionItem a : e.getKey().actionItems()) {
                itemRows.add(List.of(in.links.incident(e.getKey().slug()), Cell.of(a.title()), Cell.of(a.type().id()),
                        Cell.of(a.status().id()), a.closed().map(d -> Cell.of(d.toString())).orElse(Cell.empty("\u2014")),
                        a.outcome().map(o -> Cell.of(o.label())).orElse(Cell.empty("\u2014")), in.links.tracker(a.link()), recurredIn));
            }
        }
        Table cases = new Table("recurred-after-fix", "Recurred after the fix", "An incident of " + scope + " and the earlier "
                + "incident it repeats, whose action items were all closed before it started.", cols, rows,
                "No incident of " + scope + " came back after its earlier incident's action items were all closed.");
        Table items = new Table("recurred-after-fix-items", "The action items that did not prevent it",
                "Every action item of the earlier incidents above, once each, with the incidents that came back after them.",
                itemCols, itemRows, "None.");
        List<Figure> figures = List.of(
                new Figure("afterFix", "Recurred after the fix", String.valueOf(f.afterFix()),
                        "of " + ReportFormat.plural(f.repeats(), "repeated incident", "repeated incidents")),
                new Figure("repeats", "Repeated an earlier incident", String.valueOf(f.repeats()), "declared, or same causes and service"));
        String lead;
        if (f.repeats() == 0) {
            lead = "No incident of " + scope + " repeated an earlier incident.";
        } else {
            lead = ReportFormat.plural(f.repeats(), "incident", "incidents") + " of " + scope
                    + " repeated an earlier incident; " + f.afterFix() + " of them came after every action item of that "
                    + "earlier incident had been closed, so those actions did not prevent it."
                    + switch (f.repeats() - f.afterFix()) {
                        case 0 -> "";
                        case 1 -> " The other one came while earlier items were still open, closed on an unknown day, or never written.";
                        default -> " The other " + (f.repeats() - f.afterFix())
                                + " came while earlier items were still open, closed on an unknown day, or never written.";
                    };
        }
        Note how = Note.of("An incident repeats an earlier one when its postmortem says so (recurrence_of), or when both "
                + "hit a common service and at least half of all the cause categories the two name are shared: one broad "
                + "category in common, such as capacity, is not enough. The earlier incident counts as fixed when it had "
                + "action items and every one was closed (done or won't do) on a known day before the new incident started. "
                + "Items marked closed without a date are not assumed to have been closed in time. Each incident is listed "
                + "with the earlier incidents it declares, or else with the most recent fixed one it repeats.");
        return new Section("after-fix", 4, "Recurred after the fix", lead, figures, List.of(), List.of(cases, items), List.of(how));
    }
}
