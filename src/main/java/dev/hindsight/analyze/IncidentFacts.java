package dev.hindsight.analyze;

import dev.hindsight.model.Postmortem;
import dev.hindsight.model.SiteConfig;

import java.util.List;
import java.util.Optional;

/**
 * What analysis derives from one incident on its own (and the site's service names, SLOs, teams and today): its
 * timing, its action items' ledger entries, and the service its cause was in. A process keeps them between
 * its builds under the incident's digest (see {@link FactMemo}).
 *
 * @param timing        see {@link Timing#of}
 * @param causalService see {@link Causality#causalService}
 * @param ledger        its action items' entries in the ledger, with their keys (see {@link ActionLedger}, {@link ItemKeys})
 */
record IncidentFacts(Timing timing, Optional<String> causalService, List<LedgerEntry> ledger) {

    IncidentFacts {
        ledger = List.copyOf(ledger);
    }

    /** Works out an incident's facts. */
    static IncidentFacts of(Postmortem p, SiteConfig config, ActionLedger.Terms terms) {
        List<String> keys = ItemKeys.of(p.actionItems());
        return new IncidentFacts(Timing.of(p), Causality.causalService(p, config), ActionLedger.entries(p, keys, terms));
    }
}
