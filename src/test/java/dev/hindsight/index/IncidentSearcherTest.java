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

    /** The incidents matching every word (partial matches left out). */
    private static List<String> slugs(String query) throws IOException {
        return searcher.search(SearchRequest.of(query, 10)).hits().stream().filter(h -> !h.partial())
                .map(h -> h.postmortem().slug()).toList();
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
    void aQueryWithNothingToSearchForMatchesNothingUnlessAFilterNarrowsIt() throws IOException {
        for (String q : new String[] {"((((", "\uD83D\uDD25", "-- ?? !!"}) {
            SearchResult r = searcher.search(SearchRequest.of(q, 10));
            assertThat(r.total()).as(q).isZero();
            assertThat(r.hits()).as(q).isEmpty();
        }
        SearchResult filtered = searcher.search(new SearchRequest("((((", Map.of("severity", Set.of("SEV1")), Optional.empty(), 10, false));
        assertThat(filtered.hits()).as("a filter alone still lists its incidents").isNotEmpty();
        assertThat(searcher.search(SearchRequest.of("pool", 10)).hits()).as("a word still finds").isNotEmpty();
    }

    @Test
    void wordsAreAndedAndStemmed() throws IOException {
        assertThat(slugs("connections pool")).containsExactlyInAnyOrder("2022-11-25-checkout-pool", "2025-03-10-checkout-leak");
        assertThat(slugs("coredns timeout").get(0)).startsWith("2022-09-13");
        assertThat(slugs("coredns certificate")).isEmpty();
    }

    @Test
    void fewerThanAPageOfEveryWordMatchesAreFollowedByPartialMatchesThatSayWhatTheyMiss() throws IOException {
        SearchResult r = searcher.search(SearchRequest.of("coredns certificate", 10));
        assertThat(r.total()).isZero();
        assertThat(r.plan().mode()).isEqualTo(QueryMode.SHORT);
        assertThat(r.hits()).isNotEmpty().allMatch(SearchHit::partial);
        assertThat(r.hits()).allMatch(h -> h.matched().size() == 1 && h.missing().size() == 1);
        assertThat(r.hits().get(0).matched()).containsAnyOf("coredns", "certificate");
        SearchResult typed = searcher.search(SearchRequest.of("checkout pool exhausted at 30000ms zzzzqqq", 10));
        assertThat(typed.plan().mode()).isEqualTo(QueryMode.RELAXED);
        assertThat(typed.plan().unmatched()).contains("zzzzqqq");
        assertThat(typed.hits()).isNotEmpty();
        assertThat(typed.hits().get(0).postmortem().slug()).isEqualTo("2022-11-25-checkout-pool");
        assertThat(typed.hits()).allMatch(h -> h.missing().contains("zzzzqqq"));
    }

    @Test
    void pastedTextIsReadAsMoreLikeThisAndIgnoresWordsNoIncidentUses() throws IOException {
        String paste = "2025-03-10T14:22:01.123Z ERROR [http-nio-8080-exec-7] c.z.h.p.HikariPool - 7f3c9a1e-2b4d-4c8e "
                + "Connection is not available, request timed out after 30000ms while checkout-api waited on the pool";
        SearchResult r = searcher.search(SearchRequest.of(paste, 10));
        assertThat(r.plan().mode()).isEqualTo(QueryMode.LONG);
        assertThat(r.plan().corrections()).isEmpty();
        assertThat(r.plan().clauses()).extracting(QueryPlan.Clause::word).doesNotContain("30000ms", "7f3c9a1e", "zzzzqqq")
                .contains("pool");
        assertThat(r.hits()).isNotEmpty();
        assertThat(r.hits().subList(0, Math.min(r.total(), r.hits().size()))).as("those sharing two picked words")
                .allMatch(h -> h.matched().size() >= 2);
        assertThat(r.hits().subList(Math.min(r.total(), r.hits().size()), r.hits().size()))
                .as("then, to fill the page, those sharing one").allMatch(h -> h.matched().size() == 1);
        assertThat(r.hits().get(0).postmortem().slug()).isIn("2022-11-25-checkout-pool", "2025-03-10-checkout-leak");
        assertThat(r.mentions()).extracting(Mentions.Name::dimension, Mentions.Name::id)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("services", "checkout-api"));
    }

    @Test
    void phrasesMustBeAdjacent() throws IOException {
        assertThat(slugs("\"connection pool\"")).contains("2022-11-25-checkout-pool");
        SearchResult swapped = searcher.search(SearchRequest.of("\"pool connection\"", 10));
        assertThat(swapped.unquoted()).as("no incident has the phrase: its words without the quotes").isTrue();
        assertThat(swapped.hits()).extracting(h -> h.postmortem().slug()).contains("2022-11-25-checkout-pool");
        assertThat(searcher.search(SearchRequest.of("\"connection pool\"", 10)).unquoted()).isFalse();
        assertThat(slugs("\"root cause of the outage\"")).containsExactly("2024-08-09-gateway-3ds");
        assertThat(slugs("\"http 503\"")).contains("2022-11-25-checkout-pool", "2021-03-02-pm2021-008");
    }

    @Test
    void quotesInAPastedLineThatMatchNothingAsWrittenAreReadAsWords() throws IOException {
        SearchResult r = searcher.search(SearchRequest.of("level=error msg=\"pool timed out\" service=\"checkout api\"", 10));
        assertThat(r.unquoted()).isTrue();
        assertThat(r.plan().phrases()).isEmpty();
        assertThat(r.hits()).isNotEmpty();
        assertThat(SearchOutput.text("q", r, p -> p.slug())).startsWith(SearchOutput.UNQUOTED);
        assertThat(SearchOutput.json("q", r, p -> p.slug())).contains("\"unquoted\":true");
    }

    @Test
    void whenNoIncidentHasTwoOfTheWordsThoseWithOneFillThePage() throws IOException {
        // Three words, each in exactly one incident, and not the same one: no incident has two of them.
        java.util.Map<String, String> onlyIn = new java.util.LinkedHashMap<>();
        for (var p : store.docs()) {
            for (String w : WordSplitter.queryWords(p.title() + " " + p.bodyText())) {
                SearchResult alone = searcher.search(SearchRequest.of(w, 10));
                if (w.length() > 3 && alone.total() == 1 && alone.plan().corrections().isEmpty()
                        && alone.hits().get(0).postmortem() == p && !onlyIn.containsValue(p.slug())) {
                    onlyIn.put(w, p.slug());
                    break;
                }
            }
            if (onlyIn.size() == 3) {
                break;
            }
        }
        assertThat(onlyIn).as("words found in one incident each").hasSize(3);

        SearchResult r = searcher.search(SearchRequest.of(String.join(" ", onlyIn.keySet()), 10));

        assertThat(r.plan().minMatch()).isEqualTo(2);
        assertThat(r.hits()).extracting(h -> h.postmortem().slug()).containsExactlyInAnyOrderElementsOf(onlyIn.values());
        assertThat(r.hits()).allMatch(h -> h.partial() && h.matched().size() == 1);
    }

    @Test
    void aSynonymPhraseCountsAsTheWordsItCovers() {
        QueryPlan.Clause merged = new QueryPlan.Clause("internal server error", java.util.List.of());
        assertThat(merged.size()).isEqualTo(3);
        assertThat(QueryPlan.wordCount("pool")).isEqualTo(1);
        QueryPlan plan = searcher.plan(SearchRequest.of("internal server error zzzzqqq", 10));
        assertThat(plan.words()).isEqualTo(plan.clauses().stream().mapToInt(QueryPlan.Clause::size).sum());
    }

    @Test
    void aCorrectionInADescriptionWeighsLessThanInAFewKeywords() {
        QueryPlan keywords = searcher.plan(SearchRequest.of("hikarcp pool", 10));
        QueryPlan description = searcher.plan(SearchRequest.of("the checkout api kept running out of hikarcp pool slots", 10));
        assertThat(keywords.corrections()).extracting(QueryPlan.Correction::to).contains("hikaricp");
        assertThat(description.corrections()).extracting(QueryPlan.Correction::to).contains("hikaricp");
        assertThat(weightOf(keywords, "hikaricp")).isEqualTo(1.0);
        assertThat(weightOf(description, "hikaricp")).isEqualTo(QueryPlanner.CORRECTED_WEIGHT);
        assertThat(weightOf(description, "pool")).as("a word the corpus has keeps its weight").isEqualTo(1.0);
    }

    private static double weightOf(QueryPlan plan, String word) {
        return plan.clauses().stream().filter(c -> c.word().equals(word)).findFirst().orElseThrow()
                .alternatives().get(0).weight();
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
        assertThat(r.hits().stream().filter(h -> !h.partial())).extracting(h -> h.postmortem().slug())
                .containsExactly("2022-11-25-checkout-pool", "2025-03-10-checkout-leak");
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
