package dev.hindsight.migrate;

import dev.hindsight.config.SiteConfigLoader;
import dev.hindsight.config.SourceText;
import dev.hindsight.config.YamlNode;
import dev.hindsight.load.ContentLoader;
import dev.hindsight.load.Header;
import dev.hindsight.model.Coverage;
import dev.hindsight.model.FrontMatterKey;
import dev.hindsight.model.ImportMarks;
import dev.hindsight.model.Postmortem;
import dev.hindsight.model.Problem;
import dev.hindsight.model.Result;
import dev.hindsight.model.Site;
import dev.hindsight.model.SiteConfig;
import dev.hindsight.model.SourceFile;
import dev.hindsight.model.Term;
import dev.hindsight.model.Validate;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Converts a collection into Hindsight's format once, for a person to confirm: reads it with the loader (every
 * house style the build reads), then writes each postmortem with front matter holding what was read or inferred
 * ({@link FrontMatterPlan}), its body as it was but for root-absolute image links ({@link ImageLinks}), and the
 * images it links. It never overwrites a different file without {@code force}, refuses a source inside the target
 * (or the target inside the source), writes each file atomically ({@link Writes}), and writes nothing on a dry run.
 * A file that would come out as it already is counts as unchanged, so a second run, or an import of an imported
 * tree, changes nothing.
 */
public final class Importer {

    /**
     * What to import, and how.
     *
     * @param source the collection
     * @param into   the folder to write to
     * @param dryRun report only
     * @param force  overwrite files that differ
     * @param today  the day the loader measures against
     * @param causes the target site's cause categories, for the suggestions written as comments (may be empty)
     */
    public record Options(Path source, Path into, boolean dryRun, boolean force, LocalDate today, List<Term> causes) {
        public Options {
            source = source.toAbsolutePath().normalize();
            into = into.toAbsolutePath().normalize();
            causes = List.copyOf(causes);
        }

        /** Options with no cause vocabulary to suggest from. */
        public Options(Path source, Path into, boolean dryRun, boolean force, LocalDate today) {
            this(source, into, dryRun, force, today, List.of());
        }
    }

    /** What happened to one source file. */
    public enum Action { WRITE, UNCHANGED, SKIP, REFUSE, FAIL }

    /**
     * One source file's outcome.
     *
     * @param path   the source path, relative to the collection
     * @param action what was (or, on a dry run, would be) done
     * @param target the written path, relative to the target folder ("" when nothing is written)
     * @param detail   what was inferred, left empty, rewritten or copied; or why nothing was written
     * @param inferred the keys written under an {@code # inferred:} comment
     * @param empty    the keys written empty under a {@code # fill in:} comment
     */
    public record FileOutcome(String path, Action action, String target, String detail, List<String> inferred,
                              List<String> empty) {
        public FileOutcome {
            inferred = List.copyOf(inferred);
            empty = List.copyOf(empty);
        }

        FileOutcome(String path, Action action, String target, String detail) {
            this(path, action, target, detail, List.of(), List.of());
        }
    }

    /**
     * The import's outcome.
     *
     * @param files    one entry per source file, by path
     * @param problems what stopped a file, or the whole import
     * @param found    how much structure the loader found in the collection
     */
    public record Report(List<FileOutcome> files, List<Problem> problems, Coverage found) {
    }

    /** Imports a collection. */
    public Report run(Options o) {
        Validate.notNull(o, "options");
        List<Problem> problems = new ArrayList<>();
        Optional<String> refusal = refusal(o);
        if (refusal.isPresent()) {
            problems.add(Problem.error("", 0, "import", refusal.get()));
            return new Report(List.of(), problems, Coverage.of(List.of()));
        }
        Result<SiteConfig> config = new SiteConfigLoader().load(o.source(), o.today());
        problems.addAll(config.problems().stream().filter(Problem::isError).toList());
        Site site = new ContentLoader().load(o.source(), config.value(), true).value();
        Map<String, Postmortem> bySource = site.postmortems().stream()
                .collect(Collectors.toMap(Postmortem::source, Function.identity()));
        Writes writes = new Writes(o.into(), o.dryRun(), o.force());
        List<FileOutcome> out = new ArrayList<>();
        for (SourceFile f : site.files()) {
            Postmortem p = bySource.get(f.path());
            if (p == null) {
                out.add(new FileOutcome(f.path(), f.outcome() == SourceFile.Outcome.FAILED ? Action.FAIL : Action.SKIP, "",
                        f.reason().isEmpty() ? f.outcome().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                                : f.reason()));
                continue;
            }
            out.add(one(o, p, config.value(), writes, problems));
        }
        return new Report(out, problems, Coverage.of(site.postmortems()));
    }

    private FileOutcome one(Options o, Postmortem p, SiteConfig config, Writes writes, List<Problem> problems) {
        Path file = o.source().resolve(p.source());
        Result<Optional<String>> read = SourceText.read(file, p.source());
        if (read.value().isEmpty()) {
            problems.addAll(read.problems());
            return new FileOutcome(p.source(), Action.FAIL, "", "could not be read again");
        }
        String text = read.value().get();
        Header header = Header.of(text, p.source());
        String[] lines = text.split("\n", -1);
        String body = String.join("\n", Arrays.asList(lines).subList(Math.min(header.bodyLine() - 1, lines.length), lines.length));
        FrontMatterPlan plan = FrontMatterPlan.of(p, unknownKeys(header, lines, config), carriedMarks(header, lines),
                CauseSuggestions.of(p, o.causes()));
        ImageLinks.Result links = ImageLinks.of(body, o.source(), file.getParent());
        String target = p.source().contains(".") && p.source().lastIndexOf('.') > p.source().lastIndexOf('/')
                ? p.source() : p.source() + ".md";
        String written = "---\n" + plan.yaml() + "---\n" + links.body();
        Writes.Outcome w = writes.file(target, written.getBytes(StandardCharsets.UTF_8), problems);
        String dir = target.contains("/") ? target.substring(0, target.lastIndexOf('/') + 1) : "";
        for (ImageLinks.Copy c : links.copies()) {
            writes.copy(c.from(), dir + c.to(), problems);
        }
        List<String> detail = new ArrayList<>();
        if (!plan.inferred().isEmpty()) {
            detail.add("inferred: " + String.join(", ", plan.inferred()));
        }
        if (!plan.empty().isEmpty()) {
            detail.add("to fill in: " + String.join(", ", plan.empty()));
        }
        links.rewritten().forEach(r -> detail.add("link " + r));
        if (!links.copies().isEmpty()) {
            detail.add(links.copies().size() + " image(s) copied");
        }
        links.missing().forEach(m -> detail.add("missing image " + m));
        return new FileOutcome(p.source(), w.action(), target, w.action() == Action.REFUSE ? w.reason()
                : String.join("; ", detail), plan.inferred(), plan.empty());
    }

    /** The original lines of the keys neither Hindsight nor its alias table knows, to write back as they were. */
    private static List<String> unknownKeys(Header header, String[] lines, SiteConfig config) {
        if (header.keys().isEmpty()) {
            return List.of();
        }
        List<YamlNode.Entry> entries = header.keys().get().entries();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            YamlNode.Entry e = entries.get(i);
            if (FrontMatterKey.of(e.key()).isPresent() || config.keyAliases().target(e.key()).isPresent()
                    || header.jbake() && (e.key().equals("type") || e.key().equals("jbake-type"))) {
                continue;
            }
            if (header.jbake()) {
                out.add(YamlScalar.of(e.key()) + ": " + YamlScalar.of(e.value().text()));
                continue;
            }
            int from = e.line() - 1;
            int to = i + 1 < entries.size() ? entries.get(i + 1).line() - 1 : header.bodyLine() - 2;
            for (int l = from; l < to && l < lines.length; l++) {
                out.add(lines[l]);
            }
        }
        return out;
    }

    /** The {@code # inferred:} comments of a header that import wrote before, by the key below each. */
    private static Map<String, String> carriedMarks(Header header, String[] lines) {
        int end = Math.max(1, Math.min(header.bodyLine() - 2, lines.length));
        List<String> yaml = Arrays.asList(lines).subList(Math.min(1, end), end);
        Map<String, String> out = new java.util.HashMap<>();
        ImportMarks.read(yaml).stream().filter(ImportMarks.Mark::inferred).forEach(m -> out.put(m.key(), m.text()));
        return out;
    }

    private static Optional<String> refusal(Options o) {
        if (!Files.isDirectory(o.source())) {
            return Optional.of("the source " + o.source() + " is not a folder");
        }
        if (o.source().startsWith(o.into())) {
            return Optional.of("the source " + o.source() + " is inside the target " + o.into()
                    + ": import into a folder outside it");
        }
        if (o.into().startsWith(o.source())) {
            return Optional.of("the target " + o.into() + " is inside the source " + o.source()
                    + ": a second run would read the imported files as sources; import into a folder outside it");
        }
        return Optional.empty();
    }
}
