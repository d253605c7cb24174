package dev.hindsight.analyze;

import dev.hindsight.model.IncidentDigests;
import dev.hindsight.model.Postmortem;
import dev.hindsight.model.SiteConfig;
import dev.hindsight.model.Validate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

/**
 * The facts of each incident from a process's last analysis, by the incident's digest: the preview's next build
 * works out only those of the incidents that changed. The facts also rest on the site's services (names and
 * labels), its SLOs and teams, and the build's today, so a change to any of those starts afresh. A build of the
 * command line analyzes once and keeps nothing.
 */
public final class FactMemo {
    /** The facts by digest, and what they all rest on besides the incidents: services, today, SLOs and teams. */
    private record Kept(String basis, Map<String, IncidentFacts> byDigest) {
    }

    private final boolean enabled;
    private final AtomicReference<Kept> last = new AtomicReference<>(new Kept("", Map.of()));
    private final FilingMemo filings;

    private FactMemo(boolean enabled) {
        this.enabled = enabled;
        this.filings = new FilingMemo(enabled);
    }

    /** Returns the site-wide results kept beside the facts: those that rest only on how incidents are filed. */
    FilingMemo filings() {
        return filings;
    }

    /** Returns a memo that keeps the facts of the last analysis. */
    public static FactMemo create() {
        return new FactMemo(true);
    }

    /** Returns a memo that keeps nothing. */
    public static FactMemo none() {
        return new FactMemo(false);
    }

    /**
     * Returns each incident's facts, in the list's order, taking those of the last analysis for an incident with the
     * same digest, and keeps these for the next.
     */
    List<IncidentFacts> of(List<Postmortem> all, SiteConfig config, Optional<IncidentDigests> digests) {
        if (!enabled || digests.isEmpty()) {
            // Reading each incident's stated durations scans its whole text: on every core.
            ActionLedger.Terms terms = ActionLedger.Terms.of(config);
            return all.parallelStream().map(p -> IncidentFacts.of(p, config, terms)).toList();
        }
        ActionLedger.Terms terms = ActionLedger.Terms.of(Validate.notNull(config, "config"));
        String basis = config.services() + "\n" + terms.key();
        Kept before = last.get();
        Map<String, IncidentFacts> reuse = before.basis().equals(basis) ? before.byDigest() : Map.of();
        List<String> keys = all.parallelStream().map(digests.get()::of).toList();
        List<IncidentFacts> facts = IntStream.range(0, all.size()).parallel().mapToObj(i -> {
            IncidentFacts kept = reuse.get(keys.get(i));
            return kept != null ? kept : IncidentFacts.of(all.get(i), config, terms);
        }).toList();
        Map<String, IncidentFacts> next = new HashMap<>(all.size() * 2);
        for (int i = 0; i < all.size(); i++) {
            next.put(keys.get(i), facts.get(i));
        }
        last.set(new Kept(basis, next));
        return facts;
    }
}
