package dev.hindsight.cli;

import dev.hindsight.migrate.Importer;
import dev.hindsight.config.SiteConfigLoader;
import dev.hindsight.model.Problem;
import dev.hindsight.model.Term;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code hindsight import SRC}: converts a collection of postmortems in any house style into Hindsight's format,
 * for a person to confirm with {@code hindsight check}.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Convert a folder of postmortems in any house style into Hindsight's format: front matter with "
                + "every value read or inferred (inferred ones under a '# inferred:' comment, missing ones under "
                + "'# fill in:'), the body as it was, the images it links, and the URL it had (slug). Then run "
                + "'hindsight check': it lists each of those comments once, as the migration checklist.",
                "Never overwrites a different file without --force; a file that would come out the same is left "
                        + "alone, so running it again changes nothing.",
                "Exit codes: 0 done, 2 a file was refused or failed, 64 bad usage."})
public final class ImportCommand implements Callable<Integer> {
    @Parameters(paramLabel = "SRC", description = "The folder of postmortems to import.")
    Path from;

    @Option(names = "--into", paramLabel = "DIR", description = "Where to write (default: SOURCE/content/postmortems).")
    Path into;

    @Option(names = {"-s", "--source"}, paramLabel = "DIR", description = "Project folder (default: current folder).")
    Path source = Path.of(".");

    @Option(names = {"-n", "--dry-run"}, description = "Print what would be done and write nothing.")
    boolean dryRun;

    @Option(names = "--force", description = "Overwrite files that exist and differ.")
    boolean force;

    @Option(names = "--today", paramLabel = "YYYY-MM-DD", description = "The day the loader measures against (default: today, UTC).")
    LocalDate today;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path target = into != null ? into : source.resolve("content/postmortems");
        LocalDate day = today != null ? today : LocalDate.now(ZoneOffset.UTC);
        // The target site's cause categories, for the suggestions import writes as comments.
        List<Term> causes = new SiteConfigLoader().load(source.resolve("content"), day).value().causes();
        Importer.Report r = new Importer().run(new Importer.Options(from, target, dryRun, force, day, causes));
        for (Importer.FileOutcome f : r.files()) {
            String verb = dryRun && f.action() == Importer.Action.WRITE ? "would write" : f.action().name().toLowerCase(java.util.Locale.ROOT);
            out.println(verb + " " + f.path() + (f.target().isEmpty() || f.target().equals(f.path()) ? "" : " -> " + f.target())
                    + (f.detail().isEmpty() ? "" : " (" + f.detail() + ")"));
        }
        r.problems().forEach(p -> err.println(p.format()));
        long written = r.files().stream().filter(f -> f.action() == Importer.Action.WRITE).count();
        long same = r.files().stream().filter(f -> f.action() == Importer.Action.UNCHANGED).count();
        out.println((dryRun ? "would write " : "wrote ") + written + " files, " + same + " unchanged, into "
                + target.toAbsolutePath().normalize());
        out.println(r.found().line());
        if (!dryRun && written + same > 0) {
            out.println("next: hindsight check --content " + target + "  (each '# inferred' and '# fill in' is one item to confirm)");
        }
        return r.problems().stream().anyMatch(Problem::isError) ? Main.ERRORS : Main.OK;
    }
}
