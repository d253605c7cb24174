package dev.hindsight.index;

import dev.hindsight.model.Postmortem;
import dev.hindsight.model.Site;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SimilarFinderTest {
    static IndexStore store;
    static Map<String, List<Similar>> similar;

    @BeforeAll
    static void find() throws IOException {
        Site site = Incidents.site();
        store = IndexStore.inMemory(site.postmortems());
        Map<String, String> words = IndexVocabulary.of(store).displayWords();
        similar = new SimilarFinder(store, t -> words.getOrDefault(t, t)).findAll(2);
    }

    @AfterAll
    static void close() throws IOException {
        store.close();
    }

    private static String first(String slug) {
        assertThat(similar.get(slug)).as(slug).isNotEmpty();
        return similar.get(slug).get(0).slug();
    }

    @Test
    void findsThePlantedRecurrencesFirst() {
        assertThat(first("2022-11-25-checkout-pool")).isEqualTo("2025-03-10-checkout-leak");
        assertThat(first("2025-03-10-checkout-leak")).isEqualTo("2022-11-25-checkout-pool");
        assertThat(first("2024-01-23-coredns-corefile")).isEqualTo("2022-09-13-coredns-ndots");
        assertThat(first("2022-06-08-edge-cert")).isEqualTo("2025-06-02-callback-cert");
    }

    @Test
    void explainsWhyWithCausesServicesAndWords() {
        Similar s = similar.get("2022-11-25-checkout-pool").get(0);
        assertThat(s.sharedCauses()).containsExactly("capacity");
        assertThat(s.sharedServices()).containsExactly("checkout-api");
        assertThat(s.terms()).isNotEmpty().hasSizeLessThanOrEqualTo(3);
        assertThat(s.reason()).startsWith("same cause: capacity; same service: checkout-api; shared terms: ");
    }

    @Test
    void neverListsAnIncidentAsSimilarToItselfAndKeepsAtMostFive() {
        similar.forEach((slug, list) -> {
            assertThat(list).hasSizeLessThanOrEqualTo(SimilarFinder.MAX);
            assertThat(list).extracting(Similar::slug).doesNotContain(slug).doesNotHaveDuplicates();
            assertThat(list).extracting(Similar::score).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        });
    }

    @Test
    void leavesOutWeakMatches() {
        assertThat(similar).allSatisfy((slug, list) -> {
            double best = list.get(0).score();
            assertThat(list).as(slug).allMatch(s -> s.score() >= best * SimilarFinder.RELATIVE_CUTOFF);
        });
        // The cut-off is not idle on this fixture: some list is shorter than five although candidates were there.
        assertThat(similar.values()).anyMatch(l -> l.size() < SimilarFinder.MAX);
    }

    @Test
    void aRealIncidentComesBeforeANearMissLikeIt() throws IOException {
        String text = "The invoice queue consumers stalled when the broker ran out of file handles.";
        List<Postmortem> list = new ArrayList<>(Incidents.site().postmortems());
        list.add(Incidents.pm("2024-01-01-queue-a", "Invoice queue stalled", "SEV2", text, text, "capacity", "invoices", "queue"));
        // Same words, causes and services: equal scores, and the near miss would come first by slug.
        list.add(dev.hindsight.model.PostmortemFixture.of("2024-02-01-queue-nm").title("Invoice queue stalled").summary(text)
                .body("<p>" + text + "</p>", text + "\n\n" + text).causes("capacity").services("invoices").tags("queue")
                .teams("sre").detection("alert").nearMiss().build());
        list.add(Incidents.pm("2024-03-01-queue-real", "Invoice queue stalled", "SEV2", text, text, "capacity", "invoices", "queue"));
        try (IndexStore q = IndexStore.inMemory(new Site(Incidents.config(), list, List.of(), List.of()).postmortems())) {
            Map<String, String> words = IndexVocabulary.of(q).displayWords();
            List<Similar> found = new SimilarFinder(q, t -> words.getOrDefault(t, t)).findAll(1).get("2024-01-01-queue-a");
            assertThat(found).extracting(Similar::slug).startsWith("2024-03-01-queue-real", "2024-02-01-queue-nm");
        }
    }

    @Test
    void givesTheSameAnswerWithOneThread() throws IOException {
        Map<String, String> words = IndexVocabulary.of(store).displayWords();
        assertThat(new SimilarFinder(store, t -> words.getOrDefault(t, t)).findAll(1)).isEqualTo(similar);
    }

    @Test
    void neverLinksIncidentsThatShareOnlyTheirDates() throws IOException {
        String when = " Tuesday, March 15th 2021, 13:05 UTC (1305utc, 9am PST) to Wednesday 2021-03-16.";
        List<Postmortem> list = new ArrayList<>(Incidents.site().postmortems());
        list.add(Incidents.pm("2021-03-15-redis-evictions", "Redis evicted session keys", "SEV2",
                "Sessions vanished because sessions-redis hit maxmemory and evicted keys." + when,
                "The eviction policy allkeys-lru dropped logins." + when, "capacity", "checkout-api", "redis"));
        list.add(Incidents.pm("2021-03-15-cdn-purge", "Stale images after a CDN purge", "SEV3",
                "Product images stayed stale because a Fastly purge was throttled." + when,
                "The purge API answered 429 and nobody retried." + when, "dependency", "edge-proxy", "cdn"));
        Site site = new Site(Incidents.config(), list, List.of(), List.of());
        try (IndexStore dated = IndexStore.inMemory(site.postmortems())) {
            Map<String, String> words = IndexVocabulary.of(dated).displayWords();
            Map<String, List<Similar>> found = new SimilarFinder(dated, t -> words.getOrDefault(t, t)).findAll(1);
            assertThat(found.getOrDefault("2021-03-15-redis-evictions", List.of())).extracting(Similar::slug)
                    .doesNotContain("2021-03-15-cdn-purge");
            assertThat(found.getOrDefault("2021-03-15-cdn-purge", List.of())).extracting(Similar::slug)
                    .doesNotContain("2021-03-15-redis-evictions");
            found.values().stream().flatMap(List::stream).forEach(s ->
                    assertThat(s.terms()).as(s.reason()).noneMatch(CalendarWords::is));
        }
    }

    @Test
    void explainsAMatchByTheWordsBothIncidentsReturnToNotByWordsTheyMention() throws IOException {
        // Both name the pool three times each; both say "harmless" once, and both happened around Black Friday.
        List<Postmortem> list = new ArrayList<>(Incidents.site().postmortems());
        list.add(Incidents.pm("2023-11-24-pool-a", "Orders slow on the busiest day", "SEV2",
                "The pgbouncer pool filled during Black Friday traffic.",
                "The pgbouncer pool stayed full until pgbouncer was restarted. A harmless looking deploy went out earlier.",
                "capacity", "orders-db", "db"));
        list.add(Incidents.pm("2024-11-29-pool-b", "Orders failing at peak", "SEV2",
                "The pgbouncer pool ran out of server connections on Black Friday.",
                "Raising the pgbouncer pool size and a pgbouncer restart fixed it. The alert seemed harmless at first.",
                "capacity", "orders-db", "db"));
        try (IndexStore q = IndexStore.inMemory(new Site(Incidents.config(), list, List.of(), List.of()).postmortems())) {
            Map<String, String> words = IndexVocabulary.of(q).displayWords();
            List<Similar> found = new SimilarFinder(q, t -> words.getOrDefault(t, t)).findAll(1).get("2023-11-24-pool-a");
            Similar s = found.stream().filter(x -> x.slug().equals("2024-11-29-pool-b")).findFirst().orElseThrow();
            assertThat(s.terms()).contains("pgbouncer").doesNotContain("black", "harmless");
        }
    }

    @Test
    void aWordThatOnlyComesBeforeACalendarWordNamesADay() {
        assertThat(SharedWords.dateNames(List.of("black", "fridai", "traffic", "black", "fridai"))).containsExactly("black");
        assertThat(SharedWords.dateNames(List.of("patch", "tuesdai", "rollout"))).containsExactly("patch");
        // Used elsewhere too, it is a word of its own; a calendar word before another is a date, not a name.
        assertThat(SharedWords.dateNames(List.of("black", "fridai", "black", "box"))).isEmpty();
        assertThat(SharedWords.dateNames(List.of("march", "15", "deploy"))).isEmpty();
    }
}
