package dev.hindsight.load;

import dev.hindsight.model.Result;
import dev.hindsight.model.Site;
import dev.hindsight.model.SiteConfig;

import java.nio.file.Path;
import java.util.List;

/**
 * Walks a content folder and loads every postmortem and page. (Stub: the loader issue fills it in.)
 */
public final class ContentLoader {

    /** Loads the content folder; drafts are included only when asked. */
    public Result<Site> load(Path contentDir, SiteConfig config, boolean drafts) {
        return Result.of(new Site(config, List.of(), List.of(), List.of()));
    }
}
