package dev.hindsight.analyze;

import dev.hindsight.model.ActionItem;

import java.util.Optional;

/**
 * An action item with the facts the report needs about it.
 *
 * @param slug          the incident it belongs to
 * @param item          the item
 * @param teams         the incident's teams, for grouping
 * @param overdue       open and past its due date (as of the site's today)
 * @param ageDays       days since the incident, for open items; days to close for closed ones
 * @param withinSlo     for closed items with a known SLO: closed within it
 */
public record LedgerEntry(String slug, ActionItem item, java.util.List<String> teams, boolean overdue, long ageDays,
                          Optional<Boolean> withinSlo) {
    public LedgerEntry {
        teams = java.util.List.copyOf(teams);
    }
}
