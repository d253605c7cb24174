package dev.hindsight.analyze;

import dev.hindsight.model.Postmortem;
import dev.hindsight.model.SiteConfig;

import java.util.List;
import java.util.Optional;

/**
 * What analysis derives from one incident on its own (and the site's service names): its timing, its action items'
 * keys and the service its cause was in. A process keeps them between its builds under the incident's digest (see
 * {@link FactMemo}).
 *
 * @param timing        see {@link Timing#of}
 * @param itemKeys      each action item's key, in the items' order (see {@link ItemKeys})
 * @param causalService see {@link Causality#causalService}
 */
record IncidentFacts(Timing timing, List<String> itemKeys, Optional<String> causalService) {

    IncidentFacts {
        itemKeys = List.copyOf(itemKeys);
    }

    /** Works out an incident's facts. */
    static IncidentFacts of(Postmortem p, SiteConfig config) {
        return new IncidentFacts(Timing.of(p), ItemKeys.of(p.actionItems()), Causality.causalService(p, config));
    }
}
