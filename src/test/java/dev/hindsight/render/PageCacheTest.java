package dev.hindsight.render;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class PageCacheTest {
    @TempDir
    Path dir;

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

    @Test
    void keepsPagesBetweenBuildsAndRendersAgainWhenAnEntryIsDamaged() throws IOException {
        PageCache first = PageCache.in(dir, "stamp-1");
        String key = first.key("incidents/a/index.html", "digest-a");
        first.put(key, "<p>A</p>".getBytes(StandardCharsets.UTF_8));
        PageCache second = PageCache.in(dir, "stamp-1");
        assertThat(second.get(key)).hasValueSatisfying(b -> assertThat(new String(b, StandardCharsets.UTF_8)).isEqualTo("<p>A</p>"));
        assertThat(PageCache.in(dir, "stamp-2").key("incidents/a/index.html", "digest-a")).isNotEqualTo(key);
        Path entry = entries().get(0);
        byte[] bytes = Files.readAllBytes(entry);
        bytes[bytes.length - 2] ^= 1;
        Files.write(entry, bytes);
        PageCache third = PageCache.in(dir, "stamp-1");
        assertThat(third.get(key)).isEmpty();
        assertThat(third.collect()).singleElement().satisfies(p -> assertThat(p.message()).contains("damaged"));
        Files.write(entry, new byte[] {'H', 'P'});
        assertThat(PageCache.in(dir, "stamp-1").get(key)).isEmpty();
    }

    @Test
    void aWholeBuildRemovesTheEntriesNoPageUsed() throws IOException {
        PageCache first = PageCache.in(dir, "s");
        first.put(first.key("a.html", "1"), new byte[] {1});
        first.put(first.key("b.html", "1"), new byte[] {2});
        PageCache second = PageCache.in(dir, "s");
        assertThat(second.get(second.key("a.html", "1"))).isPresent();
        second.put(second.key("b.html", "2"), new byte[] {3});
        assertThat(second.collect()).isEmpty();
        assertThat(entries()).hasSize(2);
        assertThat(PageCache.in(dir, "s").get(second.key("b.html", "1"))).isEmpty();
    }

    private List<Path> entries() throws IOException {
        try (Stream<Path> w = Files.walk(dir)) {
            return w.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
