package dev.hindsight.analyze;

import dev.hindsight.model.Validate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The open action items (open or in progress) grouped by owner team, in the one order the action-items page, its
 * CSV, the reminder feeds and {@code hindsight actions} share: teams by label (the group with no owner team last);
 * within a team, overdue items first, most overdue first, then by due date (none last), oldest incident first.
 *
 * @param team  the owner team
 * @param items its open items, in order
 */
public record OpenItems(OwnerTeam team, List<LedgerEntry> items) {
    /** The order of items within a team. */
    public static final Comparator<LedgerEntry> ORDER = Comparator
            .comparingLong((LedgerEntry e) -> -e.overdueDays().orElse(-1))
            .thenComparing(e -> e.item().due().orElse(null), Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparingLong(e -> -e.ageDays().orElse(-1))
            .thenComparing(LedgerEntry::slug).thenComparing(LedgerEntry::key);

    public OpenItems {
        Validate.notNull(team, "team");
        items = List.copyOf(items);
    }

    /** Returns how many of the team's items are overdue. */
    public int overdue() {
        return (int) items.stream().filter(LedgerEntry::overdue).count();
    }

    /** Returns the open items of a ledger grouped by owner team, in order. */
    public static List<OpenItems> of(List<LedgerEntry> ledger) {
        Map<String, List<LedgerEntry>> byTeam = new TreeMap<>();
        Map<String, OwnerTeam> teams = new TreeMap<>();
        for (LedgerEntry e : ledger) {
            if (e.item().status().isOpen()) {
                String sortKey = (e.ownerTeam().id().isEmpty() ? "1" : "0")
                        + e.ownerTeam().label().toLowerCase(Locale.ROOT) + "\u0000" + e.ownerTeam().key();
                byTeam.computeIfAbsent(sortKey, k -> new ArrayList<>()).add(e);
                teams.putIfAbsent(sortKey, e.ownerTeam());
            }
        }
        List<OpenItems> out = new ArrayList<>();
        byTeam.forEach((k, items) -> {
            items.sort(ORDER);
            out.add(new OpenItems(teams.get(k), items));
        });
        return out;
    }

    /** Returns every open item of the groups, in order. */
    public static List<LedgerEntry> flat(List<OpenItems> groups) {
        return groups.stream().flatMap(g -> g.items().stream()).toList();
    }
}
