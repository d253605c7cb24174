package dev.hindsight.analyze;

import dev.hindsight.model.Term;
import dev.hindsight.model.Validate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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

    /**
     * Returns the groups of one owner team, named by its id or label (any case; "no-owner-team" for the items with
     * none): empty when the name is no team of site.yml nor of the groups, an empty list when the team has no open items.
     */
    public static Optional<List<OpenItems>> ofTeam(String name, List<Term> teams, List<OpenItems> groups) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        Optional<String> id = new OwnerTeam.Resolver(teams).team(n).map(Term::id).or(() -> groups.stream()
                .map(OpenItems::team).filter(t -> t.key().equalsIgnoreCase(n) || t.label().equalsIgnoreCase(n))
                .map(OwnerTeam::key).findFirst());
        if (id.isEmpty() && !n.equals(OwnerTeam.NONE_KEY)) {
            return Optional.empty();
        }
        String key = id.orElse(OwnerTeam.NONE_KEY);
        return Optional.of(groups.stream().filter(g -> g.team().key().equals(key)).toList());
    }

    /** Returns the team names {@link #ofTeam} knows, sorted: site.yml's team ids, other owner teams, and "no-owner-team". */
    public static List<String> teamNames(List<Term> teams, List<OpenItems> groups) {
        java.util.TreeSet<String> names = new java.util.TreeSet<>();
        teams.forEach(t -> names.add(t.id()));
        groups.forEach(g -> names.add(g.team().key()));
        names.add(OwnerTeam.NONE_KEY);
        return List.copyOf(names);
    }

    /** Returns every open item of the groups, in order. */
    public static List<LedgerEntry> flat(List<OpenItems> groups) {
        return groups.stream().flatMap(g -> g.items().stream()).toList();
    }
}
