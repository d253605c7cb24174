package dev.hindsight.analyze;

import dev.hindsight.model.Postmortem;
import dev.hindsight.model.Site;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finds causes that came back: by cause, by cause and service, and chains declared with recurrence_of.
 */
public final class RecurrenceFinder {

    /** Returns the recurrences of a site, each chain oldest first, in a stable order. */
    public List<Recurrence> find(Site site) {
        List<Postmortem> oldestFirst = site.postmortems().stream()
                .sorted(Comparator.comparing(Postmortem::date).thenComparing(Postmortem::slug)).toList();
        Map<String, List<String>> byCause = new TreeMap<>();
        Map<String, List<String>> byCauseService = new TreeMap<>();
        for (Postmortem p : oldestFirst) {
            for (String c : p.causes()) {
                byCause.computeIfAbsent(c, k -> new ArrayList<>()).add(p.slug());
                for (String s : p.services()) {
                    byCauseService.computeIfAbsent(c + "\u0000" + s, k -> new ArrayList<>()).add(p.slug());
                }
            }
        }
        List<Recurrence> out = new ArrayList<>();
        byCauseService.forEach((k, v) -> {
            if (v.size() > 1) {
                String[] parts = k.split("\u0000", 2);
                out.add(new Recurrence(Recurrence.Kind.CAUSE_AND_SERVICE, parts[0], parts[1], v));
            }
        });
        byCause.forEach((k, v) -> {
            if (v.size() > 1) {
                out.add(new Recurrence(Recurrence.Kind.CAUSE, k, "", v));
            }
        });
        out.addAll(declaredChains(site, oldestFirst));
        return out;
    }

    private static List<Recurrence> declaredChains(Site site, List<Postmortem> oldestFirst) {
        // Union the recurrence_of links into connected chains.
        Map<String, String> parent = new TreeMap<>();
        for (Postmortem p : oldestFirst) {
            for (String earlier : p.recurrenceOf()) {
                if (site.postmortem(earlier).isPresent()) {
                    union(parent, p.slug(), earlier);
                }
            }
        }
        Map<String, List<String>> groups = new TreeMap<>();
        for (Postmortem p : oldestFirst) {
            if (parent.containsKey(p.slug())) {
                groups.computeIfAbsent(root(parent, p.slug()), k -> new ArrayList<>()).add(p.slug());
            }
        }
        List<Recurrence> out = new ArrayList<>();
        for (List<String> chain : groups.values()) {
            String cause = site.postmortem(chain.get(0)).map(p -> p.causes().isEmpty() ? "" : p.causes().get(0)).orElse("");
            out.add(new Recurrence(Recurrence.Kind.DECLARED, cause, "", chain));
        }
        return out;
    }

    private static void union(Map<String, String> parent, String a, String b) {
        parent.putIfAbsent(a, a);
        parent.putIfAbsent(b, b);
        String ra = root(parent, a);
        String rb = root(parent, b);
        if (!ra.equals(rb)) {
            parent.put(ra.compareTo(rb) < 0 ? rb : ra, ra.compareTo(rb) < 0 ? ra : rb);
        }
    }

    private static String root(Map<String, String> parent, String x) {
        String r = x;
        while (!parent.get(r).equals(r)) {
            r = parent.get(r);
        }
        return r;
    }
}
