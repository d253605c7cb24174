package dev.hindsight.serve;

import dev.hindsight.Pipeline;
import dev.hindsight.analyze.Analysis;
import dev.hindsight.analyze.Recurrence;
import dev.hindsight.analyze.Taxonomy;
import dev.hindsight.index.Similar;
import dev.hindsight.model.Postmortem;
import dev.hindsight.model.Site;
import dev.hindsight.render.TermPanel;
import dev.hindsight.render.TermSlugs;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Which incident pages an edit to some incidents can change. A page shows its own incident in full and other
 * incidents as cards (related, recurrence of, backlinks, similar, recurring-cause chains, previous and next), so the
 * pages to redo are the edited ones and every page that shows one of them, before or after the edit. When an edit
 * changes what the incident is filed under (causes, services, teams, tags, severity, status or date), the chains and
 * the previous/next order can move for every incident sharing a cause or service, so those pages are redone too.
 */
final class AffectedPages {
    private final Pipeline.Stages last;
    private final Site site;
    private final Analysis analysis;
    /**
     * Site-wide pages that list every incident. Not incidents.json: it is the whole model for other tools, large
     * (megabytes at 1k incidents) and never shown in the browser, so the next full rebuild writes it.
     */
    private static final Set<String> FIXED = Set.of("index.html", "incidents/index.html", "history/index.html",
            "search/index.html", "feed.xml");
    /** The action-items page and its downloads and feeds: any edit may change an item. */
    private static final String ACTION_ITEMS = "action-items/";
    /**
     * How many chain members an incident page shows on each side of its own incident (the render stage's window;
     * {@code SiteBuildsTest} compares a quick rebuild with a full one, so a wider window there fails it).
     */
    private static final int CHAIN_WINDOW = 3;
    /** True when the edit moved the latest year any incident started in. */
    private final boolean lastYearMoved;
    private final Set<String> taxonomies = new HashSet<>();
    private Set<String> termDirs;

    /** Creates the finder for the stages before an edit and the site and analysis after it. */
    AffectedPages(Pipeline.Stages last, Site site, Analysis analysis) {
        this.last = last;
        this.site = site;
        this.analysis = analysis;
        this.lastYearMoved = last.site().lastYear() != site.lastYear();
    }

    /** Returns whether an output path is an incident's page, {@code incidents/<slug>/index.html} with a known slug. */
    static boolean isIncidentPage(String path, java.util.function.Predicate<String> isSlug) {
        if (!path.startsWith("incidents/") || !path.endsWith("/index.html")
                || path.length() <= "incidents//index.html".length()) {
            return false;
        }
        String slug = path.substring("incidents/".length(), path.length() - "/index.html".length());
        return !slug.contains("/") && isSlug.test(slug);
    }

    /**
     * Returns the output paths of the incident pages to render again. When an edit changes nothing another page
     * shows of the edited incidents (their cards, links between incidents, and the analysis: backlinks, order,
     * chains and durations), which is the usual edit of the body, only the edited incidents' own pages.
     */
    Set<String> incidentPages(Collection<Postmortem> before, Collection<Postmortem> after) {
        Set<String> edited = new HashSet<>();
        before.forEach(p -> edited.add(p.slug()));
        if (last.analysis().equals(analysis) && before.stream()
                .allMatch(b -> after.stream().anyMatch(a -> a.slug().equals(b.slug()) && sameCard(a, b)))) {
            Set<String> own = new HashSet<>();
            edited.forEach(s -> own.add("incidents/" + s + "/index.html"));
            return own;
        }
        Set<String> slugs = new HashSet<>(edited);
        for (Postmortem p : before) {
            slugs.addAll(p.related());
            slugs.addAll(p.recurrenceOf());
        }
        for (Postmortem p : after) {
            slugs.addAll(p.related());
            slugs.addAll(p.recurrenceOf());
        }
        for (Postmortem p : site.postmortems()) {
            if (p.related().stream().anyMatch(edited::contains) || p.recurrenceOf().stream().anyMatch(edited::contains)) {
                slugs.add(p.slug());
            }
        }
        for (var e : last.index().similar().entrySet()) {
            boolean shows = e.getValue().stream().map(Similar::slug).anyMatch(edited::contains);
            if (shows || edited.contains(e.getKey())) {
                slugs.add(e.getKey());
                e.getValue().forEach(s -> slugs.add(s.slug()));
            }
        }
        for (Analysis a : List.of(last.analysis(), analysis)) {
            for (String s : edited) {
                addIfPresent(slugs, a.previous().get(s));
                addIfPresent(slugs, a.next().get(s));
                slugs.addAll(a.backlinks().getOrDefault(s, List.of()));
            }
            for (Recurrence r : a.recurrences()) {
                List<String> chain = r.slugs();
                for (int i = 0; i < chain.size(); i++) {
                    if (edited.contains(chain.get(i))) {
                        slugs.addAll(chain.subList(Math.max(0, i - CHAIN_WINDOW), Math.min(chain.size(), i + CHAIN_WINDOW + 1)));
                    }
                }
            }
        }
        List<Postmortem> changedFiling = before.stream()
                .filter(b -> after.stream().anyMatch(a -> a.slug().equals(b.slug()) && !sameFiling(a, b))).toList();
        if (!changedFiling.isEmpty()) {
            Set<String> causes = new HashSet<>();
            Set<String> services = new HashSet<>();
            for (Postmortem p : before) {
                causes.addAll(p.causes());
                services.addAll(p.services());
            }
            for (Postmortem p : after) {
                causes.addAll(p.causes());
                services.addAll(p.services());
            }
            for (Postmortem p : site.postmortems()) {
                if (p.causes().stream().anyMatch(causes::contains) || p.services().stream().anyMatch(services::contains)) {
                    slugs.add(p.slug());
                }
            }
        }
        Set<String> paths = new HashSet<>();
        slugs.forEach(s -> paths.add("incidents/" + s + "/index.html"));
        return paths;
    }

    /**
     * Returns whether a page or file that is not an incident's page can show one of the edited incidents: the home
     * page, the incident list, history, search (its no-JavaScript list), the feeds, the action-items page and files, each
     * taxonomy's index, the term pages (and term feeds) the incidents are filed under before or after the edit, and
     * the content pages (they may list essential incidents). Not the 404 page, robots.txt or other terms' pages,
     * unless the edit moved the site's latest year: every service, cause and team page counts incidents per year up
     * to it.
     */
    synchronized boolean showsEdited(String path, Collection<Postmortem> before) {
        if (FIXED.contains(path) || path.startsWith(ACTION_ITEMS)
                || site.pages().stream().anyMatch(p -> path.equals(p.slug() + "/index.html"))) {
            return true;
        }
        int slash = path.indexOf('/');
        if (lastYearMoved && slash > 0 && TermPanel.has(path.substring(0, slash))) {
            return true;
        }
        if (termDirs == null) {
            termDirs = termDirs(before);
        }
        if (slash > 0 && path.substring(slash).equals("/index.html") && taxonomies.contains(path.substring(0, slash))) {
            return true;
        }
        return termDirs.stream().anyMatch(path::startsWith);
    }

    private Set<String> termDirs(Collection<Postmortem> before) {
        Set<String> edited = new HashSet<>();
        before.forEach(p -> edited.add(p.slug()));
        Set<String> dirs = new HashSet<>();
        for (Analysis a : List.of(last.analysis(), analysis)) {
            TermSlugs slugs = TermSlugs.of(a.taxonomies());
            for (Taxonomy t : a.taxonomies()) {
                taxonomies.add(t.name());
                t.terms().forEach((term, incidents) -> {
                    if (incidents.stream().anyMatch(edited::contains)) {
                        dirs.add(slugs.path(t.name(), term));
                    }
                });
            }
        }
        return dirs;
    }

    private static void addIfPresent(Set<String> slugs, String slug) {
        if (slug != null) {
            slugs.add(slug);
        }
    }

    /**
     * Returns whether other pages show an incident the same way before and after an edit: what its card shows
     * (see {@code CardFactory}; its durations are in the analysis) and the incidents it names.
     */
    private static boolean sameCard(Postmortem a, Postmortem b) {
        return sameFiling(a, b) && a.title().equals(b.title()) && a.summary().equals(b.summary())
                && a.nearMiss() == b.nearMiss() && a.essential() == b.essential() && a.related().equals(b.related())
                && a.recurrenceOf().equals(b.recurrenceOf());
    }

    /** Returns whether an incident is filed the same way before and after an edit. */
    private static boolean sameFiling(Postmortem a, Postmortem b) {
        return a.causes().equals(b.causes()) && a.services().equals(b.services()) && a.teams().equals(b.teams())
                && a.tags().equals(b.tags()) && a.severity().equals(b.severity()) && a.status() == b.status()
                && a.date().equals(b.date()) && Objects.equals(a.times(), b.times());
    }
}
