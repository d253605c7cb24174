package dev.hindsight.index;

import dev.hindsight.config.SiteConfigLoader;
import dev.hindsight.load.ContentLoader;
import dev.hindsight.model.Site;
import dev.hindsight.model.SiteConfig;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A real content folder loaded, indexed in memory and exported into a folder, for the tests that compare the
 * browser engine with Lucene on real text.
 */
final class ExportedSite implements AutoCloseable {
    final Site site;
    final IndexStore store;
    final IncidentSearcher searcher;
    final Path dir;
    final StaticExport.Stats stats;

    private ExportedSite(Site site, IndexStore store, Path dir, StaticExport.Stats stats) throws IOException {
        this.site = site;
        this.store = store;
        this.searcher = new IncidentSearcher(store, site.config());
        this.dir = dir;
        this.stats = stats;
    }

    /** Loads a content folder and exports its index into {@code out}. */
    static ExportedSite of(Path contentDir, Path out) throws IOException {
        SiteConfig config = new SiteConfigLoader().load(contentDir, LocalDate.of(2026, 11, 1)).value();
        Site site = new ContentLoader().load(contentDir, config, false).value();
        IndexStore store = IndexStore.inMemory(site.postmortems());
        StaticExport.Stats stats = new StaticExport().write(store, IndexVocabulary.of(store), site.config(), new FolderWriter(out));
        return new ExportedSite(site, store, out, stats);
    }

    /** Returns the slugs of Lucene's top hits for a query. */
    List<String> lucene(String query, int limit, boolean prefix) throws IOException {
        SearchResult r = searcher.search(new SearchRequest(query, Map.of(), java.util.Optional.empty(), limit, prefix));
        return r.hits().stream().map(h -> h.postmortem().slug()).toList();
    }

    /** Returns the slugs of the JavaScript engine's top hits, one list per query, each on a cold engine. */
    List<List<String>> javascript(List<String> queries, int limit, boolean prefix) throws IOException, InterruptedException {
        List<Map<String, Object>> asked = new ArrayList<>();
        for (String q : queries) {
            asked.add(Map.of("q", q, "prefix", prefix, "limit", limit, "fragments", false));
        }
        List<Map<String, Object>> results = NodeSearch.run(dir, stats.manifest(), asked);
        List<List<String>> out = new ArrayList<>();
        for (Map<String, Object> r : results) {
            List<String> slugs = new ArrayList<>();
            for (Object doc : (List<?>) r.get("hits")) {
                slugs.add(store.docs().get(((Number) doc).intValue()).slug());
            }
            out.add(slugs);
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        store.close();
    }
}
