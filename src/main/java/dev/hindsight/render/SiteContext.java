package dev.hindsight.render;

import dev.hindsight.analyze.Analysis;
import dev.hindsight.analyze.LedgerEntry;
import dev.hindsight.analyze.Recurrence;
import dev.hindsight.index.RecurrenceRule;
import dev.hindsight.index.SearchIndex;
import dev.hindsight.model.ContentLinks;
import dev.hindsight.model.Page;
import dev.hindsight.model.Postmortem;
import dev.hindsight.model.Site;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Everything one build's pages are made from, prepared once: the inputs, the incident cards, term slugs,
 * link targets, navigation and the fingerprinted assets.
 */
final class SiteContext {
    final Site site;
    final Analysis analysis;
    final SearchIndex index;
    final Path contentDir;
    final AssetSet assets;
    final TermSlugs slugs;
    final CardFactory factory;
    final ContentLinks links;
    /** Slug to card, sorted by slug. */
    final Map<String, IncidentCard> cards;
    /** Per slug, the recurrences that include it, with its place in each. */
    final Map<String, List<RecurrenceAt>> recurrencesOf;
    /** Slug to incident. */
    final Map<String, Postmortem> bySlug;
    /** The recurrence rule's matches, by the slug of either incident. */
    final Map<String, List<RecurrenceRule.Match>> recurrenceMatches;
    final SiteView siteView;
    final List<NavItem> nav;
    /** Content pages by navigation order. */
    final List<Page> pages;
    /** Per slug, its action items with their ledger facts, in the incident's order. */
    final Map<String, List<LedgerEntry>> ledgerBySlug;
    /** The latest year of any incident (0 when none has a date), where term pages' per-year counts end. */
    final int lastYear;
    /** Per essential incident, the essential read after it on the reading path (the essentials, oldest first). */
    final Map<String, String> nextEssential;

    /** Prepares a build's context: the cards, link targets and lookups every page of the build reads. */
    SiteContext(Site site, Analysis analysis, SearchIndex index, Path contentDir, AssetSet assets) {
        this.site = site;
        this.analysis = analysis;
        this.index = index;
        this.contentDir = contentDir;
        this.assets = assets;
        this.slugs = TermSlugs.of(analysis.taxonomies());
        this.factory = new CardFactory(site.config(), analysis, slugs);
        this.links = new ContentLinks(site);
        // The recurrence rule reads every incident's similar list while the cards are made: both on every core.
        CompletableFuture<List<RecurrenceRule.Match>> found =
                CompletableFuture.supplyAsync(() -> new RecurrenceRule().find(site, index.similar(),
                        analysis.causalService(site.config())));
        List<IncidentCard> made = site.postmortems().parallelStream().map(factory::card).toList();
        // Looked up by slug some twenty times a page; slugs share long date prefixes, which a sorted map compares.
        Map<String, IncidentCard> c = new HashMap<>(made.size() * 2);
        for (IncidentCard card : made) {
            c.put(card.slug(), card);
        }
        this.cards = Collections.unmodifiableMap(c);
        Map<String, List<RecurrenceRule.Match>> matches = new HashMap<>();
        for (RecurrenceRule.Match m : joined(found)) {
            matches.computeIfAbsent(m.later(), k -> new java.util.ArrayList<>()).add(m);
            matches.computeIfAbsent(m.earlier(), k -> new java.util.ArrayList<>()).add(m);
        }
        this.recurrenceMatches = matches;
        Map<String, List<RecurrenceAt>> rec = new HashMap<>();
        for (Recurrence r : analysis.recurrences()) {
            for (int i = 0; i < r.slugs().size(); i++) {
                rec.computeIfAbsent(r.slugs().get(i), k -> new ArrayList<>()).add(new RecurrenceAt(r, i));
            }
        }
        this.recurrencesOf = rec;
        Map<String, Postmortem> by = new HashMap<>();
        site.postmortems().forEach(p -> by.putIfAbsent(p.slug(), p));
        this.bySlug = by;
        this.pages = site.pages().stream()
                .sorted(Comparator.comparingInt(Page::weight).thenComparing(Page::title).thenComparing(Page::slug)).toList();
        this.siteView = new SiteView(site.config().title(), site.config().description(), site.config().baseUrl(),
                site.config().language(), "feed.xml");
        this.nav = nav(pages);
        Map<String, List<LedgerEntry>> ledger = new HashMap<>();
        analysis.ledger().forEach(e -> ledger.computeIfAbsent(e.slug(), k -> new ArrayList<>()).add(e));
        this.ledgerBySlug = ledger;
        this.lastYear = site.lastYear();
        List<IncidentCard> path = cards.values().stream().filter(IncidentCard::essential).sorted(IncidentCard.OLDEST_FIRST).toList();
        Map<String, String> after = new HashMap<>();
        for (int i = 0; i + 1 < path.size(); i++) {
            after.put(path.get(i).slug(), path.get(i + 1).slug());
        }
        this.nextEssential = after;
    }

    /** Returns what a task made, or throws what it threw. */
    private static <T> T joined(CompletableFuture<T> task) {
        try {
            return task.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    /**
     * A recurrence seen from one of its incidents.
     *
     * @param recurrence the recurrence
     * @param index      the incident's place in its chain
     */
    record RecurrenceAt(Recurrence recurrence, int index) {
    }

    private static List<NavItem> nav(List<Page> pages) {
        List<NavItem> items = new ArrayList<>();
        items.add(new NavItem("Incidents", "incidents/", "incidents"));
        items.add(new NavItem("History", "history/", "history"));
        items.add(new NavItem("Causes", "causes/", "causes"));
        items.add(new NavItem("Services", "services/", "services"));
        items.add(new NavItem("Action items", ActionItemsPage.DIR, "action-items"));
        items.add(new NavItem("Reports", "reports/", "reports"));
        for (Page p : pages) {
            items.add(new NavItem(p.title(), p.slug() + "/", p.slug()));
        }
        return List.copyOf(items);
    }

    /** Returns the cards of some slugs, skipping unknown ones, in the given order. */
    List<IncidentCard> cards(List<String> slugs) {
        List<IncidentCard> out = new ArrayList<>(slugs.size());
        for (String s : slugs) {
            IncidentCard card = cards.get(s);
            if (card != null) {
                out.add(card);
            }
        }
        return out;
    }

    /** Returns every card newest first, as the site lists incidents. */
    List<IncidentCard> newestFirst() {
        return cards(site.postmortems().stream().map(Postmortem::slug).toList());
    }
}
