package dev.hindsight.check;

import dev.hindsight.model.ActionItem;
import dev.hindsight.model.ActionStatus;
import dev.hindsight.model.Problem;

import java.util.ArrayList;
import java.util.List;

/**
 * Warnings for action items nobody owns or that have no due date: the meta-review cannot follow them up.
 * An item closed as won't-do needs neither; a done item needs an owner but no longer a due date. An item whose
 * status was never recorded (a plain bullet) still needs an owner, but is not asked for a due date: it may be long
 * done, and what it lacks first is a status. An {@code outcome} belongs to a done item: on any other it is a warning.
 */
final class ActionItemRule {
    private ActionItemRule() {
    }

    /** Returns the action-item warnings of a document. */
    static List<Problem> check(Document doc) {
        List<Problem> out = new ArrayList<>();
        for (ActionItem item : doc.postmortem().actionItems()) {
            Position pos = item.line() > 0 ? Position.line(item.line()) : doc.source().key("action_items");
            if (item.outcome().isPresent() && item.status() != ActionStatus.DONE) {
                out.add(doc.problem(CheckRule.OUTCOME_NOT_DONE, pos, "action item \"" + shorten(item.title())
                        + "\" has an outcome but is " + item.status().id() + "; mark it done, or remove the outcome"));
            }
            if (item.status() == ActionStatus.WONT_DO) {
                continue;
            }
            if (item.owner().isEmpty() || item.owner().get().isBlank()) {
                out.add(doc.problem(CheckRule.ACTION_ITEM_OWNER, pos, "action item \"" + shorten(item.title())
                        + "\" has no owner; name the team or role that will do it"));
            }
            if (item.due().isEmpty() && item.status().isOpen()) {
                out.add(doc.problem(CheckRule.ACTION_ITEM_DUE, pos, "action item \"" + shorten(item.title())
                        + "\" has no due date; add `due: YYYY-MM-DD`"));
            }
        }
        return out;
    }

    private static String shorten(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
