package dev.hindsight.analyze;

import dev.hindsight.model.ActionItem;
import dev.hindsight.model.Validate;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * An action item with the facts the report needs about it.
 *
 * @param slug          the incident it belongs to
 * @param item          the item
 * @param teams         the incident's teams, for grouping
 * @param overdue       open and past its due date (as of the site's today); never for an unknown status
 * @param ageDays       days since the incident, for open items; days to close for closed ones; empty when the
 *                      incident's date is unknown
 * @param withinSlo     whether it met its SLO ({@link SloPolicy}): true when done within it, false when done late
 *                      or still open past it; empty when there is no SLO, it was dropped, its status was never
 *                      recorded, it is open but still within its SLO, or was closed on an unknown day
 * @param key           the item's key within its incident ({@link ItemKeys}): stable when items are reordered
 * @param ownerTeam     the team it belongs to ({@link OwnerTeam})
 * @param overdueDays   days past the due date, when overdue
 */
public record LedgerEntry(String slug, ActionItem item, List<String> teams, boolean overdue, OptionalLong ageDays,
                          Optional<Boolean> withinSlo, String key, OwnerTeam ownerTeam, OptionalLong overdueDays) {
    public LedgerEntry {
        Validate.notBlank(slug, "slug");
        Validate.notNull(item, "item");
        teams = List.copyOf(teams);
        Validate.notNull(ageDays, "ageDays");
        Validate.notNull(withinSlo, "withinSlo");
        Validate.notBlank(key, "key");
        Validate.notNull(ownerTeam, "ownerTeam");
        Validate.notNull(overdueDays, "overdueDays");
    }

    /** Returns the item's id across the site, {@code <slug>/<key>}: calendar UIDs and feed ids are made from it. */
    public String id() {
        return slug + "/" + key;
    }
}
