package dev.hindsight.render;

import dev.hindsight.TestFolders;
import dev.hindsight.cli.Main;
import dev.hindsight.model.JsonTree;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Builds the basic fixture with {@code hindsight build}, then with {@code --with-bodies}, then without it again,
 * all three with the same cache folder, and reads incidents.json each time with jackson-core's parser.
 */
class IncidentsJsonIT {
    @TempDir
    static Path dir;
    private static byte[] plain;
    private static byte[] withBodies;
    private static byte[] plainAgain;

    @BeforeAll
    static void build() throws IOException {
        TestFolders.copy(TestFolders.basicSite(), dir.resolve("project/content"));
        plain = build("first");
        withBodies = build("second", "--with-bodies");
        plainAgain = build("third");
    }

    /** Builds into its own destination, with the one cache folder, and returns incidents.json's bytes. */
    private static byte[] build(String name, String... more) throws IOException {
        Path out = dir.resolve(name);
        List<String> args = new java.util.ArrayList<>(List.of("build", "--source", dir.resolve("project").toString(),
                "--destination", out.toString(), "--cache-dir", dir.resolve("cache").toString(), "--today", "2025-06-01"));
        args.addAll(List.of(more));
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), args.toArray(String[]::new));
        assertThat(code).as(err.toString()).isZero();
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(f -> f.startsWith("incidents") && f.endsWith(".json")))
                    .as("a small site is one file").containsExactly("incidents.json");
        }
        return Files.readAllBytes(out.resolve("incidents.json"));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object o) {
        return (List<Map<String, Object>>) o;
    }

    private static List<Map<String, Object>> sections(Map<String, Object> doc) {
        return list(doc.get("incidents")).stream().flatMap(i -> list(i.get("sections")).stream()).toList();
    }

    @Test
    void byDefaultTheFileIsCompactSchemaTwoWithoutBodies() {
        String text = new String(plain, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text.strip()).doesNotContain("\n");
        assertThat(text).doesNotContain("</script>");
        Map<String, Object> doc = JsonTree.object(plain);
        assertThat(doc).containsEntry("schema", (long) IncidentsJson.SCHEMA).containsEntry("generator", "hindsight").containsEntry("bodies", false);
        assertThat(list(doc.get("incidents"))).hasSize(5);
        assertThat(sections(doc)).isNotEmpty().allSatisfy(s -> assertThat(s).containsOnlyKeys("kind", "heading", "anchor"));
    }

    @Test
    void withBodiesEverySectionHasItsTextAndNothingElseChanges() {
        Map<String, Object> doc = JsonTree.object(withBodies);
        assertThat(doc).containsEntry("bodies", true);
        assertThat(sections(doc)).allSatisfy(s -> assertThat(s).containsOnlyKeys("kind", "heading", "anchor", "text"));
        assertThat(sections(doc)).extracting(s -> (String) s.get("text")).anyMatch(t -> t.length() > 100);
        assertThat(withBodies.length).isGreaterThan(plain.length + 1000);

        sections(doc).forEach(s -> s.remove("text"));
        doc.put("bodies", false);
        assertThat(doc).isEqualTo(JsonTree.object(plain));
    }

    @Test
    void aWarmBuildWithoutTheFlagAgainIsTheFirstBuildByteForByte() {
        assertThat(plainAgain).isEqualTo(plain);
    }
}
