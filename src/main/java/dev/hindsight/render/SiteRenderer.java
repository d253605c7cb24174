package dev.hindsight.render;

import dev.hindsight.analyze.Analysis;
import dev.hindsight.index.SearchIndex;
import dev.hindsight.model.Problem;
import dev.hindsight.model.Site;
import dev.hindsight.model.SiteWriter;

import java.nio.file.Path;
import java.util.List;

/**
 * Renders every HTML page, feed and data file of the site. (Stub.)
 */
public final class SiteRenderer {
    private final Path projectDir;

    /** Creates a renderer that looks for themes/ and assets/ in a project folder, else uses the built-in theme. */
    public SiteRenderer(Path projectDir) {
        this.projectDir = projectDir;
    }

    /** Renders the site into the writer and returns the problems found. */
    public List<Problem> render(Site site, Analysis analysis, SearchIndex index, SiteWriter out) {
        return List.of();
    }
}
