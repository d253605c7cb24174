package dev.hindsight.serve;

import dev.hindsight.BuildOptions;
import dev.hindsight.BuildReport;
import dev.hindsight.FirstPages;
import dev.hindsight.Pipeline;
import dev.hindsight.model.CacheMemory;
import dev.hindsight.model.ContentChanges;
import dev.hindsight.model.Problem;
import dev.hindsight.model.Validate;
import dev.hindsight.publish.Publisher;
import dev.hindsight.publish.SiteFiles;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs the build pipeline after every change and decides what the preview serves next: the new site when the
 * build succeeded, else the last good one together with the new errors.
 *
 * <p>It is the pipeline of {@code hindsight build}, with the build cache kept in memory between builds (in front
 * of the cache folder on disk, which the first build reads) and the site published to memory. So an edit costs
 * what a warm build costs: unchanged postmortems are not parsed again and unchanged pages are not rendered again,
 * and the search export, similar-incident lists, reports, sitemap and incidents.json are current after every edit.
 * Nothing here knows which page shows what. The JVM stays warm between builds, so classes and the JIT carry over,
 * and so does the pipeline's parsed theme while the theme's files are unchanged.
 *
 * <p>The page of an edited postmortem, and the pages open in a browser, are served as soon as the build has made
 * them (once the content is loaded and analyzed, with the similar lists of the build before), while it goes on with
 * the rest: they are the bytes the whole build then publishes, unless their lists changed (the preview then reloads
 * them). A build that then fails takes them back with the rest.
 */
final class SiteBuilds {
    private final BuildOptions options;
    private final CacheMemory memory = CacheMemory.create();
    /** What the last build published to memory; emptied before each build. */
    private final AtomicReference<SiteFiles> made = new AtomicReference<>();
    /** One pipeline for every build of the preview, so what it keeps between builds (the parsed theme) carries over. */
    private final Pipeline pipeline = new Pipeline(stage -> { }, Publisher.memory(made::set), memory);
    private volatile BuildState state = BuildState.STARTING;

    /** Creates the builder for a preview's options (its destination is never written: the site lives in memory). */
    SiteBuilds(BuildOptions options) {
        this.options = Validate.notNull(options, "options");
    }

    /** Returns what is served now. */
    BuildState state() {
        return state;
    }

    /** Builds the site; only one build runs at a time. */
    BuildState rebuild() {
        return rebuild(Set.of(), ContentChanges.UNKNOWN, Set::of, s -> { });
    }

    /**
     * Builds the site, and serves some of its files as soon as the build has made them, before it goes on (see
     * {@link FirstPages}): the incident pages of some content files and some site files. A listener hears of that
     * partial state (the last good site with those files over it). Only one build runs at a time.
     *
     * @param sources content files ('/'-separated, relative to the content folder) whose pages come first
     * @param changes what changed under the content folder since the last build, when the watcher knows it all
     * @param pages   site files ("incidents/x/index.html") that come first: the pages open in a browser, asked for
     *                when the first pages are made
     * @param first   told when the first files are served
     */
    synchronized BuildState rebuild(Set<String> sources, ContentChanges changes, Supplier<Set<String>> pages,
                                    Consumer<BuildState> first) {
        long start = System.nanoTime();
        made.set(null);
        BuildState previous = state;
        FirstPages early = new FirstPages(sources, pages, files -> {
            if (!files.isEmpty()) {
                BuildState partial = previous.withFirst(files);
                state = partial;
                first.accept(partial);
            }
        });
        List<Problem> problems = new ArrayList<>();
        Optional<BuildReport> report = Optional.empty();
        try {
            report = Optional.of(pipeline.build(options, early, changes));
            report.get().problems().stream().filter(p -> p.level() != Problem.Level.INFO).forEach(problems::add);
        } catch (UncheckedIOException e) {
            problems.add(Problem.error("", 0, "io", "could not build the preview: " + e.getMessage()));
        } catch (RuntimeException e) {
            // A bug in a stage must not stop the preview; it is shown like any other build error.
            problems.add(Problem.error("", 0, "internal", "the build crashed: " + e
                    + " (please report this with the file that caused it)"));
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        Optional<SiteFiles> site = Optional.ofNullable(made.get());
        BuildState next = new BuildState(previous.version() + 1, site.or(previous::site), site.isEmpty(), problems, took,
                report.map(BuildReport::stageTimes).orElse(java.util.Map.of()),
                report.map(BuildReport::outputFiles).orElse(0), report.map(BuildReport::cachedPages).orElse(0));
        state = next;
        return next;
    }
}
