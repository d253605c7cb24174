package dev.hindsight.model;

import java.time.LocalDate;
import java.util.Optional;

/**
 * One follow-up action from a postmortem.
 *
 * @param title  what is to be done
 * @param type   what it is for
 * @param owner  the team or role that owns it, or empty
 * @param due    the due date, or empty
 * @param status where it stands
 * @param closed the day it was closed, or empty
 * @param link    a tracker URL, or empty
 * @param outcome what the item did, as judged once it was done ({@code outcome:}), or empty
 * @param line    the source line it came from (0 if unknown)
 */
public record ActionItem(String title, ActionType type, Optional<String> owner, Optional<LocalDate> due,
                         ActionStatus status, Optional<LocalDate> closed, Optional<String> link,
                         Optional<ActionOutcome> outcome, int line) {

    public ActionItem {
        Validate.notBlank(title, "title");
        Validate.notNull(type, "type");
        Validate.notNull(owner, "owner");
        Validate.notNull(due, "due");
        Validate.notNull(status, "status");
        Validate.notNull(closed, "closed");
        Validate.notNull(link, "link");
        Validate.notNull(outcome, "outcome");
    }

    /** Creates an item with no outcome recorded. */
    public ActionItem(String title, ActionType type, Optional<String> owner, Optional<LocalDate> due,
                      ActionStatus status, Optional<LocalDate> closed, Optional<String> link, int line) {
        this(title, type, owner, due, status, closed, link, Optional.empty(), line);
    }

    /** Returns a copy with an outcome. */
    public ActionItem withOutcome(Optional<ActionOutcome> value) {
        return new ActionItem(title, type, owner, due, status, closed, link, value, line);
    }

    /** Returns true when the item is known to be open (not of unknown status) and its due date is before the given day. */
    public boolean isOverdue(LocalDate today) {
        return status.isOpen() && due.isPresent() && due.get().isBefore(today);
    }
}
