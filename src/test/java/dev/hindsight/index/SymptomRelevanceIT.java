package dev.hindsight.index;

import dev.hindsight.index.SymptomQueries.Query;
import dev.hindsight.model.Postmortem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finding an incident from what the on-call engineer has in front of them: a symptom in their own words, or a
 * paste (log line, alert, support message). The queries ({@link SymptomQueries}) are written so that they share at
 * most two words with their incident's title and summary: they test the body, not the headline.
 *
 * <p>Per collection, the mean reciprocal rank of the target in the top 10 (MRR@10) of Lucene and of the browser
 * engine, both in the page's prefix mode, against a plain BM25 over the raw Markdown ({@link Bm25Baseline}). On
 * collections of at least {@value #LARGE} incidents both must be within {@value #SLACK} of the baseline; on our own
 * content/ every target must be in the top 3 on both sides.
 */
class SymptomRelevanceIT {
    static final int K = 10;
    static final int LARGE = 40;
    static final double SLACK = 0.05;
    /** Share of content/ targets that must be in the top 3 (the goal is all of them; 48 of 58 today). */
    static final double CONTENT_TOP3 = 0.8;
    /** The printed table, one row per collection and kind, printed once all collections ran. */
    private static final List<String> TABLE = new ArrayList<>();

    @TempDir
    Path dir;

    /** Every TSV present is well formed, big enough, aimed at a real incident and fair to it. */
    @Test
    void everyQueryFileIsWellFormedAndItsQueriesDoNotRepeatTheirTarget() throws Exception {
        List<Path> files;
        try (Stream<Path> list = Files.list(SymptomQueries.dir())) {
            files = list.filter(f -> f.getFileName().toString().endsWith(".tsv")).sorted().toList();
        }
        assertThat(files).as("query files in " + SymptomQueries.dir()).isNotEmpty();
        Set<String> measured = Set.of(SymptomRelevanceIT.class.getDeclaredMethod("targetsRankHigh", String.class)
                .getAnnotation(ValueSource.class).strings());
        List<String> problems = new ArrayList<>();
        int total = 0;
        int pastes = 0;
        for (Path file : files) {
            String collection = file.getFileName().toString().replaceFirst("\\.tsv$", "");
            SymptomQueries.Parsed parsed = SymptomQueries.read(collection);
            List<Query> queries = parsed.queries();
            problems.addAll(parsed.problems());
            total += queries.size();
            pastes += (int) queries.stream().filter(q -> q.kind().equals("paste")).count();
            if (!measured.contains(collection)) {
                problems.add(collection + ".tsv: not a collection the relevance test measures " + measured);
            }
            if (queries.size() < SymptomQueries.minimum(collection)) {
                problems.add(collection + ".tsv: " + queries.size() + " queries, at least " + SymptomQueries.minimum(collection) + " needed");
            }
            Path folder = SymptomQueries.folder(collection);
            if (!Files.isDirectory(folder)) {
                String reason = "corpus folder " + folder + " is not present: the sources of " + collection + ".tsv are not checked";
                if (System.getenv("CI") != null) {
                    problems.add(reason + " (CI must check them)");
                }
                System.out.println("symptom queries: " + reason);
                continue;
            }
            problems.addAll(SymptomQueries.checkTargets(queries, SymptomQueries.load(folder).postmortems()));
        }
        if (4 * pastes < total) {
            problems.add("only " + pastes + " of " + total + " queries are pastes; at least a quarter must be");
        }
        assertThat(problems).withFailMessage("%d problem(s) in the symptom queries:%n  %s", problems.size(),
                String.join(System.lineSeparator() + "  ", problems)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"content", "dfds-postmortems", "jenkins-status-incidents", "kubernetes-test-infra",
            "moj-cloud-platform-incidents", "mybinder-incidents", "posthog-post-mortems", "pydis-incidents",
            "zalando-kubernetes-on-aws"})
    void targetsRankHigh(String collection) throws Exception {
        Path folder = present(collection);
        List<Query> queries = SymptomQueries.read(collection).queries();
        assertThat(queries).as(collection + ".tsv queries").isNotEmpty();
        try (ExportedSite site = ExportedSite.of(folder, dir)) {
            List<Postmortem> incidents = site.site.postmortems();
            Map<String, String> slugs = SymptomQueries.slugsBySource(incidents);
            assertThat(queries.stream().filter(q -> !slugs.containsKey(q.source())).toList())
                    .as("queries whose source is not an incident (see the validation test)").isEmpty();

            Bm25Baseline baseline = new Bm25Baseline(folder, incidents);
            List<List<String>> js = site.javascript(queries.stream().map(Query::text).toList(), K, true);
            List<Outcome> outcomes = new ArrayList<>();
            for (int i = 0; i < queries.size(); i++) {
                Query q = queries.get(i);
                String want = slugs.get(q.source());
                List<String> base = baseline.search(q.text(), K).stream().map(slugs::get).toList();
                outcomes.add(new Outcome(q, rank(base, want), rank(site.lucene(q.text(), K, true), want), rank(js.get(i), want)));
            }
            for (String kind : List.of("all", "symptom", "paste")) {
                List<Outcome> some = outcomes.stream().filter(o -> kind.equals("all") || o.query().kind().equals(kind)).toList();
                TABLE.add(row(collection, kind, incidents.size(), some));
            }

            List<String> failures = new ArrayList<>();
            double base = mrr(outcomes, Outcome::baseline);
            if (incidents.size() >= LARGE) {
                for (Side side : List.of(new Side("lucene", Outcome::lucene), new Side("js", Outcome::js))) {
                    double mrr = mrr(outcomes, side.rank());
                    if (mrr < base - SLACK) {
                        failures.add(String.format(Locale.ROOT, "%s MRR@10 %.3f is below the baseline's %.3f - %.2f",
                                side.name(), mrr, base, SLACK));
                    }
                }
            }
            if (collection.equals("content")) {
                // The goal is every target in the top 3; today 48 of 58 are (see docs/search.md). Hold the line there.
                for (Side side : List.of(new Side("lucene", Outcome::lucene), new Side("js", Outcome::js))) {
                    List<String> misses = new ArrayList<>();
                    for (Outcome o : outcomes) {
                        int r = side.rank().applyAsInt(o);
                        if (r == 0 || r > 3) {
                            misses.add(o.query() + " → " + describe(r));
                        }
                    }
                    System.out.printf(Locale.ROOT, "content, %s: %d of %d targets outside the top 3: %s%n", side.name(),
                            misses.size(), outcomes.size(), misses);
                    if (outcomes.size() - misses.size() < Math.ceil(CONTENT_TOP3 * outcomes.size())) {
                        failures.add(side.name() + ": only " + (outcomes.size() - misses.size()) + " of " + outcomes.size()
                                + " targets in the top 3: " + misses);
                    }
                }
            }
            assertThat(failures).withFailMessage("%s: %d failure(s):%n  %s", collection, failures.size(),
                    String.join(System.lineSeparator() + "  ", failures)).isEmpty();
        }
    }

    @AfterAll
    static void printTable() {
        if (TABLE.isEmpty()) {
            return;
        }
        System.out.printf(Locale.ROOT, "%nsymptom relevance (MRR@%d; prefix mode; hits = targets in the top 10 | top 3)%n", K);
        System.out.printf(Locale.ROOT, "%-30s %-8s %9s %7s %8s %8s %8s   %-20s %-20s%n", "collection", "kind", "incidents",
                "queries", "MRR base", "lucene", "js", "top10 base/luc/js", "top3 base/luc/js");
        TABLE.forEach(System.out::println);
    }

    /** The ranks (1-based, 0 = not in the top 10) of a query's target on each side. */
    record Outcome(Query query, int baseline, int lucene, int js) {
    }

    record Side(String name, ToIntFunction<Outcome> rank) {
    }

    static String row(String collection, String kind, int incidents, List<Outcome> outcomes) {
        return String.format(Locale.ROOT, "%-30s %-8s %9d %7d %8.3f %8.3f %8.3f   %-20s %-20s", collection, kind, incidents,
                outcomes.size(), mrr(outcomes, Outcome::baseline), mrr(outcomes, Outcome::lucene), mrr(outcomes, Outcome::js),
                within(outcomes, K), within(outcomes, 3));
    }

    /** Mean reciprocal rank; 0 for a target outside the top 10. */
    static double mrr(List<Outcome> outcomes, ToIntFunction<Outcome> rank) {
        return outcomes.stream().mapToInt(rank).mapToDouble(r -> r == 0 ? 0 : 1.0 / r).average().orElse(0);
    }

    /** "base/lucene/js" counts of targets ranked within the first {@code n}. */
    static String within(List<Outcome> outcomes, int n) {
        return count(outcomes, Outcome::baseline, n) + "/" + count(outcomes, Outcome::lucene, n) + "/" + count(outcomes, Outcome::js, n);
    }

    static long count(List<Outcome> outcomes, ToIntFunction<Outcome> rank, int n) {
        return outcomes.stream().mapToInt(rank).filter(r -> r > 0 && r <= n).count();
    }

    /** The 1-based rank of a slug in the results, or 0 when absent. */
    static int rank(List<String> slugs, String want) {
        return slugs.indexOf(want) + 1;
    }

    static String describe(int rank) {
        return rank == 0 ? "not in the top " + K : "rank " + rank;
    }

    /** The collection's folder; a missing corpus folder skips the collection, except in CI, where it fails. */
    static Path present(String collection) {
        return CorpusFolder.require(SymptomQueries.folder(collection));
    }
}
