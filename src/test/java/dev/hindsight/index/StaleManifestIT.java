package dev.hindsight.index;

import dev.hindsight.BuildOptions;
import dev.hindsight.BuildReport;
import dev.hindsight.Pipeline;
import dev.hindsight.model.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reader whose cache hands out the search manifest of the deploy before the last one still gets results: the
 * manifest keeps one name, and a host that caches it for minutes (GitHub Pages) serves the old one, which names
 * shards the new deploy no longer has. The engine meets the missing file, loads the manifest past the cache, and
 * runs the query again.
 */
class StaleManifestIT {
    private static final String MANIFEST = "search/manifest.bin";
    /** A word no postmortem holds until the edit adds it. */
    private static final String NEW_WORD = "quokkaflux";

    @TempDir
    Path tmp;

    @Test
    void aQueryOnAStaleManifestLoadsItAgainAndFindsTheNewDeploy() throws Exception {
        Path content = tmp.resolve("content");
        dev.hindsight.TestFolders.copy(project().resolve("content"), content);
        Path site = tmp.resolve("public");
        build(content, site);
        Path stale = tmp.resolve("old-manifest.bin");
        Files.copy(site.resolve(MANIFEST), stale);
        List<String> before = shards(site);

        Path file;
        try (Stream<Path> files = Files.list(content.resolve("postmortems"))) {
            file = files.filter(f -> f.toString().endsWith(".md")).sorted().findFirst().orElseThrow();
        }
        Files.writeString(file, Files.readString(file) + "\n\nThe " + NEW_WORD + " relay dropped every retry.\n");
        build(content, site);
        assertThat(shards(site)).as("the edit must retire some of the old deploy's shards")
                .isNotEmpty().isNotEqualTo(before);
        assertThat(before).as("shards the stale manifest names that the new deploy lacks")
                .anyMatch(s -> !Files.exists(site.resolve(s)));

        List<Map<String, Object>> asked = List.of(Map.of("q", NEW_WORD, "prefix", false, "limit", 10));
        Map<String, Object> recovered = NodeSearch.run(site, MANIFEST, asked, List.of(stale.toString())).get(0);
        assertThat(recovered.get("error")).as("query on a stale manifest").isNull();
        assertThat(((Number) recovered.get("reloads")).intValue()).isEqualTo(1);
        assertThat((List<?>) recovered.get("hits")).hasSize(1);

        Map<String, Object> current = NodeSearch.run(site, MANIFEST, asked).get(0);
        assertThat(((Number) current.get("reloads")).intValue()).as("a current manifest needs no reload").isZero();
        assertThat(current.get("hits")).isEqualTo(recovered.get("hits"));

        // A cache that ignores the request to go past it: one reload, then the error is reported, not looped on.
        Map<String, Object> stuck = NodeSearch.run(site, MANIFEST, asked, List.of(stale.toString(), "sticky")).get(0);
        assertThat((String) stuck.get("error")).contains("404");
        assertThat(((Number) stuck.get("reloads")).intValue()).isEqualTo(1);
    }

    /** Returns the site paths of every search file but the manifest, sorted. */
    private static List<String> shards(Path site) throws IOException {
        try (Stream<Path> files = Files.walk(site.resolve("search"))) {
            return files.filter(Files::isRegularFile).map(f -> site.relativize(f).toString().replace('\\', '/'))
                    .filter(p -> !p.equals(MANIFEST)).sorted().toList();
        }
    }

    private void build(Path content, Path site) {
        BuildReport report = new Pipeline(stage -> { }).build(BuildOptions.defaults(project(), LocalDate.of(2026, 12, 1))
                .withContent(content).withDestination(site).withCache(tmp.resolve("cache")));
        assertThat(report.problems()).filteredOn(Problem::isError).isEmpty();
        assertThat(report.published()).isTrue();
    }

    private static Path project() {
        return Path.of(System.getProperty("hindsight.project.dir", ".")).toAbsolutePath();
    }
}
