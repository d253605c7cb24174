package dev.hindsight.render;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ModelDigestTest {
    record Card(String title, Optional<String> date, List<String> tags) {
    }

    @Test
    void aModelDigestChangesWithAnyValueTheTemplateCanReadAndWithItsOrder() {
        ModelDigest d = new ModelDigest();
        Map<String, Object> a = Map.of("card", new Card("Pool ran dry", Optional.of("2024-03-11"), List.of("db", "pool")));
        String base = d.of("incident.ftlh", a).orElseThrow();
        assertThat(d.of("incident.ftlh", Map.of("card", new Card("Pool ran dry", Optional.of("2024-03-11"), List.of("db", "pool")))))
                .contains(base);
        assertThat(d.of("incident.ftlh", Map.of("card", new Card("Pool ran dry", Optional.empty(), List.of("db", "pool")))))
                .isPresent().get().isNotEqualTo(base);
        assertThat(d.of("incident.ftlh", Map.of("card", new Card("Pool ran dry", Optional.of("2024-03-11"), List.of("pool", "db")))))
                .isPresent().get().isNotEqualTo(base);
        assertThat(d.of("term.ftlh", a)).isPresent().get().isNotEqualTo(base);
        // "ab" + "c" and "a" + "bc" are different models.
        assertThat(d.of("t", Map.of("x", List.of("ab", "c")))).isNotEqualTo(d.of("t", Map.of("x", List.of("a", "bc"))));
    }

    @Test
    void aModelWithAnOpaqueObjectIsNotDigestedSoItsPageIsAlwaysRendered() {
        assertThat(new ModelDigest().of("t", Map.of("thing", new Object()))).isEmpty();
    }

}
