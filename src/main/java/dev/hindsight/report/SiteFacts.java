package dev.hindsight.report;

import dev.hindsight.analyze.Analysis;
import dev.hindsight.analyze.Timing;
import dev.hindsight.analyze.FixRecurrence;
import dev.hindsight.analyze.Fixes;
import dev.hindsight.analyze.Recurrence;
import dev.hindsight.analyze.RecurrenceFinder;
import dev.hindsight.index.RecurrenceRule;
import dev.hindsight.index.SearchIndex;
import dev.hindsight.model.Postmortem;
import dev.hindsight.model.Site;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The facts every report of a build shares, worked out once over the whole site: each report then keeps the part
 * up to its end. A chain cut at the end of a year is the chain of the incidents up to then, and a recurrence after a
 * fix only looks back, so slicing gives the same answers as recomputing per year, many times faster on large sites.
 * (One exception, by design: two incidents joined into a declared chain only through a later incident stay joined.)
 */
final class SiteFacts {
    /** Every incident, oldest first. */
    final List<Postmortem> oldestFirst;
    final Map<String, Postmortem> bySlug;
    final CauseCategories categories;
    final Map<String, Timing> timings;
    /** Chains by cause category, by category and service, and declared ones. */
    final List<Recurrence> recurrences;
    /** Recurrences after a fix, later incident oldest first. */
    final List<FixRecurrence> fixes;
    /** Slugs of the incidents that repeat an earlier one (declared, or the same causes on a shared service). */
    final java.util.Set<String> repeats;
    final SimilarClusters clusters;
    /** The cells that link to incidents and terms, each incident's made once for every report. */
    final ReportLinks links;

    SiteFacts(Site site, SearchIndex index, Analysis analysis) {
        this.oldestFirst = site.postmortems().stream().sorted(Postmortem.OLDEST_FIRST).toList();
        Map<String, Postmortem> by = new HashMap<>();
        oldestFirst.forEach(p -> by.putIfAbsent(p.slug(), p));
        this.bySlug = by;
        this.categories = new CauseCategories(site);
        this.timings = analysis.timings();
        this.recurrences = new RecurrenceFinder().find(site, categories::of,
                analysis.causalService(site.config()));
        List<FixRecurrence> fixed = new java.util.ArrayList<>();
        java.util.Set<String> repeat = new java.util.TreeSet<>();
        for (RecurrenceRule.Match m : new RecurrenceRule().find(site, index.similar(),
                analysis.causalService(site.config()))) {
            repeat.add(m.later());
            Postmortem later = by.get(m.later());
            Fixes.fixedBefore(by.get(m.earlier()), Fixes.startDay(later)).ifPresent(day -> fixed.add(new FixRecurrence(
                    m.later(), m.earlier(), m.causes(), m.service().stream().toList(), day, m.declared(), m.why())));
        }
        this.fixes = List.copyOf(fixed);
        this.repeats = java.util.Set.copyOf(repeat);
        this.clusters = new SimilarClusters(oldestFirst, categories, index);
        this.links = new ReportLinks(by, analysis, site.config(), categories);
    }
}
