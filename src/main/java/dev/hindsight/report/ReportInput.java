package dev.hindsight.report;

import dev.hindsight.analyze.Timing;
import dev.hindsight.analyze.Analysis;
import dev.hindsight.index.SearchIndex;
import dev.hindsight.model.Postmortem;
import dev.hindsight.model.Site;
import dev.hindsight.model.Validate;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Everything one report is computed from, with the incidents already split by scope (each list oldest first).
 */
final class ReportInput {
    final Site site;
    final Analysis analysis;
    final SearchIndex index;
    final ReportScope scope;
    final CauseCategories categories;
    final ReportLinks links;
    /** The scope's incidents. */
    final List<Postmortem> inScope;
    /** The previous year's incidents (none for all years). */
    final List<Postmortem> previous;
    /** Every incident up to the end of the scope: what recurrences may reach back to. */
    final List<Postmortem> upToEnd;
    final Map<String, Postmortem> bySlug;
    final LocalDate today;

    /** What every report of the build shares. */
    final SiteFacts shared;

    ReportInput(Site site, Analysis analysis, SearchIndex index, ReportScope scope, SiteFacts shared) {
        this.site = Validate.notNull(site, "site");
        this.analysis = Validate.notNull(analysis, "analysis");
        this.index = Validate.notNull(index, "index");
        this.scope = Validate.notNull(scope, "scope");
        this.shared = Validate.notNull(shared, "shared");
        List<Postmortem> all = shared.oldestFirst;
        this.inScope = all.stream().filter(scope::contains).toList();
        this.previous = all.stream().filter(scope::inPreviousYear).toList();
        this.upToEnd = all.stream().filter(scope::notAfter).toList();
        this.bySlug = shared.bySlug;
        this.categories = shared.categories;
        this.links = shared.links;
        this.today = site.config().today();
    }

    /** Returns an incident's timing, worked out once per build. */
    Timing timing(Postmortem p) {
        Timing t = shared.timings.get(p.slug());
        return t != null ? t : Timing.of(p);
    }

    /** Returns the incidents of a site-wide chain up to the end of the scope, oldest first. */
    List<String> upToEnd(List<String> slugs) {
        return slugs.stream().filter(s -> bySlug.containsKey(s) && scope.notAfter(bySlug.get(s))).toList();
    }

    /** Returns true when the scope has a previous year to compare with. */
    boolean comparesWithPrevious() {
        return scope.previousYear().isPresent();
    }

    /** Returns the label of the previous year, or "". */
    String previousLabel() {
        return scope.previousYear().map(String::valueOf).orElse("");
    }

    /** Returns true when the slug is an incident of the scope. */
    boolean inScope(String slug) {
        Postmortem p = bySlug.get(slug);
        return p != null && scope.contains(p);
    }
}
