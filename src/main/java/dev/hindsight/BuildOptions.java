package dev.hindsight;

import dev.hindsight.model.Validate;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;

/**
 * What to build and where.
 *
 * @param projectDir  the project folder: themes/ and assets/ are looked for here, else the built-in theme is used
 * @param contentDir  the content folder (postmortems/, pages/, site.yml), or any folder of Markdown files
 * @param destination the output folder, swapped in only when the build succeeds
 * @param cacheDir    where the Lucene index is kept between builds
 * @param baseUrl     overrides site.yml's base_url
 * @param drafts      include drafts
 * @param today       the day overdue action items are measured against
 */
public record BuildOptions(Path projectDir, Path contentDir, Path destination, Path cacheDir, Optional<String> baseUrl,
                           boolean drafts, LocalDate today) {
    public BuildOptions {
        Validate.notNull(projectDir, "projectDir");
        Validate.notNull(contentDir, "contentDir");
        Validate.notNull(destination, "destination");
        Validate.notNull(cacheDir, "cacheDir");
        Validate.notNull(baseUrl, "baseUrl");
        Validate.notNull(today, "today");
    }

    /** Returns the usual options for a project folder: content/, public/, .hindsight-cache/. */
    public static BuildOptions defaults(Path projectDir, LocalDate today) {
        return new BuildOptions(projectDir, projectDir.resolve("content"), projectDir.resolve("public"),
                projectDir.resolve(".hindsight-cache"), Optional.empty(), false, today);
    }

    /** Returns a copy with another content folder. */
    public BuildOptions withContent(Path dir) {
        return new BuildOptions(projectDir, dir, destination, cacheDir, baseUrl, drafts, today);
    }

    /** Returns a copy with another destination. */
    public BuildOptions withDestination(Path dir) {
        return new BuildOptions(projectDir, contentDir, dir, cacheDir, baseUrl, drafts, today);
    }

    /** Returns a copy with drafts on or off. */
    public BuildOptions withDrafts(boolean on) {
        return new BuildOptions(projectDir, contentDir, destination, cacheDir, baseUrl, on, today);
    }

    /** Returns a copy with another cache folder. */
    public BuildOptions withCache(Path dir) {
        return new BuildOptions(projectDir, contentDir, destination, dir, baseUrl, drafts, today);
    }

    /** Returns a copy with a base URL override. */
    public BuildOptions withBaseUrl(String url) {
        return new BuildOptions(projectDir, contentDir, destination, cacheDir, Optional.of(url), drafts, today);
    }
}
