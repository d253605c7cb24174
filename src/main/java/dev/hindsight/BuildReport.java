package dev.hindsight;

import dev.hindsight.model.Problem;
import dev.hindsight.model.SourceFile;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a build did: the problems, the account of every content file, the stage times and what was written.
 *
 * @param problems     every problem, sorted
 * @param files        one entry per file under the content folder
 * @param stageTimes   stage name to wall time, in pipeline order (the export's overlaps the check, render and report
 *                     stages', which run beside it)
 * @param took         the whole build's wall time, from reading the configuration to publishing
 * @param incidents    incidents built
 * @param inferred     incidents with at least one inferred value
 * @param inferences   inferred values in all
 * @param outputFiles  files written to the site
 * @param cachedPages  pages of those copied from the page cache instead of rendered
 * @param keptLists    incidents whose similar lists were kept from the build cache instead of made
 * @param published    true when the new site replaced the destination
 */
public record BuildReport(List<Problem> problems, List<SourceFile> files, Map<String, Duration> stageTimes,
                          Duration took, int incidents, int inferred, int inferences, int outputFiles, int cachedPages, int keptLists, boolean published,
                          dev.hindsight.model.Coverage coverage) {
    public BuildReport {
        problems = List.copyOf(problems);
        files = List.copyOf(files);
        stageTimes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(stageTimes));
        dev.hindsight.model.Validate.notNull(took, "took");
    }

    /** Returns the number of problems at a level. */
    public long count(Problem.Level level) {
        return problems.stream().filter(p -> p.level() == level).count();
    }

    /** Returns the number of files with an outcome. */
    public long count(SourceFile.Outcome outcome) {
        return files.stream().filter(f -> f.outcome() == outcome).count();
    }

    /** Returns true when any problem is an error. */
    public boolean hasErrors() {
        return problems.stream().anyMatch(Problem::isError);
    }
}
