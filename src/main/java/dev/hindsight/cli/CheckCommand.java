package dev.hindsight.cli;

import dev.hindsight.check.ContentCheck;
import dev.hindsight.check.ProblemFormat;
import dev.hindsight.model.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code hindsight check}: loads site.yml and the content and runs every check, writing nothing.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Check the content for errors and warnings without building: site.yml, front matter, "
                + "vocabularies, references, links, images, dates, missing sections, action items and blameless language.",
                "Exit codes: 0 clean, 1 warnings (with --strict), 2 errors, 64 bad usage."})
public final class CheckCommand implements Callable<Integer> {
    @Option(names = {"-s", "--source"}, paramLabel = "DIR", description = "Project folder (default: current folder).")
    Path source = Path.of(".");

    @Option(names = {"-c", "--content"}, paramLabel = "DIR", description = "Content folder (default: SOURCE/content).")
    Path content;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "text (file:line:col: level: message [rule]), github (workflow annotations) or json. Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--strict", description = "Exit with 1 when there are warnings (and no errors).")
    boolean strict;

    @Option(names = "--no-drafts", description = "Leave drafts out (by default drafts are checked too).")
    boolean noDrafts;

    @Option(names = {"-v", "--verbose"}, description = "Also print notes (inferred values, defaults used).")
    boolean verbose;

    @Option(names = "--today", paramLabel = "YYYY-MM-DD", description = "The day future dates are measured against (default: today, UTC).")
    LocalDate today;

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "Report only these files or folders (the whole site is still loaded).")
    List<Path> files = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ProblemFormat fmt;
        try {
            fmt = ProblemFormat.parse(format);
        } catch (IllegalArgumentException e) {
            err.println("hindsight: unknown --format '" + format + "' (use text, github or json)");
            return Main.USAGE;
        }
        Path project = source.toAbsolutePath().normalize();
        Path contentDir = content != null ? content.toAbsolutePath().normalize() : project.resolve("content");
        if (!Files.isDirectory(contentDir)) {
            err.println("hindsight: content folder not found: " + contentDir);
            return Main.USAGE;
        }
        ContentCheck.Report report = new ContentCheck().run(contentDir,
                today != null ? today : LocalDate.now(ZoneOffset.UTC), !noDrafts);
        List<String> only = files.stream().map(f -> relative(contentDir, f)).toList();
        List<Problem> shown = report.problems().stream()
                .filter(p -> verbose || p.level() != Problem.Level.INFO)
                .filter(p -> only.isEmpty() || only.stream().anyMatch(o -> p.path().equals(o) || p.path().startsWith(o + "/")))
                .toList();
        out.print(fmt.format(shown, p -> displayPath(contentDir, p)));
        out.flush();
        long errors = shown.stream().filter(Problem::isError).count();
        long warnings = shown.stream().filter(p -> p.level() == Problem.Level.WARNING).count();
        if (fmt != ProblemFormat.JSON) {
            err.printf(Locale.ROOT, "hindsight check: %d incidents, %d files: %d %s, %d %s%n", report.incidents(),
                    report.files(), errors, errors == 1 ? "error" : "errors", warnings, warnings == 1 ? "warning" : "warnings");
        }
        if (errors > 0) {
            return Main.ERRORS;
        }
        return strict && warnings > 0 ? Main.WARNINGS : Main.OK;
    }

    /** Returns a file argument as a path relative to the content folder, with '/' separators. */
    private static String relative(Path contentDir, Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Path rel = abs.startsWith(contentDir) ? contentDir.relativize(abs) : file.normalize();
        return rel.toString().replace('\\', '/');
    }

    /**
     * Returns the path to print: relative to the working folder when the file is under it (as CI annotations need).
     * A name this system cannot encode as a path (a name the loader reports as unreadable) is printed as it is.
     */
    static String displayPath(Path contentDir, String contentRelative) {
        Path file;
        try {
            file = contentDir.resolve(contentRelative).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            return contentRelative;
        }
        Path cwd = Path.of("").toAbsolutePath().normalize();
        Path shown = file.startsWith(cwd) ? cwd.relativize(file) : file;
        return shown.toString().replace('\\', '/');
    }
}
