package dev.hindsight.analyze;

import dev.hindsight.model.Postmortem;
import dev.hindsight.model.Site;
import dev.hindsight.model.Validate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Finds causes that came back: by cause, by cause and the service it was in, and chains declared with
 * recurrence_of. A broad category ({@link Causality#broad}) makes no chain on its own, and a cause-and-service chain
 * uses the causal service ({@link Causality#causalService}), not every service that was only affected.
 *
 * <p>Every chain lists its incidents oldest first (by date, undated last, then slug), each incident once. The list holds the
 * cause-and-service chains first, then the cause chains, then the declared chains, each group sorted by its key,
 * so the incident page can show "this cause also appeared in …" in a stable order.
 */
public final class RecurrenceFinder {
    /** Returns the recurrences of a site by its cause categories, each chain oldest first, in a stable order. */
    public List<Recurrence> find(Site site) {
        return find(site, Postmortem::causes);
    }

    /**
     * Returns the recurrences of a site with the categories an incident is filed under given by a function
     * (the report passes one that falls back to a "Category:" line when an incident names no causes).
     */
    public List<Recurrence> find(Site site, Function<Postmortem, List<String>> categories) {
        return find(site, categories, p -> Causality.causalService(p, site.config()));
    }

    /**
     * Returns the recurrences of a site as {@link #find(Site, Function)} does, with the service each incident's cause
     * was in given (as {@link Analysis#causalService} gives it, worked out once a build).
     */
    public List<Recurrence> find(Site site, Function<Postmortem, List<String>> categories,
                                 Function<Postmortem, Optional<String>> causalService) {
        Validate.notNull(site, "site");
        Validate.notNull(categories, "categories");
        Validate.notNull(causalService, "causalService");
        List<Postmortem> oldestFirst = site.postmortems().stream().sorted(Postmortem.OLDEST_FIRST).toList();
        Map<String, List<String>> byCause = new TreeMap<>();
        Map<List<String>, List<String>> byCauseService = new TreeMap<>(Comparator.<List<String>, String>comparing(k -> k.get(0))
                .thenComparing(k -> k.get(1)));
        Set<String> broad = Causality.broad(oldestFirst);
        for (Postmortem p : oldestFirst) {
            Optional<String> causal = causalService.apply(p);
            for (String c : new LinkedHashSet<>(categories.apply(p))) {
                if (!broad.contains(c)) {
                    byCause.computeIfAbsent(c, k -> new ArrayList<>()).add(p.slug());
                }
                causal.ifPresent(s -> byCauseService.computeIfAbsent(List.of(c, s), k -> new ArrayList<>()).add(p.slug()));
            }
        }
        List<Recurrence> out = new ArrayList<>();
        byCauseService.forEach((k, v) -> {
            if (v.size() > 1) {
                out.add(new Recurrence(Recurrence.Kind.CAUSE_AND_SERVICE, k.get(0), k.get(1), v));
            }
        });
        byCause.forEach((k, v) -> {
            if (v.size() > 1) {
                out.add(new Recurrence(Recurrence.Kind.CAUSE, k, "", v));
            }
        });
        out.addAll(declaredChains(site, oldestFirst, categories));
        return out;
    }

    /** Unions the recurrence_of links into connected chains; links to incidents not in the site are ignored. */
    private static List<Recurrence> declaredChains(Site site, List<Postmortem> oldestFirst,
                                                   Function<Postmortem, List<String>> categories) {
        Set<String> known = new HashSet<>();
        oldestFirst.forEach(p -> known.add(p.slug()));
        DisjointSets sets = new DisjointSets();
        for (Postmortem p : oldestFirst) {
            for (String earlier : p.recurrenceOf()) {
                if (known.contains(earlier) && !earlier.equals(p.slug())) {
                    sets.join(p.slug(), earlier);
                }
            }
        }
        Map<String, List<Postmortem>> groups = new TreeMap<>();
        for (Postmortem p : oldestFirst) {
            if (sets.contains(p.slug())) {
                groups.computeIfAbsent(sets.group(p.slug()), k -> new ArrayList<>()).add(p);
            }
        }
        List<Recurrence> out = new ArrayList<>();
        for (List<Postmortem> chain : groups.values()) {
            out.add(new Recurrence(Recurrence.Kind.DECLARED, sharedCategory(chain, categories), "",
                    chain.stream().map(Postmortem::slug).toList()));
        }
        return out;
    }

    /**
     * Returns the category most incidents of a chain share (at least two of them), ties broken by the oldest
     * incident's order and then by id; "" when no category is shared.
     */
    static String sharedCategory(List<Postmortem> chain, Function<Postmortem, List<String>> categories) {
        Map<String, Integer> counts = new TreeMap<>();
        for (Postmortem p : chain) {
            new LinkedHashSet<>(categories.apply(p)).forEach(c -> counts.merge(c, 1, Integer::sum));
        }
        List<String> firstOrder = categories.apply(chain.get(0));
        String best = "";
        int bestCount = 1;
        for (var e : counts.entrySet()) {
            boolean better = e.getValue() > bestCount || (e.getValue() == bestCount && !best.isEmpty()
                    && rank(firstOrder, e.getKey()) < rank(firstOrder, best));
            if (better) {
                best = e.getKey();
                bestCount = e.getValue();
            }
        }
        return best;
    }

    private static int rank(List<String> order, String id) {
        int i = order.indexOf(id);
        return i < 0 ? Integer.MAX_VALUE : i;
    }
}
