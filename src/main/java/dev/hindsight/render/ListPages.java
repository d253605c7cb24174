package dev.hindsight.render;

import dev.hindsight.analyze.LedgerEntry;
import dev.hindsight.analyze.Taxonomy;
import dev.hindsight.model.Page;
import dev.hindsight.model.Postmortem;
import dev.hindsight.model.Problem;
import dev.hindsight.render.ListViews.IndexLink;
import dev.hindsight.render.ListViews.Stats;
import dev.hindsight.render.ListViews.TermCount;
import dev.hindsight.render.ListViews.YearGroup;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Makes every page that lists incidents: home, all incidents, the taxonomy indexes and their term pages,
 * history, search and 404, each from its template and model alone (so a model equal to the last one means the
 * same page); and the jobs of the content pages.
 */
final class ListPages {
    private static final int RECENT = 8;
    private static final int TOP_CAUSES = 8;
    /** The site path of the all-incidents table. */
    static final String INCIDENTS = "incidents/index.html";
    /**
     * The incidents a term page lists, newest first; a term with more links the rest in the all-incidents table,
     * narrowed to it. A term page is an overview of one service, cause or team (its chart, top terms and open items
     * cover every incident); listing every incident on it too repeated most of the incident list on each of its
     * terms' pages (34 MB of 359 MB at 10,000 incidents, a 1.6 MB page for the commonest severity). A year's page
     * keeps every incident: the years are the archive, where each incident is listed once.
     */
    static final int TERM_ROWS = 50;
    /** The page of every action item; term pages link it ("All open items") when the site has it. */

    private final SiteContext ctx;
    private final SiteRenderer renderer;

    ListPages(SiteContext ctx, SiteRenderer renderer) {
        this.ctx = ctx;
        this.renderer = renderer;
    }

    /**
     * A page made from its template and model alone. The model is made when asked for, so a partial render (the
     * preview's) skips the work of other pages.
     *
     * @param template the theme template
     * @param outPath  the site path written
     * @param model    makes the page's own model entries (the renderer adds the common ones)
     */
    record ListPage(String template, String outPath, Supplier<Map<String, Object>> model) {
    }

    /** Returns the pages made from a model alone (all but the content pages), in a fixed order. */
    List<ListPage> pages() {
        List<ListPage> pages = new ArrayList<>();
        pages.add(new ListPage("index.ftlh", "index.html", this::home));
        pages.add(new ListPage("incidents.ftlh", INCIDENTS, this::all));
        pages.add(new ListPage("history.ftlh", "history/index.html", this::history));
        pages.add(new ListPage("search.ftlh", "search/index.html", () -> Map.of("incidentsList", ctx.newestFirst())));
        pages.add(new ListPage("404.ftlh", "404.html", Map::of));
        pages.add(new ListPage(ActionItemsPage.TEMPLATE, ActionItemsPage.PAGE, () -> new ActionItemsPage(ctx).model()));
        for (Taxonomy t : ctx.analysis.taxonomies()) {
            pages.add(new ListPage("taxonomy.ftlh", t.name() + "/index.html", () -> taxonomy(t)));
            for (var e : t.terms().entrySet()) {
                String out = ctx.slugs.path(t.name(), e.getKey()) + "index.html";
                pages.add(new ListPage("term.ftlh", out, () -> term(t, e.getKey(), e.getValue())));
            }
        }
        return pages;
    }

    /** Returns the jobs of the content pages, in navigation order. */
    List<PageJob> contentJobs() {
        List<PageJob> jobs = new ArrayList<>();
        for (Page p : ctx.pages) {
            jobs.add(new PageJob(p.slug() + "/index.html", out -> contentPage(p, out)));
        }
        return jobs;
    }

    private List<Problem> contentPage(Page p, dev.hindsight.model.SiteWriter out) {
        String outPath = p.slug() + "/index.html";
        List<Problem> problems = new ArrayList<>();
        PageResources res = new PageResources(ctx.contentDir, p.source(), List.of(), p.slug() + "/", out);
        RenderedBody body = BodyRewriter.rewrite(p.bodyHtml(), p.title(), List.of(),
                IncidentPage.context(ctx, p.source(), RelativeLinks.root(outPath), res));
        problems.addAll(res.problems());
        Map<String, Object> m = new HashMap<>();
        m.put("page", p);
        m.put("body", body.html());
        m.put("toc", body.toc());
        problems.addAll(renderer.page("page.ftlh", m, outPath, out));
        return problems;
    }

    private Map<String, Object> home() {
        Map<String, Object> m = new HashMap<>();
        List<IncidentCard> newest = ctx.newestFirst();
        m.put("recent", newest.subList(0, Math.min(RECENT, newest.size())));
        m.put("severityCounts", ctx.analysis.taxonomy("severities").map(t -> counts(t, Integer.MAX_VALUE)).orElse(List.of()));
        m.put("causeCounts", ctx.analysis.taxonomy("causes").map(t -> counts(t, TOP_CAUSES)).orElse(List.of()));
        m.put("causeTotal", ctx.analysis.taxonomy("causes").map(t -> t.terms().size()).orElse(0));
        m.put("indexes", indexes());
        m.put("essentials", essentials());
        ctx.pages.stream().filter(p -> p.slug().equals("start-here")).findFirst()
                .or(() -> ctx.pages.stream().findFirst()).ifPresent(p -> m.put("startHere", p));
        m.put("stats", stats());
        return m;
    }

    private Stats stats() {
        List<Postmortem> all = ctx.site.postmortems();
        int first = all.stream().flatMap(p -> p.year().stream()).mapToInt(Integer::intValue).min().orElse(0);
        int last = ctx.lastYear;
        int near = (int) all.stream().filter(Postmortem::nearMiss).count();
        int open = (int) ctx.analysis.ledger().stream().filter(e -> e.item().status().isOpen()).count();
        int overdue = (int) ctx.analysis.ledger().stream().filter(LedgerEntry::overdue).count();
        return new Stats(all.size(), first, last, near, open, overdue);
    }

    private List<IndexLink> indexes() {
        return ctx.analysis.taxonomies().stream()
                .map(t -> new IndexLink(t.name(), t.title(), t.name() + "/", t.terms().size())).toList();
    }

    private List<IncidentCard> essentials() {
        List<IncidentCard> out = new ArrayList<>(ctx.newestFirst().stream().filter(IncidentCard::essential).toList());
        out.sort(IncidentCard.OLDEST_FIRST);
        return out;
    }

    private Map<String, Object> all() {
        Map<String, Object> m = new HashMap<>();
        m.put("incidentsList", ctx.newestFirst());
        TableFilters filters = new TableFilters(ctx, this);
        m.put("selects", filters.selects());
        m.put("toggles", filters.toggles());
        m.put("indexes", indexes());
        return m;
    }

    private Map<String, Object> history() {
        Map<String, List<IncidentCard>> byYear = new LinkedHashMap<>();
        List<IncidentCard> oldestFirst = new ArrayList<>(ctx.newestFirst());
        oldestFirst.sort(IncidentCard.OLDEST_FIRST);
        for (IncidentCard c : oldestFirst) {
            byYear.computeIfAbsent(c.year(), k -> new ArrayList<>()).add(c);
        }
        List<YearGroup> years = new ArrayList<>();
        byYear.forEach((y, list) -> years.add(new YearGroup(y, list.get(0).yearLabel(), list,
                (int) list.stream().filter(IncidentCard::essential).count())));
        Map<String, Object> m = new HashMap<>();
        m.put("years", years);
        m.put("essentials", essentials());
        return m;
    }

    private Map<String, Object> taxonomy(Taxonomy t) {
        Map<String, Object> m = new HashMap<>();
        m.put("taxonomy", new IndexLink(t.name(), t.title(), t.name() + "/", t.terms().size()));
        m.put("terms", counts(t, Integer.MAX_VALUE));
        m.put("indexes", indexes());
        return m;
    }

    private Map<String, Object> term(Taxonomy t, String id, List<String> slugs) {
        Map<String, Object> m = new HashMap<>();
        m.put("taxonomy", new IndexLink(t.name(), t.title(), t.name() + "/", t.terms().size()));
        TermLink link = ctx.factory.term(t.name(), id, t.label(id));
        m.put("term", link);
        m.put("description", CardFactory.descriptions(ctx.factory.vocabulary(t.name())).getOrDefault(id, ""));
        List<IncidentCard> cards = ctx.cards(slugs);
        m.put("incidentsCount", cards.size());
        Optional<String> filtered = TableFilters.filtered(t.name(), id);
        if (cards.size() > TERM_ROWS && filtered.isPresent() && !t.name().equals("years")) {
            m.put("incidentsList", cards.subList(0, TERM_ROWS));
            m.put("allIncidents", filtered.get());
        } else {
            m.put("incidentsList", cards);
        }
        if (t.name().equals("services")) {
            m.put("termFeed", link.path() + "feed.xml");
        }
        TermPanel panel = new TermPanel(ctx);
        if (TermPanel.has(t.name())) {
            ListViews.Status status = panel.status(t, id, slugs);
            m.put("status", status);
            if (status.open() > 0) {
                m.put("asOf", ctx.site.config().today().toString());
            }
            m.put("allItems", ActionItemsPage.PAGE);
        }
        panel.owner(t.name(), id).ifPresent(o -> m.put("owner", o));
        m.put("links", panel.links(t.name(), id));
        return m;
    }

    /** Returns the terms of a taxonomy with counts, in its display order, at most {@code limit}. */
    List<TermCount> counts(Taxonomy t, int limit) {
        int max = t.terms().values().stream().mapToInt(List::size).max().orElse(1);
        Map<String, String> descriptions = CardFactory.descriptions(ctx.factory.vocabulary(t.name()));
        List<TermCount> out = new ArrayList<>();
        for (var e : t.terms().entrySet()) {
            if (out.size() >= limit) {
                break;
            }
            String cls = t.name().equals("severities")
                    ? CardFactory.severityClass(e.getKey(), ctx.factory.severityRank(e.getKey())) : "";
            int n = e.getValue().size();
            out.add(new TermCount(ctx.factory.term(t.name(), e.getKey(), t.label(e.getKey())), n,
                    Math.max(1, Math.round(100f * n / max)), cls, descriptions.getOrDefault(e.getKey(), "")));
        }
        return out;
    }
}
