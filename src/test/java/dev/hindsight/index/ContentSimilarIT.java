package dev.hindsight.index;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Similar incidents over our own content/: the recurrences it plants on purpose are found, near the top, with a
 * reason naming the shared cause, service and words.
 */
class ContentSimilarIT {
    @TempDir
    static Path dir;
    static ExportedSite site;
    static Map<String, List<Similar>> similar;

    @BeforeAll
    static void find() throws IOException {
        site = ExportedSite.of(SearchParityCorpusIT.project().resolve("content"), dir);
        Map<String, String> words = site.searcher.vocabulary().displayWords();
        similar = new SimilarFinder(site.store, t -> words.getOrDefault(t, t)).findAll(2);
    }

    @AfterAll
    static void close() throws IOException {
        site.close();
    }

    static String slug(String date) {
        List<String> slugs = site.store.docs().stream().map(p -> p.slug()).filter(s -> s.startsWith(date)).toList();
        assertThat(slugs).as("one incident on %s in content/", date).hasSize(1);
        return slugs.get(0);
    }

    /** Each incident of a planted family lists every other member among its first {@code within} similar incidents. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "connection pool|2022-11-25 2023-08-14 2025-03-10|3",
            "certificate expiry|2022-06-08 2023-09-19 2025-06-02|2",
            "kafka consumer lag|2023-03-07 2024-06-18 2026-01-12|2",
            "coredns|2022-09-13 2024-01-23 2025-10-07|2",
            "oomkilled|2022-12-19 2025-04-14|1"})
    void findsEveryPlantedRecurrence(String family, String dates, int within) {
        List<String> members = List.of(dates.split(" ")).stream().map(ContentSimilarIT::slug).toList();
        for (String m : members) {
            List<String> listed = similar.getOrDefault(m, List.of()).stream().map(Similar::slug).toList();
            List<String> top = listed.subList(0, Math.min(within, listed.size()));
            similar.getOrDefault(m, List.of()).forEach(s -> System.out.printf("similar %s -> %s: %s%n", m, s.slug(), s.reason()));
            for (String other : members) {
                if (!other.equals(m)) {
                    assertThat(top).as("%s: the first %d similar to %s", family, within, m).contains(other);
                }
            }
        }
    }

    @Test
    void explainsWhyWithSharedCauseServiceAndWords() {
        Similar pool = similar.get(slug("2023-08-14")).stream().filter(s -> s.slug().equals(slug("2022-11-25")))
                .findFirst().orElseThrow();
        assertThat(pool.reason()).matches("same cause: [^;]*capacity[^;]*; same service: [^;]*checkout-api[^;]*; "
                + "shared terms: \\S+(, \\S+){0,2}");
        Similar dns = similar.get(slug("2024-01-23")).stream().filter(s -> s.slug().equals(slug("2022-09-13")))
                .findFirst().orElseThrow();
        assertThat(dns.sharedCauses()).contains("config-change", "dns");
        assertThat(dns.sharedServices()).contains("coredns");
        assertThat(dns.terms()).isNotEmpty();
    }

    @Test
    void sharedTermsNeverRepeatAWordOrAPartOfOne() {
        similar.values().forEach(list -> list.forEach(s -> {
            for (int i = 0; i < s.terms().size(); i++) {
                for (int j = i + 1; j < s.terms().size(); j++) {
                    assertThat(SharedWords.overlaps(s.terms().get(i), s.terms().get(j))).as(s.reason()).isFalse();
                }
            }
        }));
        assertThat(SharedWords.overlaps("cluster-wide", "wide")).isTrue();
        assertThat(SharedWords.overlaps("db", "orders-db")).isTrue();
        assertThat(SharedWords.overlaps("coredns", "corefile")).isFalse();
    }

    @Test
    void everyIncidentWithACauseGetsSomeSimilarIncidents() {
        site.store.docs().stream().filter(p -> !p.causes().isEmpty()).forEach(p ->
                assertThat(similar.get(p.slug())).as(p.slug()).isNotEmpty().hasSizeLessThanOrEqualTo(SimilarFinder.MAX));
    }
}
