package dev.hindsight.index;

import dev.hindsight.analyze.Analysis;
import dev.hindsight.model.Result;
import dev.hindsight.model.Site;
import dev.hindsight.model.SiteWriter;

import java.nio.file.Path;
import java.util.Map;

/**
 * Builds the Lucene index, exports it for the browser, and computes similar incidents. (Stub.)
 */
public final class SearchIndexer {

    /** Indexes a site into the cache folder and writes the static search export. */
    public Result<SearchIndex> index(Site site, Analysis analysis, Path cacheDir, SiteWriter out) {
        return Result.of(new SearchIndex(Map.of(), ""));
    }
}
