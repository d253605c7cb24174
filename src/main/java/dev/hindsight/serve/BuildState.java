package dev.hindsight.serve;

import dev.hindsight.model.Problem;
import dev.hindsight.model.Validate;
import dev.hindsight.publish.SiteFiles;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the preview shows: the last good build's site, and the outcome of the latest attempt.
 *
 * @param version  counts build attempts, good or failed; pages carry it so the browser knows when to reload
 * @param site     the site of the last build that succeeded, or empty before the first success
 * @param failed   true when the latest attempt had errors (the previous good build is still served)
 * @param problems the errors and warnings of the latest attempt
 * @param took     how long the latest attempt took
 * @param stages   how long each pipeline stage of the latest attempt took, in pipeline order
 * @param files    how many files the latest attempt wrote
 * @param cached   how many of its pages came from the build cache instead of being rendered
 * @param early    while a build is under way, the files it has made first and that are served already (the page
 *                 being edited, the pages open in a browser); empty once the build has finished
 */
public record BuildState(long version, Optional<SiteFiles> site, boolean failed, List<Problem> problems, Duration took,
                         Map<String, Duration> stages, int files, int cached, Set<String> early) {
    /** The state before the first build has finished. */
    public static final BuildState STARTING = new BuildState(0, Optional.empty(), false, List.of(), Duration.ZERO,
            Map.of(), 0, 0);

    public BuildState {
        Validate.notNull(site, "site");
        problems = List.copyOf(problems);
        Validate.notNull(took, "took");
        stages = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(stages));
        early = Set.copyOf(early);
    }

    /** Creates the state of a finished build attempt. */
    public BuildState(long version, Optional<SiteFiles> site, boolean failed, List<Problem> problems, Duration took,
                      Map<String, Duration> stages, int files, int cached) {
        this(version, site, failed, problems, took, stages, files, cached, Set.of());
    }

    /**
     * Returns the state of the next build while it is under way: this state's site (the last good one, if any) with
     * the files the build made first put over it. It counts as the next attempt's version, for those files only.
     */
    BuildState withFirst(Map<String, byte[]> first) {
        SiteFiles partial = site.map(s -> s.with(first)).orElseGet(() -> SiteFiles.of(first));
        return new BuildState(version + 1, Optional.of(partial), false, List.of(), Duration.ZERO, Map.of(), 0, 0,
                first.keySet());
    }

    /** Returns true while a build is under way and only the files it made first are served from it. */
    public boolean partial() {
        return !early.isEmpty();
    }

    /**
     * Returns the build a served file belongs to: this state's, or while it is partial, the one before for a file
     * the build has not made yet. Pages carry it, so they reload when their own build is announced, and only then.
     */
    public long versionOf(String path) {
        return partial() && !early.contains(path) ? version - 1 : version;
    }

    /** Returns the stage times as "load 40, check 3, ..." in milliseconds. */
    public String stageSummary() {
        StringBuilder sb = new StringBuilder();
        stages.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append(' ').append(v.toMillis()));
        return sb.toString();
    }

    /** Returns the errors of the latest attempt. */
    public List<Problem> errors() {
        return problems.stream().filter(Problem::isError).toList();
    }
}
