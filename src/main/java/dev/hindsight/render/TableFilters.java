package dev.hindsight.render;

import dev.hindsight.model.Postmortem;
import dev.hindsight.model.Status;
import dev.hindsight.render.ListViews.FilterOption;
import dev.hindsight.render.ListViews.SelectFilter;
import dev.hindsight.render.ListViews.TermCount;
import dev.hindsight.render.ListViews.ToggleFilter;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The filters of the all-incidents table: one drop-down per taxonomy people narrow it by (severity, service, cause,
 * team, tag, year), one for the review status, and check boxes for near misses and incidents with overdue action items.
 * Each names the data attribute of the rows it reads (themes/default/partials/components.ftlh writes them) and the
 * URL query parameter that keeps it (assets/js/table.js).
 */
final class TableFilters {
    private final SiteContext ctx;
    private final ListPages lists;

    TableFilters(SiteContext ctx, ListPages lists) {
        this.ctx = ctx;
        this.lists = lists;
    }

    /** A taxonomy the table can be narrowed by: its name (the URL parameter), its label and the rows' attribute. */
    private record Dimension(String name, String label, String attr) {
    }

    private static final List<Dimension> DIMENSIONS = List.of(new Dimension("severities", "Severity", "severity"),
            new Dimension("services", "Service", "services"), new Dimension("causes", "Cause", "causes"),
            new Dimension("teams", "Team", "teams"), new Dimension("tags", "Tag", "tags"),
            new Dimension("years", "Year", "year"));

    /**
     * Returns the site path of the all-incidents table narrowed to one term, when the table has a filter for its
     * taxonomy: the filter keeps its value in the URL query (table.js), so the link opens the table filtered.
     */
    static Optional<String> filtered(String taxonomy, String id) {
        return DIMENSIONS.stream().filter(d -> d.name().equals(taxonomy)).findFirst()
                .map(d -> ListPages.INCIDENTS + "?" + d.name() + "=" + URLEncoder.encode(id, StandardCharsets.UTF_8));
    }

    /** Returns the drop-down filters, in the order the form shows them. */
    List<SelectFilter> selects() {
        List<SelectFilter> out = new ArrayList<>();
        DIMENSIONS.forEach(d -> out.add(taxonomy(d.name(), d.label(), d.attr())));
        // Rows leave data-status out when published, by far the most common status, to keep the page small.
        out.add(new SelectFilter("review", "Review status", "status", Status.PUBLISHED.id(), statuses()));
        return out;
    }

    /** Returns the check-box filters. */
    List<ToggleFilter> toggles() {
        int near = (int) ctx.site.postmortems().stream().filter(Postmortem::nearMiss).count();
        int overdue = (int) ctx.newestFirst().stream().filter(c -> c.overdueItems() > 0).count();
        return List.of(new ToggleFilter("near-miss", "Near misses only", "near-miss", near),
                new ToggleFilter("overdue", "Has overdue action items", "overdue", overdue));
    }

    /** A taxonomy's terms with their counts, in the order of its index page; the URL parameter is its name. */
    private SelectFilter taxonomy(String name, String label, String attr) {
        List<FilterOption> options = new ArrayList<>();
        for (TermCount t : ctx.analysis.taxonomy(name).map(tx -> lists.counts(tx, Integer.MAX_VALUE)).orElse(List.of())) {
            String id = t.term().id();
            String text = name.equals("severities") && !t.term().label().equals(id) ? id + " · " + t.term().label()
                    : t.term().label();
            options.add(new FilterOption(id, text, t.count()));
        }
        return new SelectFilter(name, label, attr, "", options);
    }

    /** The review statuses the site's incidents have, published first. */
    private List<FilterOption> statuses() {
        Map<Status, Integer> counts = new EnumMap<>(Status.class);
        ctx.site.postmortems().forEach(p -> counts.merge(p.status(), 1, Integer::sum));
        List<FilterOption> out = new ArrayList<>();
        for (Status s : List.of(Status.PUBLISHED, Status.IN_REVIEW, Status.DRAFT)) {
            if (counts.containsKey(s)) {
                out.add(new FilterOption(s.id(), CardFactory.statusLabel(s), counts.get(s)));
            }
        }
        return out;
    }
}
