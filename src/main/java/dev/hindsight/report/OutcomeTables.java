package dev.hindsight.report;

import dev.hindsight.analyze.FixRecurrence;
import dev.hindsight.analyze.Fixes;
import dev.hindsight.model.ActionOutcome;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The follow-through section's outcome tables, from {@link Outcomes}: done items per outcome, and the items said to
 * have helped whose incident recurred after the fix.
 */
final class OutcomeTables {
    private OutcomeTables() {
    }

    /** Returns the table of done items per outcome, with a row for items with none. */
    static Table counts(Outcomes.Facts f) {
        List<List<Cell>> rows = new ArrayList<>();
        for (ActionOutcome.Verdict v : ActionOutcome.Verdict.values()) {
            rows.add(List.of(Cell.of(v.label()), Cell.integer(f.of(v)), Cell.share(f.of(v), f.recorded())));
        }
        rows.add(List.of(Cell.of("No outcome recorded"), Cell.integer(f.unrecorded()), Cell.empty("\u2014")));
        return new Table("action-item-outcomes", "Did the done items help?", "Done items by the outcome their team recorded "
                + "(helped, did not help, unknown); the share is of the items with one.", List.of(Column.text("outcome", "Outcome"),
                Column.number("items", "Done items"), Column.number("share", "Share")), rows, "No done items.");
    }

    /** Returns the table of items said to have helped whose incident recurred after the fix. */
    static Table disagreements(ReportInput in, Outcomes.Facts f) {
        List<List<Cell>> rows = new ArrayList<>();
        for (Outcomes.Disagreement d : f.disagree()) {
            for (FixRecurrence c : d.recurred()) {
                rows.add(List.of(in.links.incident(d.slug()), Cell.of(d.item().title()),
                        d.item().outcome().flatMap(ActionOutcome::note).map(Cell::of).orElse(Cell.empty("\u2014")),
                        in.links.incident(c.later()),
                        Cell.integer(ChronoUnit.DAYS.between(c.lastClosed(), Fixes.startDay(in.bySlug.get(c.later()))))));
            }
        }
        return new Table("helped-yet-recurred", "Said to help, yet recurred", "Done items whose team recorded that they "
                + "helped, of an incident that recurred after all its action items were closed (section 4): the outcome and "
                + "the recurrence disagree.", List.of(Column.text("incident", "Incident"), Column.text("item", "Action item"),
                Column.text("note", "Outcome note"), Column.text("recurredIn", "Recurred in"),
                Column.number("daysAfterFix", "Days from fix to recurrence")), rows,
                "No item said to have helped belongs to an incident that recurred after its fix.");
    }

    /** Returns a sentence with the outcome numbers. */
    static String sentence(Outcomes.Facts f) {
        if (f.recorded() == 0) {
            return "No done item has a recorded outcome (helped, did not help or unknown), so whether the "
                    + "items helped is not known from them; section 4 shows which fixes did not hold.";
        }
        return "Of the done items, " + f.of(ActionOutcome.Verdict.HELPED) + " helped, " + f.of(ActionOutcome.Verdict.DID_NOT_HELP)
                + " did not help and " + f.of(ActionOutcome.Verdict.UNKNOWN) + " had an unknown effect, by their teams' account; "
                + ReportFormat.plural(f.unrecorded(), "done item has", "done items have") + " no outcome recorded. "
                + ReportFormat.plural(f.disagree().size(), "item", "items") + " said to have helped "
                + (f.disagree().size() == 1 ? "belongs" : "belong") + " to an incident that recurred after the fix.";
    }
}
