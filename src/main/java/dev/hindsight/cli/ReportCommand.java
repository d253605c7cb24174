package dev.hindsight.cli;

import dev.hindsight.BuildOptions;
import dev.hindsight.analyze.Analysis;
import dev.hindsight.analyze.Analyzer;
import dev.hindsight.index.SearchIndex;
import dev.hindsight.index.SearchIndexer;
import dev.hindsight.model.Problem;
import dev.hindsight.model.Result;
import dev.hindsight.model.Site;
import dev.hindsight.report.ReportExport;
import dev.hindsight.report.ReportFactory;
import dev.hindsight.report.ReportScope;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code hindsight report}: writes the meta-review report of one year (or all years) as Markdown, JSON or a
 * standalone HTML page. It loads, analyzes and indexes the content with the build's own stages, without writing a site.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write the meta-review report of a year: recurring causes, fixes that did not hold, action-item follow-through.")
public final class ReportCommand implements Callable<Integer> {
    @Mixin
    SiteOptions site;

    @Option(names = {"-y", "--year"}, paramLabel = "YYYY|all", description = "The year to review, or 'all' (default: the latest year with incidents).")
    String year;

    @Option(names = {"-f", "--format"}, paramLabel = "html|md|json", defaultValue = "md",
            description = "md for a meeting document (default), json for other tools, html for one standalone page.")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    Path output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<ReportExport.Format> fmt = ReportExport.Format.parse(format);
        if (fmt.isEmpty()) {
            err.println("hindsight: unknown format '" + format + "': use html, md or json");
            return Main.USAGE;
        }
        Optional<BuildOptions> found = site.existing(err);
        if (found.isEmpty()) {
            return Main.USAGE;
        }
        BuildOptions options = found.get();
        List<Problem> problems = new ArrayList<>();
        Site loaded = SiteOptions.load(options, problems);
        Analysis analysis = new Analyzer().analyze(loaded);
        Result<SearchIndex> index = new SearchIndexer().index(loaded, analysis, options.cacheDir(), (path, bytes) -> { });
        problems.addAll(index.problems());
        ReportFactory factory = new ReportFactory(loaded, analysis, index.value());
        Optional<ReportScope> scope = scope(factory, err);
        if (scope.isEmpty()) {
            return Main.USAGE;
        }
        Result<String> doc = new ReportExport(options.projectDir()).export(factory, scope.get(), fmt.get());
        problems.addAll(doc.problems());
        for (Problem p : problems) {
            if (p.isError()) {
                err.println(p.format());
            }
        }
        if (doc.hasErrors()) {
            return Main.ERRORS;
        }
        if (output == null) {
            out.print(doc.value());
        } else {
            try {
                Path target = output.toAbsolutePath().normalize();
                if (target.getParent() != null) {
                    Files.createDirectories(target.getParent());
                }
                Files.writeString(target, doc.value(), StandardCharsets.UTF_8);
                err.println("wrote the " + scope.get().title() + " report to " + target);
            } catch (IOException e) {
                err.println("hindsight: could not write " + output + ": " + e.getMessage());
                return Main.ERRORS;
            }
        }
        return problems.stream().anyMatch(Problem::isError) ? Main.ERRORS : Main.OK;
    }

    private Optional<ReportScope> scope(ReportFactory factory, PrintWriter err) {
        List<Integer> years = factory.years();
        if (year == null) {
            if (years.isEmpty()) {
                err.println("hindsight: no incidents found, so there is no year to review; the report below is empty");
                return Optional.of(ReportScope.all());
            }
            return Optional.of(ReportScope.of(years.get(0)));
        }
        Optional<ReportScope> s = ReportScope.parse(year);
        if (s.isEmpty()) {
            err.println("hindsight: --year takes a four-digit year or 'all', not '" + year + "'");
            return Optional.empty();
        }
        if (s.get().year().isPresent() && !years.contains(s.get().year().get())) {
            err.println("hindsight: no incidents in " + year + (years.isEmpty() ? "" : " (years with incidents: "
                    + years.get(years.size() - 1) + "\u2013" + years.get(0) + ")"));
            return Optional.empty();
        }
        return s;
    }
}
