package dev.hindsight.index;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SearchIndexTest {
    private static Similar to(String slug) {
        return new Similar(slug, 1.0, List.of("dns"), List.of(), List.of());
    }

    @Test
    void withinKeepsOnlyTheListsOfIncidentsStillThereNamingOnlyThem() {
        SearchIndex before = new SearchIndex(Map.of(
                "a", List.of(to("b"), to("gone"), to("c")),
                "gone", List.of(to("a")),
                "c", List.of(to("gone"))), "search/manifest.bin", 3);
        SearchIndex now = before.within(Set.of("a", "b", "c", "new"));
        assertThat(now.similar()).containsOnlyKeys("a", "c");
        assertThat(now.similarTo("a")).extracting(Similar::slug).containsExactly("b", "c");
        assertThat(now.similarTo("c")).isEmpty();
        assertThat(now.similarTo("new")).isEmpty();
        assertThat(now.manifestPath()).isEqualTo("search/manifest.bin");
    }
}
