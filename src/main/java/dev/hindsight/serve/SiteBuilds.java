package dev.hindsight.serve;

import dev.hindsight.BuildOptions;
import dev.hindsight.BuildReport;
import dev.hindsight.Pipeline;
import dev.hindsight.model.Problem;
import dev.hindsight.model.Validate;
import dev.hindsight.render.SiteRenderer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.LinkedHashMap;

/**
 * Runs the whole pipeline into a fresh generation folder and decides what the preview serves next: the new
 * build when it succeeded, else the last good one together with the new errors.
 * The JVM stays warm between builds, so classes, the JIT and the search index cache carry over.
 */
final class SiteBuilds {
    private final BuildOptions options;
    private final Generations generations;
    private volatile BuildState state = BuildState.STARTING;
    /** The stages of the last good build, full or quick: the input of the next quick rebuild. */
    private Pipeline.Stages last;
    private QuickRebuild quick;
    /** Problems of the last full build's later stages (index, render, report), which a quick rebuild keeps. */
    private List<Problem> later = List.of();
    /** Content-relative paths changed since the last good build. */
    private final Set<Path> pending = new TreeSet<>();
    /** Why the last fast rebuild gave up with an exception, shown with the full build that replaced it. */
    private Optional<Problem> fallback = Optional.empty();

    /** Creates the builder for options whose destination it will replace on every build. */
    SiteBuilds(BuildOptions options, Generations generations) {
        this.options = Validate.notNull(options, "options");
        this.generations = Validate.notNull(generations, "generations");
    }

    /** Returns what is served now. */
    BuildState state() {
        return state;
    }

    /** Builds the whole site once; only one build runs at a time. */
    synchronized BuildState rebuild() {
        return rebuild(Set.of());
    }

    /**
     * Rebuilds after changes to files (absolute paths): only what they affect when {@link QuickRebuild} can, else
     * the whole site. Changes since the last good build are kept, so a fix after a failed attempt covers them all.
     */
    synchronized BuildState rebuild(Set<Path> changed) {
        long start = System.nanoTime();
        pending.addAll(changed);
        if (!changed.isEmpty() && last != null && state.site().isPresent()) {
            Optional<BuildState> fast = quick(start);
            if (fast.isPresent()) {
                return fast.get();
            }
        }
        Path destination = generations.next();
        List<Problem> problems = new ArrayList<>();
        fallback.ifPresent(problems::add);
        fallback = Optional.empty();
        boolean published = false;
        Map<String, Duration> stages = Map.of();
        try {
            Pipeline.Stages[] made = new Pipeline.Stages[1];
            BuildReport report = new Pipeline(stage -> { }, s -> made[0] = s).build(options.withDestination(destination));
            report.problems().stream().filter(p -> p.level() != Problem.Level.INFO).forEach(problems::add);
            published = report.published();
            stages = report.stageTimes();
            if (published) {
                last = made[0];
                quick = new QuickRebuild(options, new SiteRenderer(options.projectDir(), options.contentDir()));
                later = report.problems().stream().filter(p -> !last.problems().contains(p)).toList();
                pending.clear();
                generations.promote(destination);
            } else {
                generations.discard(destination);
            }
        } catch (IOException | UncheckedIOException e) {
            problems.add(Problem.error("", 0, "io", "could not write the preview: " + e.getMessage()));
        } catch (RuntimeException e) {
            // A bug in a stage must not stop the preview; it is shown like any other build error.
            problems.add(Problem.error("", 0, "internal", "the build crashed: " + e
                    + " (please report this with the file that caused it)"));
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        BuildState previous = state;
        Optional<Path> site = published ? Optional.of(destination) : previous.site();
        BuildState next = new BuildState(previous.version() + 1, site, !published, problems, took, stages);
        state = next;
        return next;
    }

    /** Tries the fast path for the pending changes; empty when only a full build will do. */
    private Optional<BuildState> quick(long start) {
        Path content = options.contentDir().toAbsolutePath().normalize();
        Set<String> edited = new TreeSet<>();
        for (Path p : pending) {
            Path abs = p.toAbsolutePath().normalize();
            if (!abs.startsWith(content)) {
                return Optional.empty();
            }
            edited.add(content.relativize(abs).toString().replace('\\', '/'));
        }
        Optional<QuickRebuild.Outcome> done;
        try {
            done = quick.run(last, edited, state.site().get());
        } catch (IOException | RuntimeException e) {
            // The full build that follows puts right a served folder the fast path may have left partly updated,
            // and shows this as a warning.
            fallback = Optional.of(Problem.warning("", 0, "internal", "rebuilding only what changed failed, so "
                    + "everything was rebuilt (please report this): " + e));
            return Optional.empty();
        }
        if (done.isEmpty()) {
            return Optional.empty();
        }
        QuickRebuild.Outcome o = done.get();
        List<Problem> shown = new ArrayList<>();
        o.problems().stream().filter(p -> p.level() != Problem.Level.INFO).forEach(shown::add);
        later.stream().filter(p -> p.level() != Problem.Level.INFO && !edited.contains(p.path())).forEach(shown::add);
        shown.sort(Problem.ORDER);
        if (!o.failed()) {
            last = o.stages();
            pending.clear();
        }
        Map<String, Duration> times = new LinkedHashMap<>(o.times());
        BuildState next = new BuildState(state.version() + 1, state.site(), o.failed(), shown,
                Duration.ofNanos(System.nanoTime() - start), times);
        state = next;
        return Optional.of(next);
    }
}
