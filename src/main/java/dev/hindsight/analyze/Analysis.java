package dev.hindsight.analyze;

import dev.hindsight.model.Postmortem;
import dev.hindsight.model.SiteConfig;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Facts derived from a site, shared by index, render and report.
 *
 * @param durations   per slug
 * @param taxonomies  the index dimensions, in display order
 * @param backlinks   per slug, the slugs of incidents whose related/recurrence_of names it
 * @param previous    per slug, the incident before it in time
 * @param next        per slug, the incident after it in time
 * @param recurrences recurring causes (cause or cause+service) and declared chains
 * @param ledger      every action item with its incident and SLO facts
 * @param timings     per slug, the time to detect and to resolve as the report and the term pages count them
 * @param causal      per slug, the service the incident's cause was in, or empty ({@link Causality#causalService})
 */
public record Analysis(Map<String, Durations> durations, List<Taxonomy> taxonomies,
                       Map<String, List<String>> backlinks, Map<String, String> previous, Map<String, String> next,
                       List<Recurrence> recurrences, List<LedgerEntry> ledger,
                       Map<String, Timing> timings, Map<String, Optional<String>> causal) {

    public Analysis {
        durations = Map.copyOf(durations);
        taxonomies = List.copyOf(taxonomies);
        backlinks = Map.copyOf(backlinks);
        previous = Map.copyOf(previous);
        next = Map.copyOf(next);
        recurrences = List.copyOf(recurrences);
        ledger = List.copyOf(ledger);
        timings = Map.copyOf(timings);
        causal = Map.copyOf(causal);
    }

    /**
     * Returns the service an incident's cause was in, as worked out once for the analyzed site's incidents; any other
     * incident is worked out when asked, with the site's settings given.
     */
    public java.util.function.Function<Postmortem, Optional<String>> causalService(SiteConfig config) {
        return causalService(causal, config);
    }

    /** Returns the lookup {@link #causalService(SiteConfig)} gives, over causal services worked out by slug. */
    static java.util.function.Function<Postmortem, Optional<String>> causalService(Map<String, Optional<String>> causal,
                                                                                  SiteConfig config) {
        return p -> {
            Optional<String> known = causal.get(p.slug());
            return known != null ? known : Causality.causalService(p, config);
        };
    }

    /** Returns the taxonomy with a URL name. */
    public Optional<Taxonomy> taxonomy(String name) {
        return taxonomies.stream().filter(t -> t.name().equals(name)).findFirst();
    }
}
