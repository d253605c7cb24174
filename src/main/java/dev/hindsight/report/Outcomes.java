package dev.hindsight.report;

import dev.hindsight.analyze.FixRecurrence;
import dev.hindsight.model.ActionItem;
import dev.hindsight.model.ActionOutcome;
import dev.hindsight.model.ActionStatus;
import dev.hindsight.model.Postmortem;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What the teams said their done action items did ({@code outcome:}), beside what the incidents say: the counts per
 * verdict, and the items a team said helped although their incident recurred after the fix ({@link RecurredAfterFix}),
 * the disagreement a meta-review should look at.
 */
final class Outcomes {
    private Outcomes() {
    }

    /**
     * The outcome numbers of the scope's done items.
     *
     * @param counts     done items per verdict, in verdict order (every verdict, zero included)
     * @param unrecorded done items without an outcome
     * @param disagree   items said to have helped whose incident recurred after the fix, oldest incident first
     */
    record Facts(Map<ActionOutcome.Verdict, Integer> counts, int unrecorded, List<Disagreement> disagree) {
        Facts {
            counts = Map.copyOf(counts);
            disagree = List.copyOf(disagree);
        }

        /** Returns the done items with an outcome. */
        int recorded() {
            return counts.values().stream().mapToInt(Integer::intValue).sum();
        }

        /** Returns the count of one verdict. */
        int of(ActionOutcome.Verdict v) {
            return counts.getOrDefault(v, 0);
        }
    }

    /**
     * An item said to have helped, of an incident that recurred after its fix.
     *
     * @param slug      the incident the item belongs to
     * @param item      the item
     * @param recurred  the recurrences after the fix, each naming the later incident
     */
    record Disagreement(String slug, ActionItem item, List<FixRecurrence> recurred) {
        Disagreement {
            recurred = List.copyOf(recurred);
        }
    }

    /** Counts the outcomes of the scope's done items and finds the disagreements. */
    static Facts facts(ReportInput in) {
        Map<ActionOutcome.Verdict, Integer> counts = new EnumMap<>(ActionOutcome.Verdict.class);
        for (ActionOutcome.Verdict v : ActionOutcome.Verdict.values()) {
            counts.put(v, 0);
        }
        int unrecorded = 0;
        List<Disagreement> disagree = new ArrayList<>();
        for (Postmortem p : in.inScope.stream().sorted(Postmortem.OLDEST_FIRST).toList()) {
            List<FixRecurrence> after = in.shared.fixes.stream().filter(c -> c.earlier().equals(p.slug())).toList();
            for (ActionItem a : p.actionItems()) {
                if (a.status() != ActionStatus.DONE) {
                    continue;
                }
                if (a.outcome().isEmpty()) {
                    unrecorded++;
                    continue;
                }
                ActionOutcome.Verdict v = a.outcome().get().verdict();
                counts.merge(v, 1, Integer::sum);
                if (v == ActionOutcome.Verdict.HELPED && !after.isEmpty()) {
                    disagree.add(new Disagreement(p.slug(), a, after));
                }
            }
        }
        return new Facts(counts, unrecorded, disagree);
    }
}
