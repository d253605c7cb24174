package dev.hindsight.report;

import dev.hindsight.model.SiteConfig;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * Builds a report's {@link Summary} from the facts its sections compute (and those of the previous year's report),
 * never counting anything again: the same numbers, read from the same records.
 */
final class SummaryBuilder {
    /** How many recurring themes the summary names. */
    static final int THEMES = 3;

    private SummaryBuilder() {
    }

    /** Returns the summary of a report from its facts, the previous year's facts, and its presented sections. */
    static Summary of(ReportFacts f, Optional<ReportFacts> previous, List<Section> sections) {
        ReportInput in = f.input();
        String prev = in.previousLabel();
        List<Summary.Headline> numbers = List.of(
                count("incidents", "Incidents", f, previous, x -> x.glance().incidents(), "glance"),
                count("nearMisses", "Near misses", f, previous, x -> x.glance().nearMisses(), "glance"),
                new Summary.Headline("ttrMedian", "Median time to resolve", ttr(f), previous.map(p -> prev + ": " + ttr(p)).orElse(""),
                        "", "durations"),
                new Summary.Headline("foundByCustomers", "Found by customers", customers(f),
                        previous.map(p -> prev + ": " + customers(p)).orElse(""),
                        f.detection().customer() + " of " + ReportFormat.plural(f.detection().known(), "incident", "incidents"),
                        "detection"),
                new Summary.Headline("closedOnTime", "Action items closed on time", onTime(f),
                        previous.map(p -> prev + ": " + onTime(p)).orElse(""),
                        FollowThroughSection.onTime(f.followThrough()) + "; " + f.followThrough().total() + " items in all",
                        "t-action-items-slo"),
                count("overdue", "Overdue action items", f, previous, x -> x.followThrough().overdue(), "t-open-action-items"),
                count("recurredAfterFix", "Recurred after a fix", f, previous, x -> x.afterFix().afterFix(), "after-fix"));
        List<Summary.Shortlist> lists = List.of(themes(in, f.recurring()), owners(in, f.followThrough()), afterFix(sections));
        return new Summary(numbers, lists);
    }

    private static Summary.Headline count(String key, String label, ReportFacts f, Optional<ReportFacts> previous,
                                          Function<ReportFacts, Integer> value, String anchor) {
        int now = value.apply(f);
        OptionalInt before = previous.map(p -> OptionalInt.of(value.apply(p))).orElse(OptionalInt.empty());
        return new Summary.Headline(key, label, String.valueOf(now), AtAGlance.versus(f.input().previousLabel(), now, before), "", anchor);
    }

    private static String ttr(ReportFacts f) {
        List<IncidentDurations.Group> groups = f.durations().bySeverity();
        Optional<Duration> median = groups.get(groups.size() - 1).ttrMedian();
        return median.map(ReportFormat::duration).orElse("n/a");
    }

    private static String customers(ReportFacts f) {
        return ReportFormat.percent(f.detection().customer(), f.detection().known());
    }

    private static String onTime(ReportFacts f) {
        return ReportFormat.percent(f.followThrough().sloMet(), f.followThrough().sloDecided());
    }

    /** The clusters of similar incidents with the most incidents of the scope, each with its incidents, newest first. */
    private static Summary.Shortlist themes(ReportInput in, RecurringCauses.Facts f) {
        List<Summary.Entry> entries = new ArrayList<>();
        for (SimilarClusters.Cluster c : f.clusters()) {
            // Named by what most of its incidents share: a cause category (else its words) and a service.
            String name = (c.causes().isEmpty() ? String.join(", ", c.terms().stream().limit(2).toList())
                    : in.categories.label(c.causes().get(0)))
                    + (c.services().isEmpty() ? "" : " on " + SiteConfig.label(in.site.config().services(), c.services().get(0)));
            // The scope's incidents by title (for all years, the newest), the earlier ones by date; newest first.
            List<Cell> titled = new ArrayList<>();
            List<Cell> earlier = new ArrayList<>();
            for (int i = c.slugs().size() - 1; i >= 0; i--) {
                String slug = c.slugs().get(i);
                boolean inScope = in.scope.year().isPresent() && in.inScope(slug);
                Cell incident = in.links.incident(slug);
                if (inScope || titled.isEmpty()) {
                    titled.add(incident.withStrong(inScope));
                } else {
                    earlier.add(Cell.link(incident.detail().isEmpty() ? incident.text() : incident.detail(), slug, incident.href()));
                }
            }
            List<Summary.Line> lines = new ArrayList<>(List.of(new Summary.Line("", titled)));
            if (!earlier.isEmpty()) {
                lines.add(new Summary.Line(in.scope.year().isPresent() ? "earlier:" : "also:", earlier));
            }
            entries.add(new Summary.Entry(Cell.of(name.isBlank() ? "Similar incidents" : name), "", lines));
        }
        return new Summary.Shortlist("themes", "Recurring themes", "t-similar-clusters", THEMES, entries,
                "No incidents of " + in.scope.title() + " resemble each other.");
    }

    /** The owners with overdue items, most overdue first, each with the item overdue longest. */
    private static Summary.Shortlist owners(ReportInput in, FollowThrough.Facts f) {
        List<Summary.Entry> entries = new ArrayList<>();
        for (FollowThrough.OpenGroup g : f.byOwner()) {
            if (g.overdue() == 0) {
                continue;
            }
            Optional<FollowThrough.OpenItem> worst = f.openItems().stream()
                    .filter(o -> o.item().owner().orElse("").equals(g.id()) && o.overdueDays().isPresent()).findFirst();
            String note = g.overdue() + " overdue" + worst.map(o -> ", up to " + ReportFormat.plural(o.overdueDays().getAsLong(),
                    "day", "days") + " late:").orElse("");
            List<Summary.Line> lines = worst.map(o -> List.of(new Summary.Line("", List.of(Cell.link(o.item().title(), o.slug(),
                    in.links.incident(o.slug()).href()))))).orElse(List.of());
            entries.add(new Summary.Entry(g.id().isEmpty() ? Cell.empty("no owner") : Cell.of(g.id()), note, lines));
        }
        return new Summary.Shortlist("overdue-owners", "Overdue follow-ups by owner", "t-open-by-owner", Summary.SHOWN, entries,
                "No action item is overdue.");
    }

    /** One line per row of section 4's table, so the summary follows whatever rule that section uses. */
    private static Summary.Shortlist afterFix(List<Section> sections) {
        Table t = sections.stream().flatMap(s -> s.table("recurred-after-fix").stream()).findFirst().orElseThrow();
        List<Summary.Entry> entries = new ArrayList<>();
        int incident = t.column("incident");
        int earlier = t.column("earlier");
        int days = t.column("daysAfterFix");
        for (List<Cell> row : t.rows()) {
            entries.add(new Summary.Entry(row.get(incident), "", List.of(new Summary.Line(ReportFormat.plural(
                    (long) row.get(days).number(), "day", "days") + " after the fix of", List.of(row.get(earlier))))));
        }
        return new Summary.Shortlist("after-fix", "Came back after a fix", "t-" + t.id(), Summary.SHOWN, entries, t.empty());
    }
}
