package dev.hindsight.analyze;

import dev.hindsight.model.IncidentDigests;
import dev.hindsight.model.Postmortem;
import dev.hindsight.model.Site;
import dev.hindsight.model.SiteConfig;
import dev.hindsight.model.Term;
import dev.hindsight.model.Validate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Derives durations, timings, taxonomies, links and the action-item ledger from a loaded site.
 */
public final class Analyzer {
    private final FactMemo memo;
    private final Optional<IncidentDigests> digests;

    /** Creates an analyzer that works out every incident's facts. */
    public Analyzer() {
        this.memo = FactMemo.none();
        this.digests = Optional.empty();
    }

    /**
     * Creates an analyzer that takes the facts of an incident unchanged since the memo's last analysis from it, by
     * the incident's digest, and keeps this analysis's facts in it.
     */
    public Analyzer(FactMemo memo, IncidentDigests digests) {
        this.memo = Validate.notNull(memo, "memo");
        this.digests = Optional.of(Validate.notNull(digests, "digests"));
    }

    /** Analyzes a site; the site's incidents are expected newest first. */
    public Analysis analyze(Site site) {
        List<Postmortem> all = site.postmortems();
        Map<String, Durations> durations = new HashMap<>();
        Map<String, Timing> timings = new HashMap<>();
        Map<String, Optional<String>> causal = new HashMap<>();
        List<LedgerEntry> ledger = new ArrayList<>();
        List<IncidentFacts> facts = memo.of(all, site.config(), digests);
        for (int i = 0; i < all.size(); i++) {
            Postmortem p = all.get(i);
            durations.put(p.slug(), new Durations(p.times().timeToDetect(), p.times().timeToMitigate(),
                    p.times().timeToResolve()));
            timings.put(p.slug(), facts.get(i).timing());
            causal.put(p.slug(), facts.get(i).causalService());
            ledger.addAll(facts.get(i).ledger());
        }
        Function<Postmortem, Optional<String>> causalService = Analysis.causalService(causal, site.config());
        FilingMemo.Results filed = memo.filings().of(site.config(), all,
                facts.stream().map(IncidentFacts::causalService).toList(),
                () -> new FilingMemo.Results(new RecurrenceFinder().find(site, Postmortem::causes, causalService),
                        taxonomies(site)));
        return new Analysis(durations, filed.taxonomies(), backlinks(site), neighbours(all, 1), neighbours(all, -1),
                filed.recurrences(), ledger, timings, causal);
    }

    private static List<Taxonomy> taxonomies(Site site) {
        SiteConfig cfg = site.config();
        List<Dimension> dims = List.of(
                new Dimension("severities", "Severities", p -> p.severity().stream().toList(),
                        vocabularyOrder(cfg.severities()), labels(cfg.severities())),
                new Dimension("causes", "Causes", Postmortem::causes, null, labels(cfg.causes())),
                new Dimension("services", "Services", Postmortem::services, null, labels(cfg.services())),
                new Dimension("teams", "Teams", Postmortem::teams, null, labels(cfg.teams())),
                new Dimension("tags", "Tags", Postmortem::tags, null, Map.of()),
                new Dimension("years", "Years", p -> List.of(p.yearTerm()),
                        Comparator.comparing((String y) -> y.equals(Postmortem.UNDATED)).thenComparing(Comparator.reverseOrder()),
                        Map.of(Postmortem.UNDATED, Postmortem.UNDATED_LABEL)));
        // One pass over the incidents for every dimension: at 10,000 incidents, six passes spent their time reaching
        // each incident again.
        for (Postmortem p : site.postmortems()) {
            for (Dimension d : dims) {
                d.add(p);
            }
        }
        return dims.stream().map(Dimension::taxonomy).toList();
    }

    /**
     * One taxonomy being gathered; a null order sorts terms by count (descending) then name. Every order is total,
     * so the terms are gathered in no particular order.
     */
    private record Dimension(String name, String title, Function<Postmortem, List<String>> values,
                             Comparator<String> order, Map<String, String> labels, Map<String, List<String>> byTerm) {
        Dimension(String name, String title, Function<Postmortem, List<String>> values, Comparator<String> order,
                  Map<String, String> labels) {
            this(name, title, values, order, labels, new HashMap<>());
        }

        void add(Postmortem p) {
            List<String> terms = values.apply(p);
            for (int i = 0; i < terms.size(); i++) {
                // Each incident once per term (its terms are a few: no set is needed to drop a repeat).
                if (terms.indexOf(terms.get(i)) == i) {
                    byTerm.computeIfAbsent(terms.get(i), k -> new ArrayList<>()).add(p.slug());
                }
            }
        }

        Taxonomy taxonomy() {
            Comparator<String> cmp = order != null ? order
                    : Comparator.<String>comparingInt(t -> -byTerm.get(t).size()).thenComparing(Comparator.naturalOrder());
            Map<String, List<String>> sorted = new LinkedHashMap<>();
            byTerm.keySet().stream().sorted(cmp).forEach(k -> sorted.put(k, List.copyOf(byTerm.get(k))));
            return new Taxonomy(name, title, sorted, labels);
        }
    }

    private static Comparator<String> vocabularyOrder(List<Term> vocabulary) {
        List<String> ids = vocabulary.stream().map(Term::id).toList();
        return Comparator.<String>comparingInt(id -> ids.indexOf(id) < 0 ? Integer.MAX_VALUE : ids.indexOf(id))
                .thenComparing(Comparator.naturalOrder());
    }

    private static Map<String, String> labels(List<Term> vocabulary) {
        Map<String, String> m = new HashMap<>();
        vocabulary.forEach(t -> m.put(t.id(), t.label()));
        return m;
    }

    private static Map<String, List<String>> backlinks(Site site) {
        Map<String, TreeSet<String>> back = new TreeMap<>();
        for (Postmortem p : site.postmortems()) {
            List<String> targets = new ArrayList<>(p.related());
            targets.addAll(p.recurrenceOf());
            for (String t : targets) {
                if (!t.equals(p.slug())) {
                    back.computeIfAbsent(t, k -> new TreeSet<>()).add(p.slug());
                }
            }
        }
        Map<String, List<String>> out = new HashMap<>();
        back.forEach((k, v) -> out.put(k, List.copyOf(v)));
        return out;
    }

    /** With step 1 maps each incident to the older one after it in the newest-first list; -1 to the newer one. */
    private static Map<String, String> neighbours(List<Postmortem> newestFirst, int step) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < newestFirst.size(); i++) {
            int j = i + step;
            if (j >= 0 && j < newestFirst.size()) {
                m.put(newestFirst.get(i).slug(), newestFirst.get(j).slug());
            }
        }
        return m;
    }
}
