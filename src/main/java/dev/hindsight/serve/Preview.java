package dev.hindsight.serve;

import dev.hindsight.BuildOptions;
import dev.hindsight.model.ContentChanges;
import dev.hindsight.model.Problem;
import dev.hindsight.model.Validate;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * {@code hindsight serve}: builds the site, serves it, watches the sources and rebuilds on every change, and tells
 * open pages to reload. Drafts are included and carry the theme's draft banner. A build with errors leaves the
 * last good build up, with the errors shown in a banner on every page and in the log.
 *
 * <p>Every change runs the build pipeline in the warm JVM, with the build cache in memory (see {@link SiteBuilds}),
 * and the site it publishes to memory is switched in whole. The log line says how many files the build wrote and
 * how many of its pages came from the cache.
 */
public final class Preview implements AutoCloseable {
    private final ServeOptions options;
    private final Consumer<String> log;
    private final DevServer server;
    private final SiteBuilds builds;
    private final SiteWatcher watcher;
    private final URI url;
    private final ExecutorService rebuilds = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "hindsight-rebuild");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean queued = new AtomicBoolean();
    private final AtomicBoolean running = new AtomicBoolean();
    /** Set when the preview is being stopped: a build it interrupts is not reported as failed. */
    private final AtomicBoolean closing = new AtomicBoolean();
    private final Set<Path> changes = new TreeSet<>();
    /** Every path seen changing since the last build took them (see {@link ChangeBatch.Batch#seen()}); guarded by changes. */
    private final Set<Path> seen = new TreeSet<>();
    /** True when a build was asked for with no list of what changed; guarded by changes. */
    private boolean unlisted;
    private final Object versions = new Object();

    private Preview(ServeOptions options, Consumer<String> log) throws IOException {
        this.options = options;
        this.log = log;
        this.server = new DevServer(options.bind(), options.port(), this::state, this::building);
        this.url = URI.create("http://" + host(options.bind()) + ":" + server.port() + "/");
        BuildOptions build = options.build();
        if (build.baseUrl().isEmpty()) {
            build = build.withBaseUrl(url.toString());
        }
        this.builds = new SiteBuilds(build);
        this.watcher = new SiteWatcher(options.watched(), List.of(build.cacheDir(), build.destination()),
                options.debounce(), this::changed);
    }

    /** Binds the port, starts serving and watching, and starts the first build; it does not wait for the build. */
    public static Preview start(ServeOptions options, Consumer<String> log) throws IOException {
        Validate.notNull(options, "options");
        Validate.notNull(log, "log");
        Preview p = new Preview(options, log);
        p.server.start();
        p.watcher.start();
        p.queue();
        return p;
    }

    /** Returns the address the site is served at, ending in '/', with a literal IP address. */
    public URI url() {
        return url;
    }

    /** Returns what is served now. */
    public BuildState state() {
        return builds.state();
    }

    /** Returns the number of pages listening for reload events. */
    public int listeners() {
        return server.events().clients();
    }

    /**
     * Waits until the build attempt with this version (or a later one) has finished, not only served its first
     * pages; returns the state then.
     */
    public BuildState awaitVersion(long version, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        synchronized (versions) {
            // A partial state (only a build's first pages served) is not the build's end.
            while (state().version() < version || state().partial()) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                TimeUnit.NANOSECONDS.timedWait(versions, left);
            }
        }
        return state();
    }

    /** Starts a rebuild now, as a change would (for tests and a manual trigger). */
    public void rebuild() {
        synchronized (changes) {
            unlisted = true;
        }
        queue();
    }

    private void changed(ChangeBatch.Batch batch) {
        synchronized (changes) {
            changes.addAll(batch.changed());
            seen.addAll(batch.seen());
        }
        if (!batch.changed().isEmpty()) {
            queue();
        }
    }

    /** Returns true while a build runs or waits to run. */
    public boolean building() {
        return queued.get() || running.get();
    }

    private void queue() {
        if (queued.compareAndSet(false, true)) {
            rebuilds.execute(this::runBuild);
        }
    }

    private void runBuild() {
        running.set(true);
        try {
            build();
        } finally {
            running.set(false);
        }
    }

    private void build() {
        queued.set(false);
        Set<Path> changed;
        ContentChanges listed;
        synchronized (changes) {
            changed = new TreeSet<>(changes);
            listed = unlisted ? ContentChanges.UNKNOWN : ContentChanges.only(contentPaths(seen));
            changes.clear();
            seen.clear();
            unlisted = false;
        }
        Set<String> early = new TreeSet<>();
        AtomicReference<BuildState> firstState = new AtomicReference<>();
        // Until a build has succeeded, the pages asked for meanwhile and the home page (the address printed at
        // start) come first too.
        boolean nothingServed = builds.state().site().isEmpty();
        Supplier<Set<String>> open = () -> {
            Set<String> pages = new TreeSet<>(server.events().pages());
            pages.addAll(server.waiting());
            if (nothingServed) {
                pages.add(DevServer.siteFile("/"));
            }
            return pages;
        };
        BuildState s = builds.rebuild(contentPaths(changed), listed, open, partial -> {
            early.addAll(partial.early());
            firstState.set(partial);
            server.events().broadcast(partial.version(), partial.early());
        });
        if (closing.get() && s.failed()) {
            // Stopped mid-build (Ctrl+C): the stages end as they are interrupted, which is no failure of the content.
            log.accept("stopped during a build");
        } else {
            report(s, changed);
            if (s.failed()) {
                // The pages served first are taken back with the rest of the failed build.
                server.events().reload(early);
            } else {
                // A page served first with the similar lists of the build before, whose lists then changed.
                server.events().reload(changedSinceFirst(firstState.get(), s));
            }
        }
        server.events().broadcast(s.version());
        synchronized (versions) {
            versions.notifyAll();
        }
    }

    /** Returns the files a build served first whose bytes it then published otherwise. */
    private static Set<String> changedSinceFirst(BuildState first, BuildState done) {
        if (first == null || done.site().isEmpty()) {
            return Set.of();
        }
        Set<String> changed = new TreeSet<>();
        for (String path : first.early()) {
            byte[] served = first.site().flatMap(site -> site.file(path)).orElse(new byte[0]);
            if (!Arrays.equals(served, done.site().get().file(path).orElse(new byte[0]))) {
                changed.add(path);
            }
        }
        return changed;
    }

    private void report(BuildState s, Set<Path> changed) {
        long ms = s.took().toMillis();
        long errors = s.errors().size();
        long warnings = s.problems().size() - errors;
        String what = changed.isEmpty() ? "" : " (" + describe(changed) + ")";
        if (s.failed()) {
            log.accept(String.format(Locale.ROOT, "build failed in %d ms%s: %d %s, %d warnings; %s", ms, what, errors,
                    errors == 1 ? "error" : "errors", warnings,
                    s.site().isPresent() ? "still serving the last good build" : "nothing to serve yet"));
            s.errors().forEach(p -> log.accept("  " + p.format()));
            return;
        }
        log.accept(String.format(Locale.ROOT, "%s in %d ms%s: %d files, %d pages from the cache, %d warnings [%s]",
                s.version() == 1 ? "built" : "rebuilt", ms, what, s.files(), s.cached(), warnings, s.stageSummary()));
        Set<String> touched = contentPaths(changed);
        s.problems().stream().filter(p -> touched.contains(p.path())).map(Problem::format)
                .forEach(line -> log.accept("  " + line));
    }

    /**
     * Returns the paths under the content folder, relative to it and '/'-separated (as problems name them); the folder
     * itself is "".
     */
    private Set<String> contentPaths(Set<Path> paths) {
        Set<String> out = new TreeSet<>();
        Path content = options.build().contentDir().toAbsolutePath().normalize();
        paths.stream().filter(p -> p.startsWith(content))
                .forEach(p -> out.add(content.relativize(p).toString().replace('\\', '/')));
        return out;
    }

    private String describe(Set<Path> changed) {
        Path first = changed.iterator().next();
        Path project = options.build().projectDir().toAbsolutePath().normalize();
        String name = first.startsWith(project) ? project.relativize(first).toString() : first.toString();
        return changed.size() == 1 ? name : name + " and " + (changed.size() - 1) + " more";
    }

    /** Returns the host for URLs: the loopback address for loopback and wildcard binds, else the bind address. */
    private static String host(String bind) throws IOException {
        InetAddress a = InetAddress.getByName(bind);
        if (a.isAnyLocalAddress()) {
            return a instanceof java.net.Inet6Address ? "[::1]" : "127.0.0.1";
        }
        String h = a.getHostAddress();
        return h.contains(":") ? "[" + h + "]" : h;
    }

    /** Stops watching, building and serving. */
    @Override
    public void close() throws IOException {
        closing.set(true);
        watcher.close();
        rebuilds.shutdownNow();
        try {
            rebuilds.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server.close();
    }
}
