package dev.hindsight.index;

import dev.hindsight.analyze.Analysis;
import dev.hindsight.model.Problem;
import dev.hindsight.model.Result;
import dev.hindsight.model.Site;
import dev.hindsight.model.SiteWriter;
import dev.hindsight.model.Validate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The index stage: builds (or reuses) the Lucene index in the cache folder, exports it for the browser under
 * {@code search/}, and computes similar incidents.
 */
public final class SearchIndexer {
    private final int threads;

    /** Creates an indexer that uses every core for similar incidents. */
    public SearchIndexer() {
        this(Runtime.getRuntime().availableProcessors());
    }

    /** Creates an indexer with a number of threads for similar incidents. */
    public SearchIndexer(int threads) {
        Validate.isTrue(threads > 0, "threads must be positive");
        this.threads = threads;
    }

    /** Indexes a site into the cache folder and writes the static search export. */
    public Result<SearchIndex> index(Site site, Analysis analysis, Path cacheDir, SiteWriter out) {
        Validate.notNull(site, "site");
        Validate.notNull(cacheDir, "cacheDir");
        Validate.notNull(out, "out");
        List<Problem> problems = new ArrayList<>();
        try {
            Result<IndexStore> opened = IndexStore.open(site, cacheDir);
            problems.addAll(opened.problems());
            try (IndexStore store = opened.value()) {
                IndexVocabulary vocabulary = IndexVocabulary.of(store);
                StaticExport.Stats stats = new StaticExport().write(store, vocabulary, site.config(), out);
                Map<String, String> words = vocabulary.displayWords();
                Map<String, List<Similar>> similar = new SimilarFinder(store, t -> words.getOrDefault(t, t)).findAll(threads);
                return new Result<>(new SearchIndex(similar, stats.manifest()), problems);
            }
        } catch (IOException | UncheckedIOException e) {
            problems.add(Problem.error("", 0, "search-index", "could not build the search index in " + cacheDir + ": " + e.getMessage()));
            return new Result<>(new SearchIndex(Map.of(), ""), problems);
        }
    }
}
