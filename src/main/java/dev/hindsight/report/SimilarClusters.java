package dev.hindsight.report;

import dev.hindsight.index.SearchIndex;
import dev.hindsight.index.Similar;
import dev.hindsight.model.Postmortem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Groups similar incidents into clusters. With the search index's similar incidents, two incidents are linked when
 * each lists the other (mutual neighbours); without them, when they share a cause category and a service. Clusters
 * are groups in which every incident is linked to every other (see {@link #cliques}); plain connected groups were
 * tried first and merged most of a real site into one cluster. Clusters that include an incident of the scope are kept.
 */
final class SimilarClusters {
    private static final int TERMS = 5;
    /** Above this many pairs to compare, two groups are not joined (keeps the fallback fast on large sites). */
    private static final long MAX_CHECKS = 10_000;

    private final Map<String, Postmortem> bySlug;
    private final CauseCategories categories;
    private final boolean fromSimilarity;
    /** Every group of the whole site, each oldest first with its shared words. */
    private final List<Group> groups;

    /**
     * A cluster of similar incidents.
     *
     * @param slugs    the incidents, oldest first
     * @param inScope  how many are in the scope
     * @param causes   categories at least two of them share, most shared first
     * @param services services at least two of them share, most shared first
     * @param terms    distinctive words the joined incidents share, most frequent first (similarity clusters only)
     */
    record Cluster(List<String> slugs, int inScope, List<String> causes, List<String> services, List<String> terms) {
        Cluster {
            slugs = List.copyOf(slugs);
            causes = List.copyOf(causes);
            services = List.copyOf(services);
            terms = List.copyOf(terms);
        }
    }

    private record Group(List<String> slugs, List<String> terms) {
    }

    /** Groups the incidents of a whole site. */
    SimilarClusters(List<Postmortem> oldestFirst, CauseCategories categories, SearchIndex index) {
        this.categories = categories;
        Map<String, Postmortem> by = new HashMap<>();
        oldestFirst.forEach(p -> by.putIfAbsent(p.slug(), p));
        this.bySlug = by;
        this.fromSimilarity = oldestFirst.stream().anyMatch(p -> !index.similarTo(p.slug()).isEmpty());
        Map<String, Map<String, Double>> weights = new HashMap<>();
        Map<String, List<String>> edgeTerms = new HashMap<>();
        if (fromSimilarity) {
            for (Postmortem p : oldestFirst) {
                for (Similar s : index.similarTo(p.slug())) {
                    Optional<Similar> back = index.similarTo(s.slug()).stream().filter(x -> x.slug().equals(p.slug())).findFirst();
                    if (by.containsKey(s.slug()) && p.slug().compareTo(s.slug()) < 0 && back.isPresent()) {
                        link(weights, p.slug(), s.slug(), s.score() + back.get().score());
                        edgeTerms.put(p.slug() + "\n" + s.slug(), s.terms());
                    }
                }
            }
        } else {
            Map<List<String>, List<String>> buckets = new HashMap<>();
            for (Postmortem p : oldestFirst) {
                for (String c : categories.of(p)) {
                    for (String s : new LinkedHashSet<>(p.services())) {
                        buckets.computeIfAbsent(List.of(c, s), k -> new ArrayList<>()).add(p.slug());
                    }
                }
            }
            for (List<String> bucket : buckets.values()) {
                for (int i = 0; i < bucket.size(); i++) {
                    for (int j = i + 1; j < bucket.size(); j++) {
                        link(weights, bucket.get(i), bucket.get(j), 1);
                    }
                }
            }
        }
        List<Group> out = new ArrayList<>();
        for (List<String> g : cliques(weights, oldestFirst)) {
            Map<String, Integer> termCounts = new HashMap<>();
            for (String a : g) {
                for (String b : g) {
                    edgeTerms.getOrDefault(a + "\n" + b, List.of()).forEach(t -> termCounts.merge(t, 1, Integer::sum));
                }
            }
            out.add(new Group(g, top(termCounts, TERMS, 1)));
        }
        this.groups = List.copyOf(out);
    }

    /**
     * Returns the clusters of a report: each group cut at the end of the scope, kept when at least two incidents
     * remain and one of them is in the scope; most incidents of the scope first.
     */
    List<Cluster> clusters(ReportInput in) {
        List<Cluster> out = new ArrayList<>();
        for (Group g : groups) {
            List<String> members = in.upToEnd(g.slugs());
            int inScope = (int) members.stream().filter(in::inScope).count();
            if (inScope > 0 && members.size() > 1) {
                out.add(new Cluster(members, inScope, shared(members, categories::of), shared(members, Postmortem::services), g.terms()));
            }
        }
        out.sort(Comparator.comparingInt(Cluster::inScope).reversed()
                .thenComparing(Comparator.comparingInt((Cluster c) -> c.slugs().size()).reversed())
                .thenComparing(c -> c.slugs().get(0)));
        return out;
    }

    /** Returns true when the clusters come from text similarity. */
    boolean fromSimilarity() {
        return fromSimilarity;
    }

    private static void link(Map<String, Map<String, Double>> weights, String a, String b, double w) {
        weights.computeIfAbsent(a, k -> new HashMap<>()).merge(b, w, Double::sum);
        weights.computeIfAbsent(b, k -> new HashMap<>()).merge(a, w, Double::sum);
    }

    /**
     * Groups linked incidents by complete linkage: the strongest links are taken first, and two groups join only
     * when every member of one is linked to every member of the other. Each group is then a set of incidents that
     * all resemble each other, and one incident similar to two unrelated ones cannot chain them together.
     */
    private static List<List<String>> cliques(Map<String, Map<String, Double>> weights, List<Postmortem> oldestFirst) {
        record Edge(String a, String b, double w) {
        }
        List<Edge> edges = new ArrayList<>();
        weights.forEach((a, m) -> m.forEach((b, w) -> {
            if (a.compareTo(b) < 0) {
                edges.add(new Edge(a, b, w));
            }
        }));
        edges.sort(Comparator.comparingDouble(Edge::w).reversed().thenComparing(Edge::a).thenComparing(Edge::b));
        Map<String, Set<String>> groupOf = new HashMap<>();
        for (Edge e : edges) {
            Set<String> ga = groupOf.computeIfAbsent(e.a(), k -> new HashSet<>(Set.of(k)));
            Set<String> gb = groupOf.computeIfAbsent(e.b(), k -> new HashSet<>(Set.of(k)));
            if (ga == gb || (long) ga.size() * gb.size() > MAX_CHECKS || !allLinked(weights, ga, gb)) {
                continue;
            }
            ga.addAll(gb);
            gb.forEach(x -> groupOf.put(x, ga));
        }
        List<List<String>> out = new ArrayList<>();
        Set<Set<String>> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        Map<String, Integer> rank = new HashMap<>();
        for (int i = 0; i < oldestFirst.size(); i++) {
            rank.putIfAbsent(oldestFirst.get(i).slug(), i);
        }
        for (Postmortem p : oldestFirst) {
            Set<String> g = groupOf.get(p.slug());
            if (g != null && g.size() > 1 && seen.add(g)) {
                out.add(g.stream().sorted(Comparator.comparingInt((String x) -> rank.get(x))).toList());
            }
        }
        return out;
    }

    private static boolean allLinked(Map<String, Map<String, Double>> weights, Set<String> a, Set<String> b) {
        for (String x : a) {
            Map<String, Double> m = weights.getOrDefault(x, Map.of());
            for (String y : b) {
                if (!m.containsKey(y)) {
                    return false;
                }
            }
        }
        return true;
    }

    private List<String> shared(List<String> slugs, java.util.function.Function<Postmortem, List<String>> values) {
        Map<String, Integer> counts = new HashMap<>();
        for (String s : slugs) {
            new LinkedHashSet<>(values.apply(bySlug.get(s))).forEach(v -> counts.merge(v, 1, Integer::sum));
        }
        return top(counts, Integer.MAX_VALUE, 2);
    }

    /** Returns the keys counted at least min times, most frequent first, ties by name, at most limit of them. */
    private static List<String> top(Map<String, Integer> counts, int limit, int min) {
        return counts.entrySet().stream().filter(e -> e.getValue() >= min)
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(limit).map(Map.Entry::getKey).toList();
    }

    /** Presents clusters as a table. */
    static Table table(ReportInput in, List<Cluster> clusters) {
        List<Column> cols = List.of(Column.number("cluster", "Cluster"), Column.number("inScope", "Incidents in " + in.scope.title()),
                Column.number("size", "Size"), Column.text("causes", "Shared causes"), Column.text("services", "Shared services"),
                Column.text("terms", "Shared terms"), Column.text("incidents", "Incidents (oldest first)"));
        List<List<Cell>> rows = new ArrayList<>();
        int n = 1;
        for (Cluster c : clusters) {
            rows.add(List.of(Cell.integer(n++), Cell.integer(c.inScope()), Cell.integer(c.slugs().size()),
                    Cell.list(c.causes().stream().map(in.links::category).toList()),
                    Cell.list(c.services().stream().map(in.links::service).toList()),
                    Cell.list(c.terms().stream().map(Cell::of).toList()),
                    RecurringCauses.chain(in, c.slugs())));
        }
        return new Table("similar-clusters", "Clusters of similar incidents", "Incidents that resemble each other, whatever their recorded causes.",
                cols, rows, "No clusters.");
    }
}
