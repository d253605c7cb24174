package dev.hindsight.report;

import dev.hindsight.analyze.Analysis;
import dev.hindsight.index.SearchIndex;
import dev.hindsight.model.Postmortem;
import dev.hindsight.model.Site;
import dev.hindsight.model.Validate;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Computes the report of a scope from the analyzed site: the nine sections, in order.
 */
public final class ReportFactory {
    private final Site site;
    private final Analysis analysis;
    private final SearchIndex index;
    private final SiteFacts shared;
    private final Map<ReportScope, ReportFacts> computed = new ConcurrentHashMap<>();

    /** Creates a factory for one analyzed and indexed site. */
    public ReportFactory(Site site, Analysis analysis, SearchIndex index) {
        this.site = Validate.notNull(site, "site");
        this.analysis = Validate.notNull(analysis, "analysis");
        this.index = Validate.notNull(index, "index");
        this.shared = new SiteFacts(site, index, analysis);
    }

    /** Returns the years that have incidents, newest first. */
    public List<Integer> years() {
        TreeSet<Integer> years = new TreeSet<>();
        site.postmortems().forEach(p -> p.year().ifPresent(years::add));
        return List.copyOf(years.descendingSet());
    }

    /** Builds the report of a scope. */
    public Report report(ReportScope scope) {
        return report(facts(scope));
    }

    /** Presents computed numbers as the report, with the summary that opens it. */
    Report report(ReportFacts f) {
        ReportInput in = f.input();
        List<Section> sections = List.of(
                AtAGlance.section(in, f.glance()),
                CausesOverTime.section(in, f.causes()),
                RecurringCauses.section(in, f.recurring()),
                RecurredAfterFix.section(in, f.afterFix()),
                FollowThroughSection.of(in, f.followThrough()),
                Detection.section(in, f.detection()),
                DurationsSection.of(in, f.durations()),
                LessonsCollected.section(in, f.lessons()),
                DebtSection.of(in, f.debt()));
        Optional<ReportFacts> previous = in.scope.previousYear().map(y -> facts(ReportScope.of(y)));
        return new Report(site.config().title(), site.config().baseUrl(), in.scope, site.config().today(), in.inScope.size(),
                SummaryBuilder.of(f, previous, sections), sections);
    }

    /**
     * Computes the typed numbers behind a scope's report (what the tests check figure by figure), once per scope: a
     * year's report reads the previous year's too, for its summary.
     */
    ReportFacts facts(ReportScope scope) {
        return computed.computeIfAbsent(Validate.notNull(scope, "scope"), s -> {
            ReportInput in = new ReportInput(site, analysis, index, s, shared);
            return new ReportFacts(in, AtAGlance.facts(in), CausesOverTime.facts(in), RecurringCauses.facts(in),
                    RecurredAfterFix.facts(in), FollowThrough.facts(in), Detection.facts(in), IncidentDurations.facts(in),
                    LessonsCollected.facts(in), PostmortemDebt.facts(in));
        });
    }

    /** Returns the site's page language. */
    public String language() {
        return site.config().language();
    }

    /** Returns the number of incidents in a scope. */
    public int incidents(ReportScope scope) {
        return (int) site.postmortems().stream().filter(scope::contains).count();
    }

    /** Returns true when the site has an incident in the year. */
    public boolean hasYear(int year) {
        return site.postmortems().stream().anyMatch(p -> p.year().equals(Optional.of(year)));
    }
}
