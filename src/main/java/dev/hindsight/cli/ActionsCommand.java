package dev.hindsight.cli;

import dev.hindsight.BuildOptions;
import dev.hindsight.analyze.Analyzer;
import dev.hindsight.analyze.LedgerEntry;
import dev.hindsight.analyze.OpenItems;
import dev.hindsight.model.Problem;
import dev.hindsight.model.Site;
import dev.hindsight.model.SiteConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code hindsight actions}: lists the open action items grouped by owner team, overdue first, for a scheduled
 * workflow to post. It loads and analyzes the content with the build's own stages and writes no site.
 */
@Command(name = "actions", mixinStandardHelpOptions = true,
        description = {"List the open action items by owner team, overdue first: as text, JSON, or GitHub workflow annotations.",
                "Exit codes: 0 when the list was made (whether or not anything is overdue), 2 errors in the content, "
                        + "64 bad usage (such as a team site.yml does not know)."})
public final class ActionsCommand implements Callable<Integer> {
    @Mixin
    SiteOptions site;

    @Option(names = "--overdue", description = "Only the overdue items.")
    boolean overdue;

    @Option(names = {"-t", "--team"}, paramLabel = "TEAM", description = "Only the items of one owner team: its id or label "
            + "from site.yml, in any case, or no-owner-team.")
    String team;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "text (for people), json (for tools) or github (workflow annotations). Default: ${DEFAULT-VALUE}.")
    String format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<ActionsFormat> fmt = ActionsFormat.parse(format);
        if (fmt.isEmpty()) {
            err.println("hindsight: unknown --format '" + format + "' (use text, json or github)");
            return Main.USAGE;
        }
        Optional<BuildOptions> found = site.existing(err);
        if (found.isEmpty()) {
            return Main.USAGE;
        }
        BuildOptions options = found.get();
        List<Problem> problems = new ArrayList<>();
        Site s = SiteOptions.load(options, problems);
        SiteConfig cfg = s.config();
        problems.stream().filter(Problem::isError).forEach(p -> err.println(p.format()));
        List<OpenItems> groups = OpenItems.of(new Analyzer().analyze(s).ledger());
        if (team != null) {
            Optional<List<OpenItems>> chosen = OpenItems.ofTeam(team, cfg.teams(), groups);
            if (chosen.isEmpty()) {
                err.println("hindsight: unknown team '" + team + "' (known: " + String.join(", ", OpenItems.teamNames(cfg.teams(), groups)) + ")");
                return Main.USAGE;
            }
            groups = chosen.get();
        }
        if (overdue) {
            groups = groups.stream().map(g -> new OpenItems(g.team(), g.items().stream().filter(LedgerEntry::overdue).toList()))
                    .filter(g -> !g.items().isEmpty()).toList();
        }
        out.print(fmt.get().format(groups, s, cfg, path -> CheckCommand.displayPath(options.contentDir(), path)));
        out.flush();
        if (fmt.get() != ActionsFormat.JSON) {
            int n = groups.stream().mapToInt(g -> g.items().size()).sum();
            int late = groups.stream().mapToInt(OpenItems::overdue).sum();
            err.printf(Locale.ROOT, "hindsight actions: %s, as of %s%n", overdue
                    ? n + " overdue action item" + (n == 1 ? "" : "s")
                    : n + " open action item" + (n == 1 ? "" : "s") + ", " + late + " overdue", cfg.today());
        }
        return problems.stream().anyMatch(Problem::isError) ? Main.ERRORS : Main.OK;
    }
}
