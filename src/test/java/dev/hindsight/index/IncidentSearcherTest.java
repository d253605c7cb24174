package dev.hindsight.index;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class IncidentSearcherTest {
    static IndexStore store;
    static IncidentSearcher searcher;

    @BeforeAll
    static void open() throws IOException {
        store = IndexStore.inMemory(Incidents.site().postmortems());
        searcher = new IncidentSearcher(store);
    }

    @AfterAll
    static void close() throws IOException {
        store.close();
    }

    private static List<String> slugs(String query) throws IOException {
        return searcher.search(SearchRequest.of(query, 10)).hits().stream().map(h -> h.postmortem().slug()).toList();
    }

    @Test
    void findsIdentifiersAsWritten() throws IOException {
        assertThat(slugs("db-primary-02.internal")).containsExactly("2022-11-25-checkout-pool");
        assertThat(slugs("PM2021-008")).containsExactly("2021-03-02-pm2021-008");
        assertThat(slugs("x509")).containsExactlyInAnyOrder("2022-06-08-edge-cert", "2025-06-02-callback-cert");
        assertThat(slugs("k8s etcd")).containsExactly("2023-05-22-etcd-disk");
        assertThat(slugs("primary")).containsExactly("2022-11-25-checkout-pool");
    }

    @Test
    void wordsAreAndedAndStemmed() throws IOException {
        assertThat(slugs("connections pool")).containsExactlyInAnyOrder("2022-11-25-checkout-pool", "2025-03-10-checkout-leak");
        assertThat(slugs("coredns timeout").get(0)).startsWith("2022-09-13");
        assertThat(slugs("coredns certificate")).isEmpty();
    }

    @Test
    void phrasesMustBeAdjacent() throws IOException {
        assertThat(slugs("\"connection pool\"")).contains("2022-11-25-checkout-pool");
        assertThat(slugs("\"pool connection\"")).isEmpty();
        assertThat(slugs("\"root cause of the outage\"")).containsExactly("2024-08-09-gateway-3ds");
        assertThat(slugs("\"http 503\"")).contains("2022-11-25-checkout-pool", "2021-03-02-pm2021-008");
    }

    @Test
    void correctsTyposAndSaysSo() throws IOException {
        SearchResult r = searcher.search(SearchRequest.of("hikarcp conection", 10));
        assertThat(r.plan().corrections()).extracting(QueryPlan.Correction::to).containsExactly("hikaricp", "connection");
        assertThat(r.hits()).isNotEmpty();
        assertThat(searcher.search(SearchRequest.of("zzzzqqq", 10)).plan().unmatched()).containsExactly("zzzzqqq");
    }

    @Test
    void unknownCompoundsFallBackToTheirParts() throws IOException {
        SearchResult r = searcher.search(SearchRequest.of("checkout-pool-exhaustion", 10));
        assertThat(r.plan().clauses()).extracting(QueryPlan.Clause::word).containsExactly("checkout", "pool", "exhaustion");
        assertThat(r.hits()).extracting(h -> h.postmortem().slug()).containsExactly("2022-11-25-checkout-pool",
                "2025-03-10-checkout-leak");
    }

    @Test
    void filtersBySinceAndFacets() throws IOException {
        SearchResult since = searcher.search(new SearchRequest("certificate", Map.of(), Optional.of(LocalDate.of(2024, 1, 1)), 10, false));
        assertThat(since.hits()).extracting(h -> h.postmortem().slug()).containsExactly("2025-06-02-callback-cert");
        SearchResult sev = searcher.search(new SearchRequest("", Map.of("severity", Set.of("SEV1")), Optional.empty(), 10, false));
        assertThat(sev.hits()).extracting(h -> h.postmortem().slug()).containsExactly("2024-01-23-coredns-corefile",
                "2022-11-25-checkout-pool", "2022-06-08-edge-cert", "2021-03-02-pm2021-008");
    }

    @Test
    void snippetsMarkTheMatchedWords() throws IOException {
        SearchHit hit = searcher.search(SearchRequest.of("max_connections", 1)).hits().get(0);
        assertThat(hit.snippet().marked("[", "]")).contains("[max_connections]");
        SearchHit stem = searcher.search(SearchRequest.of("leaks", 1)).hits().get(0);
        assertThat(stem.snippet().marked("[", "]")).contains("[leak]");
    }
}
