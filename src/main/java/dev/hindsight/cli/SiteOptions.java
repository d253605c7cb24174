package dev.hindsight.cli;

import dev.hindsight.BuildOptions;
import dev.hindsight.config.SiteConfigLoader;
import dev.hindsight.load.ContentLoader;
import dev.hindsight.model.Problem;
import dev.hindsight.model.Result;
import dev.hindsight.model.Site;
import dev.hindsight.model.SiteConfig;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Options shared by the commands that build a site: where the project, content and output are.
 */
public final class SiteOptions {
    @Option(names = {"-s", "--source"}, paramLabel = "DIR", description = "Project folder with content/, themes/ and assets/ (default: current folder).")
    Path source = Path.of(".");

    @Option(names = {"-c", "--content"}, paramLabel = "DIR", description = "Content folder (default: SOURCE/content). Any folder of Markdown postmortems works.")
    Path content;

    @Option(names = {"-d", "--destination"}, paramLabel = "DIR", description = "Output folder (default: SOURCE/public).")
    Path destination;

    @Option(names = {"-b", "--base-url"}, paramLabel = "URL", description = "Base URL, overriding site.yml's base_url.")
    String baseUrl;

    @Option(names = {"-D", "--drafts"}, description = "Include drafts.")
    boolean drafts;

    @Option(names = "--cache-dir", paramLabel = "DIR", description = "Where the search index and rendered pages are kept between builds (default: SOURCE/.hindsight-cache); keep it between CI runs to skip unchanged pages.")
    Path cacheDir;

    @Option(names = "--today", paramLabel = "YYYY-MM-DD", description = "The day overdue items are measured against (default: today, UTC).")
    LocalDate today;

    /** Returns the build options these flags describe. */
    public BuildOptions toBuildOptions() {
        Path project = source.toAbsolutePath().normalize();
        BuildOptions o = BuildOptions.defaults(project, today != null ? today : LocalDate.now(ZoneOffset.UTC));
        if (content != null) {
            o = o.withContent(content.toAbsolutePath().normalize());
        }
        if (destination != null) {
            o = o.withDestination(destination.toAbsolutePath().normalize());
        }
        if (cacheDir != null) {
            o = o.withCache(cacheDir.toAbsolutePath().normalize());
        }
        if (baseUrl != null) {
            o = o.withBaseUrl(baseUrl);
        }
        return o.withDrafts(drafts);
    }

    /** Returns the build options, or empty after saying so on err when the content folder does not exist. */
    public Optional<BuildOptions> existing(java.io.PrintWriter err) {
        BuildOptions options = toBuildOptions();
        if (!java.nio.file.Files.isDirectory(options.contentDir())) {
            err.println("hindsight: content folder not found: " + options.contentDir());
            return Optional.empty();
        }
        return Optional.of(options);
    }

    /**
     * Reads site.yml (with the base URL override) and the content as the build's first stages do, without writing a
     * site; their problems are added to the list. For commands that work on the loaded site (report, actions).
     */
    public static Site load(BuildOptions options, List<Problem> problems) {
        Result<SiteConfig> config = new SiteConfigLoader().load(options.contentDir(), options.today());
        problems.addAll(config.problems());
        SiteConfig cfg = options.baseUrl().map(config.value()::withBaseUrl).orElse(config.value());
        Result<Site> loaded = new ContentLoader().load(options.contentDir(), cfg, options.drafts());
        problems.addAll(loaded.problems());
        return loaded.value();
    }

    /** Returns the base URL override, if given. */
    public Optional<String> baseUrl() {
        return Optional.ofNullable(baseUrl);
    }
}
