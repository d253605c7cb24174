package dev.hindsight.serve;

import dev.hindsight.BuildOptions;
import dev.hindsight.BuildReport;
import dev.hindsight.Pipeline;
import dev.hindsight.model.Problem;
import dev.hindsight.model.Validate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs the whole pipeline into a fresh generation folder and decides what the preview serves next: the new
 * build when it succeeded, else the last good one together with the new errors.
 * The JVM stays warm between builds, so classes, the JIT and the search index cache carry over.
 */
final class SiteBuilds {
    private final BuildOptions options;
    private final Generations generations;
    private volatile BuildState state = BuildState.STARTING;

    /** Creates the builder for options whose destination it will replace on every build. */
    SiteBuilds(BuildOptions options, Generations generations) {
        this.options = Validate.notNull(options, "options");
        this.generations = Validate.notNull(generations, "generations");
    }

    /** Returns what is served now. */
    BuildState state() {
        return state;
    }

    /** Builds the site once; only one build runs at a time. */
    synchronized BuildState rebuild() {
        long start = System.nanoTime();
        Path destination = generations.next();
        List<Problem> problems = new ArrayList<>();
        boolean published = false;
        Map<String, Duration> stages = Map.of();
        try {
            BuildReport report = new Pipeline(stage -> { }).build(options.withDestination(destination));
            report.problems().stream().filter(p -> p.level() != Problem.Level.INFO).forEach(problems::add);
            published = report.published();
            stages = report.stageTimes();
            if (published) {
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
}
