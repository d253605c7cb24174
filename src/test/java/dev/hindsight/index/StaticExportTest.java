package dev.hindsight.index;

import dev.hindsight.model.Site;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The static export of a small site, and the real JavaScript engine (under Node) against Lucene on it.
 */
class StaticExportTest {
    @TempDir
    static Path dir;
    static FolderWriter out;
    static StaticExport.Stats stats;
    static IndexStore store;
    static IncidentSearcher searcher;

    @BeforeAll
    static void export() throws IOException {
        Site site = Incidents.site();
        store = IndexStore.inMemory(site.postmortems());
        searcher = new IncidentSearcher(store);
        out = new FolderWriter(dir);
        stats = new StaticExport().write(store, searcher.vocabulary(), site.config(), out);
    }

    static String inflate(byte[] gz) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void writesEveryKindOfFileUnderContentHashedNames() throws IOException {
        assertThat(stats.manifest()).isEqualTo("search/manifest.bin");
        assertThat(stats.files()).containsKeys("manifest", "dict", "post", "pos", "facet", "frag", "typo");
        assertThat(out.files.keySet()).allMatch(p -> p.startsWith("search/") && p.endsWith(".bin"));
        String manifest = inflate(out.files.get(stats.manifest()));
        assertThat(manifest).contains("\"docs\":10").contains("\"stopwords\":[\"a\",\"an\",\"and\"");
        assertThat(out.files.values()).allMatch(b -> b[0] == (byte) 0x1f && b[1] == (byte) 0x8b);
    }

    @Test
    void sameInputGivesByteIdenticalFiles(@TempDir Path other) throws IOException {
        Site site = Incidents.site();
        FolderWriter again = new FolderWriter(other);
        try (IndexStore s = IndexStore.inMemory(site.postmortems())) {
            new StaticExport().write(s, IndexVocabulary.of(s), site.config(), again);
        }
        assertThat(again.files.keySet()).isEqualTo(out.files.keySet());
        for (String path : out.files.keySet()) {
            assertThat(Arrays.equals(again.files.get(path), out.files.get(path))).as(path).isTrue();
        }
    }

    @Test
    void javascriptRanksExactlyAsLucene() throws Exception {
        List<String> queries = List.of("connection pool", "coredns timeouts", "certificate expired", "http 503",
                "db-primary-02.internal", "k8s", "pm2021-008", "etcd", "checkout", "timeout", "hikaricp leak",
                "\"connection pool\"", "\"dns timeouts\"", "x509 certificate", "conection pool", "kubernetes 503",
                "root cause of the outage", "primary 02");
        List<Map<String, Object>> js = NodeSearch.run(dir, stats.manifest(),
                queries.stream().map(q -> NodeSearch.query(q, false)).toList());
        int found = 0;
        for (int i = 0; i < queries.size(); i++) {
            SearchResult lucene = searcher.search(SearchRequest.of(queries.get(i), 10));
            List<Long> every = lucene.hits().stream().filter(h -> !h.partial()).map(h -> (long) h.doc()).toList();
            List<?> jsHits = (List<?>) js.get(i).get("hits");
            List<?> jsPartial = (List<?>) js.get(i).get("partial");
            assertThat(jsHits.subList(0, (int) jsPartial.stream().filter(Boolean.FALSE::equals).count()))
                    .as("every-word matches, in order: " + queries.get(i)).isEqualTo(every);
            // Partial matches rank by quantized impacts in the browser: the same incidents, close scores may swap.
            assertThat(new java.util.HashSet<>(jsHits)).as(queries.get(i))
                    .isEqualTo(new java.util.HashSet<>(lucene.hits().stream().map(h -> (long) h.doc()).toList()));
            assertThat(((Number) js.get(i).get("total")).intValue()).as(queries.get(i)).isEqualTo(lucene.total());
            found += lucene.total() > 0 ? 1 : 0;
        }
        assertThat(found).as("queries with results").isEqualTo(queries.size());
    }

    @Test
    void typoCorrectionAndCompoundFallbackAgree() throws Exception {
        List<String> queries = List.of("conection pool", "certifcate", "db-primary-03", "kubernetes-ingress");
        List<Map<String, Object>> js = NodeSearch.run(dir, stats.manifest(),
                queries.stream().map(q -> NodeSearch.query(q, false)).toList());
        for (int i = 0; i < queries.size(); i++) {
            QueryPlan plan = searcher.plan(SearchRequest.of(queries.get(i), 10));
            List<Map<String, String>> corrections = new ArrayList<>();
            plan.corrections().forEach(c -> corrections.add(Map.of("from", c.from(), "to", c.to())));
            assertThat(js.get(i).get("corrections")).as(queries.get(i)).isEqualTo(corrections);
            assertThat(js.get(i).get("unmatched")).as(queries.get(i)).isEqualTo(plan.unmatched());
        }
        assertThat(js.get(0).get("corrections")).isEqualTo(List.of(Map.of("from", "conection", "to", "connection")));
        assertThat(((Number) js.get(0).get("total")).intValue()).isPositive();
    }

    @Test
    void aQueryWithNothingToSearchForMatchesNothingOnBothSides() throws Exception {
        List<String> queries = List.of("((((", "\uD83D\uDD25", "pool");
        List<Map<String, Object>> js = NodeSearch.run(dir, stats.manifest(),
                queries.stream().map(q -> NodeSearch.query(q, true)).toList());
        for (int i = 0; i < queries.size(); i++) {
            SearchResult lucene = searcher.search(new SearchRequest(queries.get(i), Map.of(), java.util.Optional.empty(), 10, true));
            assertThat(js.get(i).get("hits")).as(queries.get(i))
                    .isEqualTo(lucene.hits().stream().map(h -> (long) h.doc()).toList());
        }
        assertThat(js.get(0).get("hits")).as("((((").isEqualTo(List.of());
        assertThat(js.get(2).get("hits")).as("pool").isNotEqualTo(List.of());
    }

    @Test
    void prefixCompletionAgreesWithLucene() throws Exception {
        List<String> queries = List.of("connection po", "coredns tim", "certif", "hikari");
        List<Map<String, Object>> js = NodeSearch.run(dir, stats.manifest(),
                queries.stream().map(q -> NodeSearch.query(q, true)).toList());
        for (int i = 0; i < queries.size(); i++) {
            SearchResult lucene = searcher.search(new SearchRequest(queries.get(i), Map.of(), java.util.Optional.empty(), 10, true));
            assertThat(lucene.total()).as(queries.get(i)).isPositive();
            assertThat(js.get(i).get("hits")).as(queries.get(i))
                    .isEqualTo(lucene.hits().stream().map(h -> (long) h.doc()).toList());
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void facetFiltersAndCountsAgreeWithLucene() throws Exception {
        Map<String, Object> q = new HashMap<>(NodeSearch.query("timeouts", false));
        q.put("filters", Map.of("causes", List.of("config-change")));
        List<Map<String, Object>> js = NodeSearch.run(dir, stats.manifest(), List.of(NodeSearch.query("timeouts", false), q));
        SearchResult all = searcher.search(SearchRequest.of("timeouts", 10));
        SearchResult filtered = searcher.search(new SearchRequest("timeouts", Map.of("causes", Set.of("config-change")),
                java.util.Optional.empty(), 10, false));
        assertThat(filtered.total()).isLessThan(all.total()).isPositive();
        assertThat(((Number) js.get(1).get("total")).intValue()).isEqualTo(filtered.total());
        Map<String, List<Map<String, Object>>> counts = (Map<String, List<Map<String, Object>>>) js.get(1).get("counts");
        long causesConfig = counts.get("causes").stream().filter(c -> c.get("value").equals("config-change"))
                .mapToLong(c -> ((Number) c.get("count")).longValue()).sum();
        assertThat(causesConfig).as("drill-sideways count of the selected cause").isEqualTo(filtered.total());
        long services = counts.get("services").stream().mapToLong(c -> ((Number) c.get("count")).longValue()).max().orElse(0);
        assertThat(services).as("other dimensions count only filtered results").isLessThanOrEqualTo(filtered.total());
    }
}
