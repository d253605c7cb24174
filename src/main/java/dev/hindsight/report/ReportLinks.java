package dev.hindsight.report;

import dev.hindsight.analyze.Analysis;
import dev.hindsight.model.Postmortem;
import dev.hindsight.model.SiteConfig;
import dev.hindsight.render.TermSlugs;

import java.util.Map;
import java.util.Optional;

/**
 * Makes the cells that name incidents and terms, linked to their pages in the site.
 */
final class ReportLinks {
    private final Map<String, Postmortem> bySlug;
    private final TermSlugs slugs;
    private final SiteConfig config;
    private final CauseCategories categories;
    /** The cells of incidents made so far, by slug: the reports of a build are made on every core at once. */
    private final Map<String, Cell> incidents = new java.util.concurrent.ConcurrentHashMap<>();

    ReportLinks(Map<String, Postmortem> bySlug, Analysis analysis, SiteConfig config, CauseCategories categories) {
        this.bySlug = bySlug;
        this.slugs = TermSlugs.of(analysis.taxonomies());
        this.config = config;
        this.categories = categories;
    }

    /**
     * Returns an incident's title linked to its page, with its date as detail; exports the slug. Each incident's cell
     * is made once: every report of a build names most incidents, many of them in several tables.
     */
    Cell incident(String slug) {
        Cell known = incidents.get(slug);
        if (known != null) {
            return known;
        }
        Postmortem p = bySlug.get(slug);
        Cell made = p == null ? Cell.of(slug)
                : Cell.link(p.title(), slug, p.url().substring(1) + "index.html").withDetail(p.dateLabel());
        Cell raced = incidents.putIfAbsent(slug, made);
        return raced != null ? raced : made;
    }

    /** Returns a cause category's label linked to its term page; exports the id. */
    Cell category(String id) {
        if (id.isEmpty()) {
            return Cell.empty("\u2014");
        }
        String taxonomy = categories.taxonomy(id);
        return Cell.link(categories.label(id), id, slugs.path(taxonomy, id) + "index.html");
    }

    /** Returns a service's label linked to its term page; exports the id. */
    Cell service(String id) {
        if (id.isEmpty()) {
            return Cell.empty("\u2014");
        }
        return Cell.link(SiteConfig.label(config.services(), id), id, slugs.path("services", id) + "index.html");
    }

    /** Returns a team's label linked to its term page when it has incidents; exports the id. */
    Cell team(String id, boolean hasPage) {
        String label = SiteConfig.label(config.teams(), id);
        return hasPage ? Cell.link(label, id, slugs.path("teams", id) + "index.html") : Cell.link(label, id, "");
    }

    /** Returns an action item's tracker link, linked when it is an http(s) URL; a dash when there is none. */
    Cell tracker(Optional<String> link) {
        return link.map(l -> Cell.link(trackerText(l), l, l.matches("(?i)https?://\\S+") ? l : "")).orElse(Cell.empty("\u2014"));
    }

    /** Returns the short text a tracker URL shows on a page: its last path segment ("PLAT-340"), or the URL itself. */
    static String trackerText(String link) {
        if (!link.matches("(?i)https?://\\S+")) {
            return link;
        }
        String path = link.replaceFirst("(?i)^https?://[^/]*", "").replaceFirst("[?#].*$", "").replaceFirst("/+$", "");
        String last = path.substring(path.lastIndexOf('/') + 1);
        return last.isEmpty() || last.length() > 40 ? link : last;
    }
}
