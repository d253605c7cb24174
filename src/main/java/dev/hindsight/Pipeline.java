package dev.hindsight;

import dev.hindsight.analyze.Analysis;
import dev.hindsight.analyze.Analyzer;
import dev.hindsight.analyze.FactMemo;
import dev.hindsight.check.SiteChecker;
import dev.hindsight.config.SiteConfigLoader;
import dev.hindsight.index.Indexing;
import dev.hindsight.index.SearchIndex;
import dev.hindsight.index.SearchIndexer;
import dev.hindsight.load.ContentLoader;
import dev.hindsight.load.LoadMemo;
import dev.hindsight.model.CacheFolder;
import dev.hindsight.model.CacheMemory;
import dev.hindsight.model.ContentChanges;
import dev.hindsight.model.IncidentDigests;
import dev.hindsight.model.Postmortem;
import dev.hindsight.model.Problem;
import dev.hindsight.model.Result;
import dev.hindsight.model.Site;
import dev.hindsight.model.SiteConfig;
import dev.hindsight.model.SiteWriter;
import dev.hindsight.model.SourceFile;
import dev.hindsight.model.Validate;
import dev.hindsight.publish.Publisher;
import dev.hindsight.publish.Target;
import dev.hindsight.render.SiteRenderer;
import dev.hindsight.render.Themes;
import dev.hindsight.report.ReportBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The build, as a recipe: load, analyze, (the preview's first pages,) index; the search export beside check, render
 * and report; publish.
 */
public final class Pipeline {
    private final Consumer<String> progress;
    private final Publisher publisher;
    private final CacheMemory memory;
    private final Themes themes;
    /**
     * The similar lists of this pipeline's last build. The preview makes the page being edited before the index stage,
     * with these; a page that then shows other lists is made again by the build, and reloaded.
     */
    private final AtomicReference<SearchIndex> lastLists = new AtomicReference<>();
    /** Each incident's facts from this pipeline's last analysis, by digest: the preview's next build reuses them. */
    private final FactMemo facts;
    /** The content folder's listing and file digests from this pipeline's last load, for the preview's next build. */
    private final LoadMemo loads;

    /** Creates a pipeline that reports each finished stage to a progress listener and publishes to a folder. */
    public Pipeline(Consumer<String> progress) {
        this(progress, Publisher.folder(), CacheMemory.none());
    }

    /**
     * Creates a pipeline that publishes through a publisher and keeps the build cache's entries in a memory as well
     * as in the cache folder. The preview makes one with memory for both, and runs it after every edit.
     */
    public Pipeline(Consumer<String> progress, Publisher publisher, CacheMemory memory) {
        this(progress, publisher, memory, new Themes());
    }

    /**
     * Creates a pipeline that also shares its parsed themes with other pipelines of this process. A theme is kept
     * under its project folder and the build stamp, which holds the digest of every template and asset, so pipelines
     * that build one project with different caches (a test of warm against cold builds) parse its templates once.
     */
    public Pipeline(Consumer<String> progress, Publisher publisher, CacheMemory memory, Themes themes) {
        this.progress = Validate.notNull(progress, "progress");
        this.publisher = Validate.notNull(publisher, "publisher");
        this.memory = Validate.notNull(memory, "memory");
        this.themes = Validate.notNull(themes, "themes");
        this.facts = memory.enabled() ? FactMemo.create() : FactMemo.none();
        this.loads = memory.enabled() ? LoadMemo.create() : LoadMemo.none();
    }

    /** Builds the site; the destination is replaced only when no stage reported an error. */
    public BuildReport build(BuildOptions options) {
        return build(options, FirstPages.NONE);
    }

    /**
     * Builds the site as {@link #build(BuildOptions)} does, handing over some pages as soon as they are made (see
     * {@link FirstPages}).
     */
    public BuildReport build(BuildOptions options, FirstPages first) {
        return build(options, first, ContentChanges.UNKNOWN);
    }

    /**
     * Builds the site as {@link #build(BuildOptions, FirstPages)} does, told which content paths changed since this
     * pipeline's last build: the preview's watcher knows, so the load looks again only at those (see
     * {@link LoadMemo}).
     */
    public BuildReport build(BuildOptions options, FirstPages first, ContentChanges changes) {
        Validate.notNull(first, "first");
        Validate.notNull(changes, "changes");
        try (CacheLock lock = options.cache() ? CacheLock.take(options.cacheDir()) : CacheLock.none()) {
            return build(options, first, changes, lock);
        }
    }

    private BuildReport build(BuildOptions options, FirstPages first, ContentChanges changes, CacheLock lock) {
        // In the stages' order; the export's thread writes its own time.
        long start = System.nanoTime();
        // The loader takes the last load's findings first thing: a build that fails before its load ends leaves none.
        String stamp = BuildStamp.of(options);
        ContentLoader loader = new ContentLoader(cache(lock, options, "load", stamp), loads, changes);
        Map<String, Duration> times = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
        List<Problem> problems = new ArrayList<>();

        Result<SiteConfig> config = timed(times, "config", () -> new SiteConfigLoader().load(options.contentDir(), options.today()));
        problems.addAll(config.problems());
        SiteConfig cfg = options.baseUrl().map(config.value()::withBaseUrl).orElse(config.value());

        lock.note().ifPresent(problems::add);
        Result<Site> loaded = timed(times, "load", () -> loader.read(options.contentDir(), cfg, options.drafts()));
        problems.addAll(loaded.problems());
        Site site = loaded.value();
        IncidentDigests digests = loader.digests(site.postmortems());

        Analysis analysis = timed(times, "analyze", () -> new Analyzer(facts, digests).analyze(site));
        SiteRenderer renderer = new SiteRenderer(options.projectDir(), options.contentDir())
                .withThemes(themes, stamp)
                .withCache(cache(lock, options, "pages", stamp)).withBodyCache(cache(lock, options, "bodies", stamp))
                .withInputsCache(cache(lock, options, "page-inputs", stamp)).withDataCache(cache(lock, options, "data", stamp))
                .withDigests(digests)
                .withBodies(options.bodies());
        // The page being edited comes first, before the index stage, with the similar lists of the build before: the
        // page then waits for no search work. A page whose lists changed is made again below, and the preview
        // reloads it. A preview's first build has no lists before it: its first pages wait for the index stage.
        SearchIndex before = lastLists.get();
        boolean firstDone = before != null && first(times, first, problems, renderer, site, analysis,
                before.within(site.postmortems().stream().map(Postmortem::slug).collect(Collectors.toSet())));
        // The load cache's stale entries go once that page is out (at 10,000 incidents, tens of milliseconds).
        problems.addAll(loader.collect());

        boolean published = false;
        int written = 0;
        int cached = 0;
        int kept = 0;
        // The Lucene index is kept in the cache folder only when this build holds it; else it is made in memory.
        Optional<Path> indexDir = lock.held() ? Optional.of(options.cacheDir()) : Optional.empty();
        try (Target staging = publisher.open(options.destination());
             Indexing indexing = timed(times, "index", () -> new SearchIndexer().open(site, indexDir,
                     cache(lock, options, "index-output", stamp), digests))) {
            SiteWriter out = options.output().apply(staging);
            problems.addAll(indexing.similar().problems());
            if (indexing.similar().problems().stream().noneMatch(Problem::isError)) {
                lastLists.set(indexing.similar().value());
            }
            // A page shows the similar lists and not the search export, so on a first build it comes before that.
            if (!firstDone) {
                first(times, first, problems, renderer, site, analysis, indexing.similar().value());
            }
            // The pages and reports show the similar lists and not the search export, so the export is written on a
            // thread of its own meanwhile: most of it is one thread's work, and it took a seventh of a warm build.
            SearchIndex lists = indexing.similar().value();
            Exporting export = new Exporting(times, () -> indexing.export(out));
            List<Problem> after = new ArrayList<>();
            Result<SearchIndex> index;
            try {
                // The checks read the content alone and only add problems, so they run after the first pages: the
                // page being edited does not wait for them, and an error they find still fails the build (and takes
                // it back).
                after.addAll(timed(times, "check", () -> SiteChecker.forContent(options.contentDir())
                        .withCache(cache(lock, options, "check", stamp)).withDigests(digests).check(site)));
                after.addAll(timed(times, "render", () -> renderer.render(site, analysis, lists, out)));
                after.addAll(timed(times, "report",
                        () -> new ReportBuilder().withCache(cache(lock, options, "reports", stamp))
                                .build(site, analysis, lists, renderer, out)));
            } finally {
                index = export.join();
            }
            progress.accept("export");
            problems.addAll(index.problems());
            problems.addAll(after);
            problems.addAll(renderer.finish(out));
            written = staging.count();
            cached = renderer.cachedPages();
            kept = index.value().keptLists();
            if (problems.stream().noneMatch(Problem::isError)) {
                timed(times, "publish", () -> {
                    try {
                        staging.commit();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    return true;
                });
                published = true;
            }
        } catch (IOException | UncheckedIOException e) {
            problems.add(Problem.error("", 0, "io", "could not write the site to " + options.destination()
                    + ": " + e.getMessage()));
        }
        problems.sort(Problem.ORDER);
        int inferred = (int) site.postmortems().stream().filter(p -> !p.inferences().isEmpty()).count();
        int inferences = site.postmortems().stream().mapToInt(p -> p.inferences().size()).sum();
        return new BuildReport(problems, withWarnings(site.files(), problems), times,
                Duration.ofNanos(System.nanoTime() - start), site.postmortems().size(),
                inferred, inferences, written, cached, kept, published, dev.hindsight.model.Coverage.of(site.postmortems()));
    }

    /**
     * Makes the pages that come first, with some similar lists, and hands them over; returns false when there are none
     * to make, or a stage before reported an error.
     */
    private boolean first(Map<String, Duration> times, FirstPages first, List<Problem> problems, SiteRenderer renderer,
                          Site site, Analysis analysis, SearchIndex lists) {
        Set<String> pages = first.pages().get();
        if (first.sources().isEmpty() && pages.isEmpty() || problems.stream().anyMatch(Problem::isError)) {
            return false;
        }
        first.publish().accept(timed(times, "first", () -> renderer.first(site, analysis, lists, first.sources(), pages)));
        return true;
    }

    /**
     * Returns one of the build cache's folders, with this pipeline's memory in front of it; only the memory (if any)
     * when another build holds the cache folder or the build runs without it.
     */
    private CacheFolder cache(CacheLock lock, BuildOptions options, String name, String stamp) {
        return lock.held() ? CacheFolder.in(options.cacheDir().resolve(name), stamp, memory)
                : CacheFolder.memory(memory, name, stamp);
    }

    /** Marks rendered files that have warnings, so the summary can tell them apart. */
    private static List<SourceFile> withWarnings(List<SourceFile> files, List<Problem> problems) {
        java.util.Set<String> warned = new java.util.HashSet<>();
        problems.stream().filter(p -> p.level() == Problem.Level.WARNING).forEach(p -> warned.add(p.path()));
        List<SourceFile> out = new ArrayList<>();
        for (SourceFile f : files) {
            boolean w = f.outcome() == SourceFile.Outcome.RENDERED && warned.contains(f.path());
            out.add(w ? new SourceFile(f.path(), SourceFile.Outcome.RENDERED_WITH_WARNINGS, f.reason()) : f);
        }
        return out;
    }

    /**
     * The search export being written on a thread of its own. Its time is kept in its place among the stages; the
     * progress listener hears of it when it is joined, on the pipeline's thread, as of every other stage.
     */
    private static final class Exporting {
        private final java.util.concurrent.ExecutorService thread = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "hindsight-export");
            t.setDaemon(true);
            return t;
        });
        private final java.util.concurrent.Future<Result<SearchIndex>> done;

        Exporting(Map<String, Duration> times, Supplier<Result<SearchIndex>> work) {
            times.put("export", Duration.ZERO);
            done = thread.submit(() -> {
                long start = System.nanoTime();
                Result<SearchIndex> r = work.get();
                times.put("export", Duration.ofNanos(System.nanoTime() - start));
                return r;
            });
            thread.shutdown();
        }

        /** Waits for the export and returns its outcome; what it threw is thrown here. */
        Result<SearchIndex> join() {
            boolean interrupted = false;
            try {
                while (true) {
                    try {
                        return done.get();
                    } catch (InterruptedException e) {
                        // The export holds the index open: it is waited for, and the interrupt kept.
                        interrupted = true;
                    }
                }
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                if (e.getCause() instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException(e.getCause());
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private <T> T timed(Map<String, Duration> times, String stage, Supplier<T> work) {
        long start = System.nanoTime();
        T value = work.get();
        Duration d = Duration.ofNanos(System.nanoTime() - start);
        times.put(stage, d);
        progress.accept(stage);
        return value;
    }
}
