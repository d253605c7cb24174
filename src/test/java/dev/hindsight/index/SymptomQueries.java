package dev.hindsight.index;

import dev.hindsight.config.SiteConfigLoader;
import dev.hindsight.load.ContentLoader;
import dev.hindsight.model.Postmortem;
import dev.hindsight.model.Site;
import dev.hindsight.model.SiteConfig;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The evaluation queries of {@code src/test/resources/search/symptoms/<collection>.tsv}: one query a line,
 * {@code <source path><TAB><symptom|paste><TAB><query>}, {@code #} lines being comments. A collection is
 * {@code content} (the project's content/ folder) or a folder of {@code ../shared/corpus}.
 */
final class SymptomQueries {
    static final Set<String> KINDS = Set.of("symptom", "paste");
    /** A query may share at most this many distinct index terms with its target's title and summary. */
    static final int MAX_SHARED = 2;
    private static final Set<String> STOP = Set.copyOf(IncidentAnalyzer.STOPWORDS);

    /** One query, with the line it came from. */
    record Query(String collection, int line, String source, String kind, String text) {
        @Override
        public String toString() {
            return collection + ".tsv:" + line + " [" + kind + "] \"" + text + "\"";
        }
    }

    /** The well-formed queries of a file, and what was wrong with the other lines. */
    record Parsed(List<Query> queries, List<String> problems) {
    }

    private SymptomQueries() {
    }

    static Path dir() {
        return SearchParityCorpusIT.project().resolve("src/test/resources/search/symptoms");
    }

    static Path file(String collection) {
        return dir().resolve(collection + ".tsv");
    }

    /** The folder a collection's incidents are loaded from. */
    static Path folder(String collection) {
        Path project = SearchParityCorpusIT.project();
        return collection.equals("content") ? project.resolve("content")
                : project.resolve("../shared/corpus").normalize().resolve(collection);
    }

    /** At least 40 queries on our own content/, at least 10 on each corpus folder. */
    static int minimum(String collection) {
        return collection.equals("content") ? 40 : 10;
    }

    static Parsed read(String collection) throws IOException {
        List<Query> queries = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<String> lines = Files.readAllLines(file(collection), StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String where = collection + ".tsv:" + (i + 1);
            String[] f = line.split("\t", -1);
            if (f.length != 3 || f[0].isBlank() || f[2].isBlank()) {
                problems.add(where + ": expected <source>\\t<kind>\\t<query>, got " + f.length + " field(s): " + line);
            } else if (!KINDS.contains(f[1])) {
                problems.add(where + ": unknown kind \"" + f[1] + "\" (expected one of " + new TreeSet<>(KINDS) + ")");
            } else {
                queries.add(new Query(collection, i + 1, f[0], f[1], f[2]));
            }
        }
        return new Parsed(queries, problems);
    }

    /** Loads a content folder the way {@link ExportedSite} does, without indexing it. */
    static Site load(Path folder) {
        SiteConfig config = new SiteConfigLoader().load(folder, LocalDate.of(2026, 11, 1)).value();
        return new ContentLoader().load(folder, config, false).value();
    }

    /**
     * Returns what is wrong with queries against the loaded incidents: a source that is not an incident, or a
     * query sharing more than {@value #MAX_SHARED} index terms with its target's title and summary.
     */
    static List<String> checkTargets(List<Query> queries, List<Postmortem> incidents) {
        Map<String, Postmortem> bySource = incidents.stream().collect(Collectors.toMap(Postmortem::source, Function.identity()));
        SurfaceTerms surfaceTerms = new SurfaceTerms();
        List<String> problems = new ArrayList<>();
        for (Query q : queries) {
            Postmortem target = bySource.get(q.source());
            if (target == null) {
                problems.add(q + ": source \"" + q.source() + "\" is not an incident of the loaded site");
                continue;
            }
            Set<String> shared = terms(q.text(), surfaceTerms);
            shared.retainAll(terms(target.title() + "\n" + target.summary().orElse(""), surfaceTerms));
            if (shared.size() > MAX_SHARED) {
                problems.add(q + ": shares " + shared.size() + " terms with its target's title and summary " + shared);
            }
        }
        return problems;
    }

    /** The distinct index terms of a text: every word and part, stop words left out, stemmed like the index. */
    static Set<String> terms(String text, SurfaceTerms surfaceTerms) {
        Set<String> out = new TreeSet<>();
        for (WordSplitter.Word w : WordSplitter.split(text)) {
            if (!STOP.contains(w.surface())) {
                surfaceTerms.term(w.surface()).ifPresent(out::add);
            }
        }
        return out;
    }

    /** Source → slug of the loaded incidents. */
    static Map<String, String> slugsBySource(List<Postmortem> incidents) {
        return incidents.stream().collect(Collectors.toMap(Postmortem::source, Postmortem::slug));
    }
}
