package dev.hindsight;

import dev.hindsight.model.SiteWriter;
import dev.hindsight.model.Validate;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * What to build and where.
 *
 * @param projectDir  the project folder: themes/ and assets/ are looked for here, else the built-in theme is used
 * @param contentDir  the content folder (postmortems/, pages/, site.yml), or any folder of Markdown files
 * @param destination the output folder, swapped in only when the build succeeds
 * @param cacheDir    where the build cache (the Lucene index, rendered pages and every stage's memo) is kept between
 *                    builds
 * @param cache       read and write the build cache; false builds without it and leaves the cache folder untouched
 * @param baseUrl     overrides site.yml's base_url
 * @param drafts      include drafts
 * @param bodies      keep each incident's body (its sections' text) in incidents.json
 * @param today       the day overdue action items are measured against
 * @param output      wraps the writer the stages write the site through (the identity, except in tests that
 *                    watch the output or make it fail part-way to prove the publish step is atomic)
 */
public record BuildOptions(Path projectDir, Path contentDir, Path destination, Path cacheDir, boolean cache,
                           Optional<String> baseUrl, boolean drafts, boolean bodies, LocalDate today,
                           UnaryOperator<SiteWriter> output) {
    public BuildOptions {
        Validate.notNull(projectDir, "projectDir");
        Validate.notNull(contentDir, "contentDir");
        Validate.notNull(destination, "destination");
        Validate.notNull(cacheDir, "cacheDir");
        Validate.notNull(baseUrl, "baseUrl");
        Validate.notNull(today, "today");
        Validate.notNull(output, "output");
    }

    /** Returns the usual options for a project folder: content/, public/, .hindsight-cache/. */
    public static BuildOptions defaults(Path projectDir, LocalDate today) {
        return new BuildOptions(projectDir, projectDir.resolve("content"), projectDir.resolve("public"),
                projectDir.resolve(".hindsight-cache"), true, Optional.empty(), false, false, today,
                UnaryOperator.identity());
    }

    /** Returns a copy with another content folder. */
    public BuildOptions withContent(Path dir) {
        return new BuildOptions(projectDir, dir, destination, cacheDir, cache, baseUrl, drafts, bodies, today, output);
    }

    /** Returns a copy with another destination. */
    public BuildOptions withDestination(Path dir) {
        return new BuildOptions(projectDir, contentDir, dir, cacheDir, cache, baseUrl, drafts, bodies, today, output);
    }

    /** Returns a copy with drafts on or off. */
    public BuildOptions withDrafts(boolean on) {
        return new BuildOptions(projectDir, contentDir, destination, cacheDir, cache,
                baseUrl, on, bodies, today, output);
    }

    /** Returns a copy with incidents.json's bodies kept or left out. */
    public BuildOptions withBodies(boolean on) {
        return new BuildOptions(projectDir, contentDir, destination, cacheDir, cache,
                baseUrl, drafts, on, today, output);
    }

    /**
     * Returns a copy that builds without the build cache: nothing is read from the cache folder or written to it, so a
     * build whose cache is not kept (a CI job that does not restore it) makes nothing it would throw away.
     */
    public BuildOptions withoutCache() {
        return new BuildOptions(projectDir, contentDir, destination, cacheDir, false,
                baseUrl, drafts, bodies, today, output);
    }

    /** Returns a copy with another cache folder. */
    public BuildOptions withCache(Path dir) {
        return new BuildOptions(projectDir, contentDir, destination, dir, cache,
                baseUrl, drafts, bodies, today, output);
    }

    /** Returns a copy with a base URL override. */
    public BuildOptions withBaseUrl(String url) {
        return new BuildOptions(projectDir, contentDir, destination, cacheDir, cache,
                Optional.of(url), drafts, bodies, today, output);
    }

    /** Returns a copy whose stages write through a wrapper of the staging writer. */
    public BuildOptions withOutput(UnaryOperator<SiteWriter> wrap) {
        return new BuildOptions(projectDir, contentDir, destination, cacheDir, cache,
                baseUrl, drafts, bodies, today, wrap);
    }
}
