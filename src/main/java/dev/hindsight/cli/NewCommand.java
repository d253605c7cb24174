package dev.hindsight.cli;

import dev.hindsight.check.Suggestions;
import dev.hindsight.config.SiteConfigLoader;
import dev.hindsight.load.Slugs;
import dev.hindsight.model.DateRange;
import dev.hindsight.model.Problem;
import dev.hindsight.model.Result;
import dev.hindsight.model.SiteConfig;
import dev.hindsight.model.Term;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code hindsight new "Title"}: starts a postmortem from the archetype, as a draft dated today.
 */
@Command(name = "new", mixinStandardHelpOptions = true,
        description = {"Create content/postmortems/YYYY-MM-DD-<slug>.md from the archetype: status draft, every "
                + "section with a one-line prompt, example action items. Never overwrites a file.",
                "The archetype is the project's archetypes/postmortem.md, else themes/default/archetypes/postmortem.md, "
                        + "else the built-in one."})
public final class NewCommand implements Callable<Integer> {
    @Parameters(paramLabel = "TITLE", arity = "1..*", description = "The incident title (quote it, or give several words).")
    List<String> title;

    @Option(names = {"-s", "--source"}, paramLabel = "DIR", description = "Project folder (default: current folder).")
    Path source = Path.of(".");

    @Option(names = {"-c", "--content"}, paramLabel = "DIR", description = "Content folder (default: SOURCE/content).")
    Path content;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "The day the incident started (default: today, UTC).")
    LocalDate date;

    @Option(names = "--severity", paramLabel = "ID", description = "A severity id from site.yml.")
    String severity;

    @Option(names = "--service", paramLabel = "ID", description = "An affected service id from site.yml; repeat for several.")
    List<String> services = new ArrayList<>();

    @Option(names = "--team", paramLabel = "ID", description = "A team id from site.yml; repeat for several (default: the services' owning teams).")
    List<String> teams = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String text = String.join(" ", title).strip();
        if (text.isEmpty()) {
            err.println("hindsight new: the title is empty");
            return Main.USAGE;
        }
        Path project = source.toAbsolutePath().normalize();
        Path contentDir = content != null ? content.toAbsolutePath().normalize() : project.resolve("content");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        DateRange range = DateRange.asOf(today);
        if (date != null && !range.contains(date)) {
            err.println("hindsight new: --date " + date + " is outside the dates taken as real (" + range.text()
                    + "): a build would read it as a typo and show the incident as undated; check the year");
            return Main.USAGE;
        }
        LocalDate day = date != null ? date : today;
        Result<SiteConfig> config = new SiteConfigLoader().load(contentDir, day);
        config.problems().stream().filter(Problem::isError)
                .forEach(p -> err.println("hindsight new: note: " + p.format() + " (the defaults are used)"));
        List<String> unknown = unknownIds(config.value());
        if (!unknown.isEmpty()) {
            unknown.forEach(u -> err.println("hindsight new: " + u));
            return Main.USAGE;
        }
        Result<Archetype> archetype = Archetype.find(project);
        if (archetype.hasErrors()) {
            archetype.problems().forEach(p -> err.println(p.format()));
            return Main.ERRORS;
        }
        String slug = Slugs.of(text);
        String name = day + "-" + slug;
        Path dir = contentDir.resolve("postmortems");
        Path file = dir.resolve(name + ".md");
        if (Files.exists(file) || Files.exists(dir.resolve(name))) {
            err.println("hindsight new: refusing to overwrite " + shown(file) + ": it exists already. "
                    + "Edit it, or choose another title or --date.");
            return Main.ERRORS;
        }
        Result<String> filled = archetype.value().render(model(text, slug, day, config.value()));
        if (filled.hasErrors()) {
            filled.problems().forEach(p -> err.println(p.format()));
            return Main.ERRORS;
        }
        try {
            Files.createDirectories(dir);
            Files.writeString(file, filled.value(), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            err.println("hindsight new: refusing to overwrite " + shown(file) + ": it exists already.");
            return Main.ERRORS;
        } catch (IOException e) {
            err.println("hindsight new: could not write " + shown(file) + ": " + e.getMessage());
            return Main.ERRORS;
        }
        out.println("created " + shown(file) + " (draft, from " + archetype.value().name() + ")");
        out.println("next: answer the TODO prompts, preview with `hindsight serve`, and run `hindsight check` before the pull request");
        return Main.OK;
    }

    private List<String> unknownIds(SiteConfig cfg) {
        List<String> out = new ArrayList<>();
        if (severity != null) {
            unknown(severity, cfg.severities(), "severities", "severity", out);
        }
        services.forEach(s -> unknown(s, cfg.services(), "services", "service", out));
        teams.forEach(t -> unknown(t, cfg.teams(), "teams", "team", out));
        return out;
    }

    private static void unknown(String id, List<Term> vocabulary, String setting, String noun, List<String> out) {
        if (!vocabulary.isEmpty() && vocabulary.stream().noneMatch(t -> t.id().equals(id))) {
            out.add("unknown " + noun + " `" + id + "`" + Suggestions.hint(id, vocabulary, setting));
        }
    }

    private Map<String, Object> model(String text, String slug, LocalDate day, SiteConfig cfg) {
        List<String> teamIds = new ArrayList<>(teams);
        if (teamIds.isEmpty()) {
            LinkedHashSet<String> owners = new LinkedHashSet<>();
            for (String s : services) {
                cfg.services().stream().filter(t -> t.id().equals(s)).findFirst().flatMap(Term::team).ifPresent(owners::add);
            }
            teamIds.addAll(owners);
        }
        Map<String, Object> m = new HashMap<>();
        m.put("title", text);
        m.put("titleYaml", Archetype.yaml(text));
        m.put("slug", slug);
        m.put("date", day.toString());
        m.put("severity", severity == null ? "" : severity);
        m.put("services", List.copyOf(services));
        m.put("teams", List.copyOf(teamIds));
        m.put("severities", ids(cfg.severities()));
        m.put("causes", ids(cfg.causes()));
        m.put("allServices", ids(cfg.services()));
        m.put("allTeams", ids(cfg.teams()));
        m.put("dueSoon", day.plusWeeks(2).toString());
        m.put("dueLater", day.plusWeeks(6).toString());
        return m;
    }

    private static List<String> ids(List<Term> vocabulary) {
        return vocabulary.stream().map(Term::id).toList();
    }

    private static String shown(Path file) {
        Path cwd = Path.of("").toAbsolutePath().normalize();
        return (file.startsWith(cwd) ? cwd.relativize(file) : file).toString().replace('\\', '/');
    }
}
