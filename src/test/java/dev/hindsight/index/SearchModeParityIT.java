package dev.hindsight.index;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Parity of the browser engine with Lucene per query mode (short, relaxed, long), in the mode the page uses (the last
 * word completed as a prefix): the known-item queries of {@link SearchParityCorpusIT} and the symptom and pasted
 * queries of {@link SymptomRelevanceIT}. Mean top-10 overlap at least 0.9 per mode, no query below 0.6.
 */
class SearchModeParityIT {
    static final double MEAN = 0.9;
    static final double LOWEST = 0.6;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"content", "dfds-postmortems", "jenkins-status-incidents", "moj-cloud-platform-incidents",
            "mybinder-incidents"})
    void everyModeRanksAlikeOnBothSides(String collection) throws Exception {
        Path folder = SymptomQueries.folder(collection);
        CorpusFolder.require(folder);
        try (ExportedSite s = ExportedSite.of(folder, dir)) {
            List<String> queries = new ArrayList<>(SearchParityCorpusIT.GENERIC);
            SymptomQueries.read(collection).queries().forEach(q -> queries.add(q.text()));
            List<Map<String, Object>> asked = new ArrayList<>();
            queries.forEach(q -> asked.add(Map.of("q", q, "prefix", true, "limit", 10, "fragments", false)));
            List<Map<String, Object>> js = NodeSearch.run(dir, s.stats.manifest(), asked);
            Map<String, List<Double>> byMode = new TreeMap<>();
            List<String> low = new ArrayList<>();
            for (int i = 0; i < queries.size(); i++) {
                SearchResult lucene = s.searcher.search(new SearchRequest(queries.get(i), Map.of(), java.util.Optional.empty(), 10, true));
                List<String> jsSlugs = new ArrayList<>();
                for (Object doc : (List<?>) js.get(i).get("hits")) {
                    jsSlugs.add(s.store.docs().get(((Number) doc).intValue()).slug());
                }
                String mode = (String) js.get(i).get("mode");
                assertThat(mode).as("mode of " + queries.get(i)).isEqualTo(lucene.plan().mode().id());
                assertThat(js.get(i).get("unquoted")).as("quotes dropped for " + queries.get(i)).isEqualTo(lucene.unquoted());
                List<?> jsDocs = (List<?>) js.get(i).get("hits");
                List<?> jsWords = (List<?>) js.get(i).get("matchedWords");
                for (SearchHit h : lucene.hits()) {
                    int at = jsDocs.indexOf(h.doc());
                    if (at >= 0 && lucene.plan().mode() != QueryMode.LONG) {
                        assertThat(((Number) jsWords.get(at)).intValue()).as("words matched, " + queries.get(i))
                                .isEqualTo(h.matched().stream().mapToInt(QueryPlan::wordCount).sum());
                    }
                }
                double overlap = SearchParityCorpusIT.overlap(jsSlugs, lucene.hits().stream().map(h -> h.postmortem().slug()).toList());
                byMode.computeIfAbsent(mode, k -> new ArrayList<>()).add(overlap);
                if (overlap < LOWEST) {
                    low.add(String.format(Locale.ROOT, "%.2f %s", overlap, queries.get(i)));
                }
            }
            byMode.forEach((mode, list) -> System.out.printf(Locale.ROOT, "mode parity %s %s: mean overlap@10 %.3f over %d queries%n",
                    collection, mode, list.stream().mapToDouble(Double::doubleValue).average().orElse(1), list.size()));
            byMode.forEach((mode, list) -> assertThat(list.stream().mapToDouble(Double::doubleValue).average().orElse(1))
                    .as(collection + " " + mode).isGreaterThanOrEqualTo(MEAN));
            assertThat(low).as("queries whose top 10 differ too much").isEmpty();
        }
    }
}
