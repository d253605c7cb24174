package dev.hindsight.cli;

import dev.hindsight.BuildOptions;
import dev.hindsight.config.SiteConfigLoader;
import dev.hindsight.index.IncidentSearcher;
import dev.hindsight.index.IndexStore;
import dev.hindsight.index.SearchOutput;
import dev.hindsight.index.SearchRequest;
import dev.hindsight.index.SearchResult;
import dev.hindsight.load.ContentLoader;
import dev.hindsight.model.Postmortem;
import dev.hindsight.model.Problem;
import dev.hindsight.model.Result;
import dev.hindsight.model.Site;
import dev.hindsight.model.SiteConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * {@code hindsight search}: searches the incidents from the terminal with the site's Lucene index, building it first
 * when it is missing or stale.
 */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = "Search the incidents with the same index as the site. Incidents matching every word come first, then "
                + "those matching most of them; \"quoted phrases\" must match; typos are corrected. Pasted text (a log line, "
                + "an alert, a paragraph: more than 16 words or several lines) is read as \"more like this\". "
                + "Use - to read the query from standard input.")
public final class SearchCommand implements Callable<Integer> {
    /** Output formats. */
    enum Format { text, json }

    /** Characters of standard input read, at most. */
    private static final int MAX_INPUT = 64 * 1024;

    @Mixin
    SiteOptions site;

    @Parameters(arity = "1..*", paramLabel = "WORDS", description = "What to look for, e.g. \"connection pool\" or db-primary-02; "
            + "- reads it from standard input (a pasted log or alert).")
    List<String> words;

    @Option(names = {"-n", "--limit"}, paramLabel = "N", defaultValue = "10", description = "Incidents to show (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--json", description = "Same as --format json.")
    boolean json;

    @Option(names = "--cause", paramLabel = "ID", description = "Only incidents with this cause (repeatable: any of them).")
    List<String> causes = List.of();

    @Option(names = "--service", paramLabel = "ID", description = "Only incidents on this service (repeatable: any of them).")
    List<String> services = List.of();

    @Option(names = "--team", paramLabel = "ID", description = "Only incidents of this team (repeatable: any of them).")
    List<String> teams = List.of();

    @Option(names = "--severity", paramLabel = "ID", description = "Only incidents of this severity (repeatable: any of them).")
    List<String> severities = List.of();

    @Option(names = "--since", paramLabel = "DATE", description = "Only incidents on or after YYYY, YYYY-MM or YYYY-MM-DD.")
    String since;

    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        BuildOptions options = site.toBuildOptions();
        if (!Files.isDirectory(options.contentDir())) {
            err.println("hindsight: content folder not found: " + options.contentDir());
            return Main.USAGE;
        }
        Optional<LocalDate> from;
        try {
            from = since(since);
        } catch (DateTimeParseException e) {
            err.println("hindsight: --since wants YYYY, YYYY-MM or YYYY-MM-DD, not " + since);
            return Main.USAGE;
        }
        if (limit < 1) {
            err.println("hindsight: --limit must be at least 1");
            return Main.USAGE;
        }
        Result<SiteConfig> config = new SiteConfigLoader().load(options.contentDir(), options.today());
        Result<Site> loaded = new ContentLoader().load(options.contentDir(), config.value(), options.drafts());
        long errors = loaded.problems().stream().filter(Problem::isError).count() + config.problems().stream().filter(Problem::isError).count();
        if (errors > 0) {
            err.println("note: " + errors + " problem(s) in the content; `hindsight check` lists them. Searching what loaded.");
        }
        String query;
        try {
            query = words.size() == 1 && words.get(0).equals("-") ? readStdin() : String.join(" ", words);
        } catch (IOException e) {
            err.println("hindsight: could not read the query from standard input: " + e.getMessage());
            return Main.USAGE;
        }
        if (query.isBlank()) {
            err.println("hindsight: the query is empty");
            return Main.USAGE;
        }
        Map<String, Set<String>> filters = new TreeMap<>();
        put(filters, "causes", causes);
        put(filters, "services", services);
        put(filters, "teams", teams);
        put(filters, "severity", severities);
        try {
            Result<IndexStore> opened = IndexStore.open(loaded.value(), options.cacheDir());
            opened.problems().forEach(p -> err.println("note: " + p.message()));
            try (IndexStore store = opened.value()) {
                SearchResult result = new IncidentSearcher(store, config.value()).search(new SearchRequest(query, filters, from, limit, false));
                Path cwd = Path.of("").toAbsolutePath();
                Function<Postmortem, String> path = p -> {
                    Path f = options.contentDir().resolve(p.source());
                    return f.startsWith(cwd) ? cwd.relativize(f).toString() : f.toString();
                };
                out.print(json || format == Format.json ? SearchOutput.json(query, result, path) + "\n"
                        : SearchOutput.text(query, result, path));
                return Main.OK;
            }
        } catch (IOException e) {
            err.println("hindsight: could not open the search index in " + options.cacheDir() + ": " + e.getMessage());
            return Main.ERRORS;
        }
    }

    /** Reads standard input, keeping the first MAX_INPUT characters (a paste is capped at 2,000 words anyway). */
    private String readStdin() throws IOException {
        java.io.Reader r = new java.io.InputStreamReader(main.in(), java.nio.charset.StandardCharsets.UTF_8);
        char[] buf = new char[MAX_INPUT];
        int n = 0;
        for (int got; n < buf.length && (got = r.read(buf, n, buf.length - n)) > 0; ) {
            n += got;
        }
        return new String(buf, 0, n);
    }

    private static void put(Map<String, Set<String>> filters, String dim, List<String> values) {
        if (values != null && !values.isEmpty()) {
            filters.put(dim, Set.copyOf(values));
        }
    }

    static Optional<LocalDate> since(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.trim();
        if (v.matches("\\d{4}")) {
            return Optional.of(LocalDate.of(Integer.parseInt(v), 1, 1));
        }
        if (v.matches("\\d{4}-\\d{2}")) {
            return Optional.of(LocalDate.parse(v + "-01"));
        }
        return Optional.of(LocalDate.parse(v));
    }
}
