package dev.hindsight.render;

import dev.hindsight.analyze.Durations;
import dev.hindsight.analyze.LedgerEntry;
import dev.hindsight.analyze.Taxonomy;
import dev.hindsight.analyze.TermStatus;
import dev.hindsight.model.ActionItem;
import dev.hindsight.model.LabelledLink;
import dev.hindsight.model.Postmortem;
import dev.hindsight.model.SiteConfig;
import dev.hindsight.model.Term;
import dev.hindsight.render.ListViews.TermCount;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Makes the "how is this going?" part of a service, cause or team page from {@link TermStatus}: incidents per year,
 * the top causes (or services), open action items worst first and the median time to resolve; and, for any term
 * site.yml describes, its owning team and its links.
 */
public final class TermPanel {
    /** The fewest years a per-year chart is drawn over; below it the count is said in a sentence. */
    static final int MIN_YEARS = 2;
    /** How many top terms and open items the page lists before "and N more". */
    static final int SHOWN = 5;
    /** For each taxonomy with a panel, the taxonomy its top list counts and how an incident is filed in it. */
    private static final Map<String, Other> OTHER = Map.of(
            "services", new Other("causes", "Top causes", Postmortem::causes),
            "causes", new Other("services", "Top services", Postmortem::services),
            "teams", new Other("services", "Top services", Postmortem::services));

    private record Other(String taxonomy, String title, Function<Postmortem, List<String>> of) {
    }

    private final SiteContext ctx;

    TermPanel(SiteContext ctx) {
        this.ctx = ctx;
    }

    /** Returns whether a taxonomy's term pages have the panel (and so count incidents up to the site's latest year). */
    public static boolean has(String taxonomy) {
        return OTHER.containsKey(taxonomy);
    }

    /** Makes the panel of one term of a taxonomy that has one ({@link #has}). */
    ListViews.Status status(Taxonomy t, String id, List<String> slugs) {
        Other other = OTHER.get(t.name());
        List<Postmortem> incidents = slugs.stream().map(ctx.bySlug::get).filter(java.util.Objects::nonNull).toList();
        TermStatus s = TermStatus.of(incidents, other.of(), ctx.ledgerBySlug, ctx.analysis.timings(), ctx.lastYear);
        int max = s.perYear().stream().mapToInt(TermStatus.YearCount::count).max().orElse(1);
        List<ListViews.YearBar> bars = new ArrayList<>();
        for (TermStatus.YearCount y : s.perYear()) {
            bars.add(new ListViews.YearBar(String.valueOf(y.year()), y.count(),
                    y.count() == 0 ? 0 : Math.max(3, Math.round(100f * y.count() / Math.max(1, max)))));
        }
        boolean drawn = bars.size() >= MIN_YEARS && s.incidents() >= 2;
        String label = "Incidents per year: " + s.perYear().stream().map(y -> y.year() + ": " + y.count())
                .collect(Collectors.joining(", ")) + ".";
        Optional<Taxonomy> tops = ctx.analysis.taxonomy(other.taxonomy());
        List<TermCount> top = new ArrayList<>();
        for (TermStatus.TermCount c : s.top().subList(0, Math.min(SHOWN, s.top().size()))) {
            String termLabel = tops.map(x -> x.label(c.id())).orElse(c.id());
            top.add(new TermCount(ctx.factory.term(other.taxonomy(), c.id(), termLabel), c.count(),
                    Math.max(1, Math.round(100f * c.count() / Math.max(1, s.incidents()))), "", ""));
        }
        List<ListViews.OpenItem> items = s.open().subList(0, Math.min(SHOWN, s.open().size())).stream()
                .map(this::item).toList();
        return new ListViews.Status(s.incidents(), drawn ? bars : List.of(), label, drawn ? "" : yearsSentence(s),
                s.undated(), other.title(), top, Math.max(0, s.top().size() - SHOWN), s.open().size(), s.overdue(),
                items, Math.max(0, s.open().size() - SHOWN), s.medianToResolve().map(Durations::format).orElse(""),
                s.resolveTimes().size());
    }

    /** Says where the incidents fall when there are too few years for a chart. */
    private static String yearsSentence(TermStatus s) {
        List<TermStatus.YearCount> with = s.perYear().stream().filter(y -> y.count() > 0).toList();
        if (with.isEmpty()) {
            return "No incident has a date.";
        }
        int dated = s.incidents() - s.undated();
        if (dated == 1) {
            return "Its one dated incident was in " + with.get(0).year() + ".";
        }
        return "All " + dated + " dated incidents were in " + with.get(0).year() + ".";
    }

    private ListViews.OpenItem item(LedgerEntry e) {
        ActionItem a = e.item();
        LocalDate today = ctx.site.config().today();
        long late = e.overdue() ? ChronoUnit.DAYS.between(a.due().orElse(today), today) : 0;
        return new ListViews.OpenItem(a.title(), a.owner().orElse(""), a.owner().map(this::teamHref).orElse(""), a.due().map(LocalDate::toString).orElse(""),
                a.status().id(), a.status().label(), e.overdue(), late, e.ageDays().orElse(-1),
                ctx.cards.get(e.slug()));
    }

    /** Returns the owning team of a service as site.yml names it, linked when the team has a page. */
    Optional<ListViews.Owner> owner(String taxonomy, String id) {
        if (!taxonomy.equals("services")) {
            return Optional.empty();
        }
        SiteConfig cfg = ctx.site.config();
        return cfg.services().stream().filter(s -> s.id().equals(id)).findFirst().flatMap(Term::team)
                .map(team -> new ListViews.Owner(SiteConfig.label(cfg.teams(), team), teamHref(team)));
    }

    /** Returns the page of a team relative to the site root, or "" when no incident names it (it has no page). */
    private String teamHref(String team) {
        boolean page = ctx.analysis.taxonomy("teams").map(t -> t.terms().containsKey(team)).orElse(false);
        return page ? ctx.slugs.path("teams", team) + "index.html" : "";
    }

    /** Returns the links site.yml gives a term, in their written order. */
    List<ListViews.NamedLink> links(String taxonomy, String id) {
        return ctx.factory.vocabulary(taxonomy).stream().filter(v -> v.id().equals(id)).findFirst()
                .map(Term::links).orElse(List.of()).stream()
                .map((LabelledLink l) -> new ListViews.NamedLink(l.name(), l.url(), l.siteRelative())).toList();
    }
}
