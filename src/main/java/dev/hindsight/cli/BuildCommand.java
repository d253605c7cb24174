package dev.hindsight.cli;

import dev.hindsight.BuildOptions;
import dev.hindsight.BuildReport;
import dev.hindsight.Pipeline;
import dev.hindsight.model.Problem;
import dev.hindsight.model.SourceFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code hindsight build}: builds the site into public/.
 */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = "Build the site from the content folder into the destination (default public/).")
public final class BuildCommand implements Callable<Integer> {
    @Mixin
    SiteOptions site;

    @Option(names = "--with-bodies", description = "Keep each incident's body (its sections' text) in incidents.json; "
            + "left out by default to keep the file small.")
    boolean withBodies;

    @Option(names = "--no-cache", description = "Build without the build cache: read nothing from --cache-dir and "
            + "write nothing there. For a CI job that does not keep the cache between runs: every build is cold, and "
            + "skips the cache's work (the site is the same).")
    boolean noCache;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        BuildOptions built = site.toBuildOptions().withBodies(withBodies);
        BuildOptions options = noCache ? built.withoutCache() : built;
        if (!Files.isDirectory(options.contentDir())) {
            err.println("hindsight: content folder not found: " + options.contentDir());
            return Main.USAGE;
        }
        StageProgress progress = new StageProgress(err, StageProgress.isTerminal(System.getenv(), System.console() != null));
        BuildReport report = new Pipeline(progress).build(options);
        progress.finish();
        return printReport(report, options, out, err);
    }

    /** More warnings than this are printed one line per rule; `hindsight check` lists them all. */
    static final int GROUP_WARNINGS = 20;
    private static final int SHOWN_FILES = 3;

    /** Prints one line per warning rule: how many, and the first few places. */
    private static void groupedWarnings(BuildReport report, PrintWriter err) {
        java.util.Map<String, java.util.List<Problem>> byRule = new java.util.TreeMap<>();
        report.problems().stream().filter(p -> p.level() == Problem.Level.WARNING)
                .forEach(p -> byRule.computeIfAbsent(p.rule(), k -> new java.util.ArrayList<>()).add(p));
        byRule.forEach((rule, list) -> err.println(String.format(Locale.ROOT, "warning [%s] %d time%s: %s%s", rule,
                list.size(), list.size() == 1 ? "" : "s", String.join(", ", list.stream().limit(SHOWN_FILES)
                        .map(Problem::where).toList()), list.size() > SHOWN_FILES ? ", ..." : "")));
        err.println(report.count(Problem.Level.WARNING) + " warnings in all; `hindsight check` lists every one with its message");
    }

    /** Prints problems, stage times and counts, and returns the exit code for them. */
    static int printReport(BuildReport report, BuildOptions options, PrintWriter out, PrintWriter err) {
        long warnings = report.count(Problem.Level.WARNING);
        for (Problem p : report.problems()) {
            if (p.level() == Problem.Level.ERROR || p.level() == Problem.Level.WARNING && warnings <= GROUP_WARNINGS) {
                err.println(p.format());
            }
        }
        if (warnings > GROUP_WARNINGS) {
            groupedWarnings(report, err);
        }
        StringBuilder stages = new StringBuilder("stages:");
        for (var e : report.stageTimes().entrySet()) {
            stages.append(' ').append(e.getKey()).append(' ').append(e.getValue().toMillis()).append(" ms,");
        }
        stages.setLength(stages.length() - 1);
        // The export runs beside the checks, pages and reports: the build took less than its stages' sum.
        out.println(stages + " (total " + report.took().toMillis() + " ms)");
        out.printf(Locale.ROOT, "files: %d in content: %d rendered, %d rendered with warnings, %d resources, %d skipped, %d failed%n",
                report.files().size(), report.count(SourceFile.Outcome.RENDERED),
                report.count(SourceFile.Outcome.RENDERED_WITH_WARNINGS), report.count(SourceFile.Outcome.RESOURCE),
                report.count(SourceFile.Outcome.SKIPPED), report.count(SourceFile.Outcome.FAILED));
        for (SourceFile f : report.files()) {
            if (f.outcome() == SourceFile.Outcome.SKIPPED || f.outcome() == SourceFile.Outcome.FAILED) {
                out.println("  " + f.outcome().name().toLowerCase(Locale.ROOT) + ": " + f.path() + " (" + f.reason() + ")");
            }
        }
        out.printf(Locale.ROOT, "incidents: %d, with inferred values: %d (%d inferences); problems: %d errors, %d warnings, %d notes%n",
                report.incidents(), report.inferred(), report.inferences(), report.count(Problem.Level.ERROR),
                report.count(Problem.Level.WARNING), report.count(Problem.Level.INFO));
        if (report.incidents() > 0) {
            out.println(report.coverage().line());
        }
        if (report.published()) {
            out.println("wrote " + report.outputFiles() + " files to " + options.destination() + fromCache(report));
            return Main.OK;
        }
        err.println("build failed: " + options.destination() + " was left as it was");
        return Main.ERRORS;
    }

    /** Returns what a build took from the cache, for the line that says what it wrote; empty when nothing. */
    private static String fromCache(BuildReport report) {
        java.util.List<String> parts = new java.util.ArrayList<>();
        if (report.cachedPages() > 0) {
            parts.add(report.cachedPages() + " pages unchanged, copied from the cache");
        }
        if (report.keptLists() > 0 && report.keptLists() < report.incidents()) {
            parts.add(report.keptLists() + " of " + report.incidents() + " similar lists kept");
        }
        return parts.isEmpty() ? "" : " (" + String.join("; ", parts) + ")";
    }
}
